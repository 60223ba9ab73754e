import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseAssessmentText, readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { serializeAssessment } from '../../src/assessment-io/serialize.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';
import { officialArbitrary } from '../helpers/arbitraries.js';
import { bundledRegistry, EXAMPLES, FIXTURES, fixtureText } from '../helpers/registry.js';

const registry = bundledRegistry();
const exports = [
  ...readdirSync(join(FIXTURES, 'official')).map((name) => `official/${name}`),
  '../../../examples/official-export-2.0.0-full.yaml',
];

describe('the official export, read and written back', () => {
  it.each(exports)('%s is written back byte for byte', async (relative) => {
    const text = fixtureText(relative);
    expect(dump(load(text))).toBe(text); // the fixture is exactly what js-yaml writes
    const { assessment, format, model } = await parseAssessmentText(text, relative, registry);
    expect(format).toBe('official');
    expect(serializeAssessment(assessment, model, 'official')).toBe(text);
  });

  it.each(exports)('%s survives a detour through our YAML and JSON files', async (relative) => {
    const text = fixtureText(relative);
    const { assessment, model } = await parseAssessmentText(text, relative, registry);
    for (const ours of ['pkimm-yaml', 'pkimm-json'] as const) {
      const converted = await parseAssessmentText(
        serializeAssessment(assessment, model, ours),
        'converted',
        registry,
      );
      expect(converted.format).toBe('pkimm');
      expect(converted.assessment).toStrictEqual(assessment);
      expect(serializeAssessment(converted.assessment, model, 'official')).toBe(text);
    }
  });

  it('rewrites generated exports byte for byte (js-yaml in, js-yaml out)', async () => {
    const model = await registry.get('pkimm', '2.0.0');
    await fc.assert(
      fc.asyncProperty(officialArbitrary(model), async (official) => {
        const text = dump(official);
        const { assessment } = await parseAssessmentText(text, 'generated', registry);
        expect(serializeAssessment(assessment, model, 'official')).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});

describe('our files as official exports', () => {
  const ours = [
    join(EXAMPLES, 'sample-assessment-2.0.0.yaml'),
    join(EXAMPLES, 'sample-self-assessment-1.0.0.yaml'),
    ...readdirSync(join(FIXTURES, 'valid')).map((name) => join(FIXTURES, 'valid', name)),
  ];

  it.each(ours)('%s → official → pkimm gives the same assessment', async (path) => {
    const { assessment, model } = await readAssessmentFile(path, registry);
    const official = serializeAssessment(assessment, model, 'official');
    const back = await parseAssessmentText(official, 'exported', registry);
    expect(back.format).toBe('official');
    expect(back.assessment).toStrictEqual(assessment);
    expect(scoreAssessment(model, back.assessment)).toEqual(scoreAssessment(model, assessment));
  });

  it('writes a complete export in the app shape: every category seeded, labels, ladder texts', async () => {
    const { assessment, model } = await readAssessmentFile(
      join(EXAMPLES, 'sample-self-assessment-1.0.0.yaml'),
      registry,
    );
    const text = serializeAssessment(assessment, model, 'official');
    const category = model.modules[0]!.categories[0]!;
    expect(
      text.startsWith(
        'stateSchemaVersion: 2\ndataVersion: 1.0.0\nname: Brightwater Utilities PKI self-check 2025\n',
      ),
    ).toBe(true);
    for (const key of model.modules.flatMap((m) => m.categories).map((c) => c.key))
      expect(text).toContain(`\n  ${key}:\n    level: `);
    const progress = (load(text) as { progress: Record<string, unknown> }).progress;
    expect(progress['G.1']).toEqual({
      level: 3,
      result: '3 - Advanced',
      description: category.levels[2]!.description,
      applicability: true,
      notes: 'A board member sponsors the PKI; the strategy is approved but not measured.',
    });
    expect(text).toContain('  M.6:\n    level: 2\n    result: 2 - Foundational\n'); // 2.x labels, even for 1.0.0
    expect(text).toContain(
      "  R.15:\n    level: 0\n    result: Not Applicable\n    description: ''\n    applicability: false\n",
    );
    expect(text).toContain('\nx-pkimm:\n  mode: self\n');
  });

  it('keeps requirement entries in the app order: level, applicability, notes, evidence, then the rest', async () => {
    const { assessment, model } = await readAssessmentFile(
      join(FIXTURES, 'valid', 'full-2.0.0.yaml'),
      registry,
    );
    const text = serializeAssessment(assessment, model, 'official');
    expect(text).toContain(
      [
        '  G.strategy-and-vision.sponsor-support:',
        '    level: 4',
        '    applicability: true',
        '    notes: The CIO sponsors the PKI',
        '    evidence: Board minutes 2026-03',
        '    flagged: true',
        '    flagNote: Confirm the budget for 2027',
        '    completed: true',
        "    updatedAt: '2026-10-02T10:00:00.000Z'",
        '    pocId: poc-1',
      ].join('\n'),
    );
    // Module R is out of scope in pkimm: the app records that on each of its categories.
    expect(text).toContain(
      "  R.sourcing:\n    level: 0\n    result: Not Applicable\n    description: ''\n    applicability: false\n    applicabilityReason: Resources are assessed group-wide in a separate review\n",
    );
  });
});

describe('scoring what the app exported', () => {
  it('uses requirement ratings in full mode and the category level where none is rated', async () => {
    const { assessment, model } = await readAssessmentFile(
      join(FIXTURES, 'official', 'full-2.0.0.yaml'),
      registry,
    );
    expect(assessment.mode).toBe('full');
    const report = scoreAssessment(model, assessment);
    const category = (key: string) => report.categories.find((c) => c.key === key)!;
    expect(category('G.strategy-and-vision')).toMatchObject({
      source: 'requirements',
      raw: (3 * 3 + 4 * 2 + 2 * 2) / 7,
    });
    expect(category('G.compliance')).toMatchObject({ source: 'self', raw: 3 });
    expect(category('O.automation').source).toBe('not-applicable'); // explicit
    expect(category('O.interoperability').source).toBe('not-applicable'); // derived: all requirements N/A
    expect(category('M.key-management')).toMatchObject({ source: 'requirements', raw: (1 * 2 + 5 * 2) / 4 });
  });

  it('reads a self-mode export as self mode, N/A without a reason included', async () => {
    const { assessment, model } = await readAssessmentFile(
      join(FIXTURES, 'official', 'self-1.0.0.yaml'),
      registry,
    );
    expect(assessment).toMatchObject({ mode: 'self', importedFrom: 'official' });
    expect(assessment.categories['O.10']).toEqual({ level: 0, applicability: 'not-applicable' });
    expect(scoreAssessment(model, assessment).categories.find((c) => c.key === 'G.2')?.raw).toBe(3);
  });

  it('keeps extension relevance ratings and the enabled extensions', async () => {
    const { assessment } = await readAssessmentFile(
      join(FIXTURES, 'official', 'extension-2.0.0.yaml'),
      registry,
    );
    expect(assessment.extensions).toEqual([{ id: 'pqc', version: '0.2.0' }]);
    expect(Object.keys(assessment.relevance)).toEqual([
      'pqc.G.compliance',
      'pqc.G.cryptography',
      'pqc.M.key-management',
    ]);
    expect(assessment.relevance['pqc.M.key-management']).toMatchObject({
      applicability: 'not-applicable',
      reason: 'Keys are vendor managed',
    });
  });
});
