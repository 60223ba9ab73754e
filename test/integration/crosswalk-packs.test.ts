/**
 * The bundled crosswalk packs: each loads and validates, every requirement it names exists in
 * its model version, and each reaches 1.0.0 assessments through the id mapping.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIdMapping } from '../../src/assessment-io/mapping.js';
import { keyInAssessment } from '../../src/core/crosswalk/crosswalk-view.js';
import { RELATIONSHIPS } from '../../src/core/crosswalk/crosswalk.types.js';
import { indexModel } from '../../src/core/model/model-index.js';
import { bundledCrosswalksDir, CrosswalkCatalog } from '../../src/model-loader/crosswalks.js';
import { bundledRegistry } from '../helpers/registry.js';

const registry = bundledRegistry();
const catalog = new CrosswalkCatalog(registry);
const packs = await catalog.all();
const EXPECTED = ['cabf-tls-br', 'dora', 'etsi-en-319-401-411-1', 'iso-27001-2022', 'nis2', 'nist-csf-2'];

describe('bundled crosswalk packs', () => {
  it('are the six frameworks, one file each, named after its id', () => {
    expect(packs.map((p) => p.pack.id)).toEqual(EXPECTED);
    const files = readdirSync(bundledCrosswalksDir()).filter((f) => f.endsWith('.yaml'));
    expect(files.sort()).toEqual(EXPECTED.map((id) => `${id}.yaml`));
    for (const entry of packs) expect(entry.path).toBe(join(bundledCrosswalksDir(), `${entry.pack.id}.yaml`));
  });

  it.each(EXPECTED)(
    '%s names only requirements of its model version, with known relationships',
    async (id) => {
      const pack = await catalog.get(id);
      const model = await registry.get('pkimm', pack.model);
      const keys = indexModel(model).requirementByKey;
      const unknown = pack.mappings.filter((m) => !keys.has(m.requirement)).map((m) => m.requirement);
      expect(unknown).toEqual([]);
      expect(pack.mappings.every((m) => RELATIONSHIPS.includes(m.relationship))).toBe(true);
      expect(pack.mappings.every((m) => m.rationale.trim().length > 20)).toBe(true);
      // Every control is mapped and every mapping names a listed control (the schema checks it; this proves the data).
      const controls = new Set(pack.controls.map((c) => c.id));
      expect(new Set(pack.mappings.map((m) => m.control))).toEqual(controls);
    },
  );

  it('reach 1.0.0 assessments through the id mapping, except for requirements new in 2.0.0', async () => {
    const mapping = await loadIdMapping('1.0.0', '2.0.0');
    const model1 = indexModel(await registry.get('pkimm', '1.0.0')).requirementByKey;
    for (const { pack } of packs) {
      const reached = pack.mappings.map((m) => keyInAssessment(m.requirement, pack.model, '1.0.0', mapping));
      for (const key of reached) if (key !== undefined) expect(model1.has(key)).toBe(true);
      const missed = pack.mappings.filter((_, i) => reached[i] === undefined).map((m) => m.requirement);
      // Only the Cryptography category is new in 2.0.0.
      expect(missed.every((key) => key.startsWith('G.cryptography.'))).toBe(true);
      expect(reached.filter(Boolean).length).toBeGreaterThan(pack.mappings.length / 2);
    }
  });
});
