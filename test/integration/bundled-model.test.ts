import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/io/package-root.js';
import { ModelRegistry } from '../../src/model-loader/registry.js';
import { deriveModel100 } from '../../scripts/derive-model-1.0.0.js';
import { FACTS_1_0_0, FACTS_2_0_0 } from '../support/facts-model.js';

const registry = new ModelRegistry({ dataDir: mkdtempSync(join(tmpdir(), 'pkimm-bundled-')) });

describe.each([
  ['2.0.0', FACTS_2_0_0, 16, 76, 52, 'Foundational'],
  ['1.0.0', FACTS_1_0_0, 15, 72, 47, 'Basic'],
] as const)('bundled PKIMM %s', (version, facts, categoryCount, requirementCount, weightSum, level2) => {
  it('carries exactly the official ids, weights and order', async () => {
    const model = await registry.get('pkimm', version);
    const categories = model.modules.flatMap((m) => m.categories);
    expect(categories).toHaveLength(categoryCount);
    expect(categories.flatMap((c) => c.requirements)).toHaveLength(requirementCount);
    expect(categories.reduce((s, c) => s + c.weight, 0)).toBe(weightSum);
    expect(
      categories.map((c) => [c.moduleId, c.id, c.weight, c.requirements.map((r) => [r.id, r.weight])]),
    ).toEqual(facts.map(([moduleId, id, weight, , requirements]) => [moduleId, id, weight, requirements]));
    expect(model.levels.map((l) => l.name)).toEqual(['Initial', level2, 'Advanced', 'Managed', 'Optimized']);
  });

  it('has a complete text for every category, level and requirement', async () => {
    const model = await registry.get('pkimm', version);
    for (const module of model.modules) {
      expect(module.description.length).toBeGreaterThan(40);
      for (const category of module.categories) {
        expect(category.description.length, category.key).toBeGreaterThan(80);
        expect(category.levels.map((l) => l.number)).toEqual([1, 2, 3, 4, 5]);
        expect(new Set(category.levels.map((l) => l.description)).size, category.key).toBe(5);
        for (const r of category.requirements) {
          expect(r.name.length, r.key).toBeGreaterThan(5);
          expect(r.guidance.length, r.key).toBeGreaterThan(80);
          expect(r.assessment, r.key).toMatch(/\n- /);
        }
      }
    }
    for (const level of model.levels) {
      expect(level.meaning.length).toBeGreaterThan(20);
      expect(level.indicators.length).toBeGreaterThanOrEqual(3);
      expect(level.risks.length).toBeGreaterThan(10);
    }
  });
});

describe('bundled model files', () => {
  it('1.0.0 is up to date with the 2.0.0 texts (run scripts/derive-model-1.0.0.ts after editing them)', () => {
    const committed = readFileSync(join(packageRoot(), 'model', 'pkimm-model-1.0.0.yaml'), 'utf8');
    expect(committed).toBe(deriveModel100());
  });

  it('uses 1.0.0 positions as keys and keeps the two cipher-suite requirements', async () => {
    const model = await registry.get('pkimm', '1.0.0');
    const keys = model.modules.flatMap((m) => m.categories.flatMap((c) => c.requirements.map((r) => r.key)));
    expect(keys[0]).toBe('G.1.1');
    expect(keys).toContain('M.5.5');
    expect(keys).toContain('M.6.2');
    expect(keys.at(-1)).toBe('R.15.4');
  });

  it('2.0.0 positions follow the model order', async () => {
    const model = await registry.get('pkimm', '2.0.0');
    const crypto = model.modules[0]!.categories[4]!;
    expect(crypto).toMatchObject({ id: 'cryptography', key: 'G.cryptography', position: 'G.5' });
    expect(crypto.requirements[5]).toMatchObject({
      key: 'G.cryptography.crypto-agility',
      position: 'G.5.6',
      weight: 5,
    });
  });
});
