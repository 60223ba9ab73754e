import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIdMapping } from '../../src/assessment-io/mapping.js';
import { parseAssessmentText, readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { serializeAssessment } from '../../src/assessment-io/serialize.js';
import type { Assessment } from '../../src/core/assessment/assessment.types.js';
import { migrateAssessment } from '../../src/core/migration/migrate-assessment.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';
import { bundledRegistry, EXAMPLES, FIXTURES } from '../helpers/registry.js';

const registry = bundledRegistry();
const [from, to, mapping] = await Promise.all([
  registry.get('pkimm', '1.0.0'),
  registry.get('pkimm', '2.0.0'),
  loadIdMapping(),
]);
const CIPHER_SUITES = ['M.5.5', 'M.6.2'];

/** Category raw levels keyed by the 2.0.0 key, so both sides compare directly. */
function rawLevels(assessment: Assessment, model: typeof from) {
  const byKey = new Map(mapping.categories.map((pair) => [pair.from, pair.to]));
  const report = scoreAssessment(model, assessment);
  return {
    overall: report.overall.raw,
    categories: Object.fromEntries(report.categories.map((c) => [byKey.get(c.key) ?? c.key, c.raw])),
  };
}

describe('migration 1.0.0 → 2.0.0', () => {
  it('loads the bundled mapping: 15 categories, 70 requirements, 2 without successor', () => {
    expect(mapping).toMatchObject({
      kind: 'pkimm-id-mapping',
      from: '1.0.0',
      to: '2.0.0',
      added: ['G.cryptography'],
    });
    expect(mapping.categories).toHaveLength(15);
    expect(mapping.requirements).toHaveLength(70);
    expect(mapping.unmapped.map((entry) => entry.from)).toEqual(CIPHER_SUITES);
  });

  it('keeps every category level of a self-assessment and adds Cryptography unassessed', async () => {
    const { assessment } = await readAssessmentFile(
      join(EXAMPLES, 'sample-self-assessment-1.0.0.yaml'),
      registry,
    );
    const { assessment: migrated, report } = migrateAssessment(assessment, from, to, mapping);
    expect(migrated.model).toEqual({ id: 'pkimm', version: '2.0.0' });
    expect(migrated.categories['G.strategy-and-vision']).toEqual(assessment.categories['G.1']);
    expect(migrated.categories['R.awareness']).toEqual(assessment.categories['R.15']);
    expect(report.carried).toHaveLength(15);
    expect(report.added).toEqual(['G.cryptography']);
    expect(report.dropped).toEqual(
      CIPHER_SUITES.map((key) => ({
        key,
        reason: expect.stringContaining('Cryptography') as string,
        hadData: false,
      })),
    );
    const before = rawLevels(assessment, from);
    const after = rawLevels(migrated, to);
    expect(after).toEqual({
      overall: before.overall,
      categories: { ...before.categories, 'G.cryptography': null },
    });
  });

  it('keeps the scores of a full assessment whose cipher-suite requirements were not rated', async () => {
    const { assessment } = await readAssessmentFile(join(FIXTURES, 'official', 'full-1.0.0.yaml'), registry);
    const unrated = structuredClone(assessment);
    for (const key of CIPHER_SUITES) delete unrated.requirements[key];
    const { assessment: migrated, report } = migrateAssessment(unrated, from, to, mapping);
    expect(report.dropped.every((entry) => !entry.hadData)).toBe(true);
    expect(rawLevels(migrated, to)).toEqual({
      ...rawLevels(unrated, from),
      categories: { ...rawLevels(unrated, from).categories, 'G.cryptography': null },
    });
  });

  it('reports a rated cipher-suite requirement as dropped with its data, and moves notes, flags and scoping', async () => {
    const { assessment } = await readAssessmentFile(join(FIXTURES, 'official', 'full-1.0.0.yaml'), registry);
    const { assessment: migrated, report } = migrateAssessment(assessment, from, to, mapping);
    expect(report.dropped).toEqual([
      { key: 'M.5.5', reason: mapping.unmapped[0]!.reason, hadData: true },
      { key: 'M.6.2', reason: mapping.unmapped[1]!.reason, hadData: false },
    ]);
    expect(report.carried).toContainEqual({ from: 'G.1.1', to: 'G.strategy-and-vision.sponsor-support' });
    expect(migrated.requirements['G.strategy-and-vision.sponsor-support']).toEqual({
      level: 3,
      applicability: 'applicable',
      notes: 'Sponsor named',
      evidence: 'Board minutes',
    });
    expect(migrated.requirements['G.policies-and-documentation.disclosure-statement']).toMatchObject({
      applicability: 'not-applicable',
      reason: 'Internal relying parties only',
    });
    expect(migrated.requirements['M.certificate-management.cert-lifecycle']).toMatchObject({
      flagged: true,
      flagNote: 'Check revocation SLAs',
    });
    expect(migrated.categories['O.automation']).toMatchObject({
      applicability: 'not-applicable',
      reason: 'No automation in scope',
    });
    expect(Object.keys(migrated.requirements).some((key) => CIPHER_SUITES.includes(key))).toBe(false);
  });

  it('turns a 1.0.0 official export into a valid 2.0.0 one that keeps the workspace data', async () => {
    const { assessment } = await readAssessmentFile(join(FIXTURES, 'official', 'full-1.0.0.yaml'), registry);
    const { assessment: migrated } = migrateAssessment(assessment, from, to, mapping);
    const text = serializeAssessment(migrated, to, 'official');
    expect(text).toMatch(/^stateSchemaVersion: 2\ndataVersion: 2\.0\.0\n/);
    const back = await parseAssessmentText(text, 'migrated.yaml', registry);
    expect(back.assessment).toStrictEqual(migrated);
    expect(text).toContain("exportedAt: '2025-11-03T12:01:00.000Z'");
    expect(text).toContain('  G.cryptography:\n    level: 0\n    result: Not Assessed\n');
  });

  it('refuses assessments of another version and mappings that do not fit', async () => {
    const { assessment } = await readAssessmentFile(join(EXAMPLES, 'sample-assessment-2.0.0.yaml'), registry);
    expect(() => migrateAssessment(assessment, from, to, mapping)).toThrow(
      expect.objectContaining({ code: 'MIGRATION_UNSUPPORTED' }),
    );
    const self = (await readAssessmentFile(join(EXAMPLES, 'sample-self-assessment-1.0.0.yaml'), registry))
      .assessment;
    const broken = {
      ...mapping,
      categories: [...mapping.categories, { from: 'G.99', to: 'G.strategy-and-vision' }],
    };
    expect(() => migrateAssessment(self, from, to, broken)).toThrow(
      expect.objectContaining({
        code: 'MIGRATION_UNSUPPORTED',
        issues: [expect.objectContaining({ path: 'categories.15.from' })],
      }),
    );
    await expect(loadIdMapping('1.1.0', '2.0.0')).rejects.toMatchObject({ code: 'MIGRATION_UNSUPPORTED' });
  });
});
