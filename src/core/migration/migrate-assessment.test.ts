import { describe, expect, it } from 'vitest';
import { tinyModel1, tinyModel2 } from '../../../test/helpers/tiny-model.js';
import type { Assessment } from '../assessment/assessment.types.js';
import { indexModel } from '../model/model-index.js';
import type { IdMapping } from './id-mapping.js';
import { migrateAssessment } from './migrate-assessment.js';

/** The 1.0.0 → 2.0.0 mapping derived from the two tiny models by position (names match). */
function tinyMapping(): IdMapping {
  const to = indexModel(tinyModel2);
  const categories = indexModel(tinyModel1).categories.map((c) => ({
    from: c.key,
    to: to.categories.find((n) => n.name === c.name)!.key,
  }));
  const requirements = indexModel(tinyModel1).requirements.flatMap((r) => {
    const target = to.requirements.find((n) => n.name === r.name);
    return target ? [{ from: r.key, to: target.key }] : [];
  });
  return {
    kind: 'pkimm-id-mapping',
    from: '1.0.0',
    to: '2.0.0',
    categories,
    requirements,
    unmapped: [
      { from: 'M.5.5', reason: 'gone' },
      { from: 'M.6.2', reason: 'gone' },
    ],
    added: ['G.cryptography'],
  };
}

const assessment: Assessment = {
  title: 'old',
  model: { id: 'pkimm', version: '1.0.0' },
  mode: 'self',
  modules: { R: { applicability: 'not-applicable', reason: 'elsewhere' } },
  categories: {
    'G.1': {
      level: 3,
      applicability: 'applicable',
      extra: { result: '3 - Advanced', description: 'old ladder text', pocId: 'p' },
    },
  },
  requirements: { 'M.5.5': { level: 0, applicability: 'applicable', notes: 'kept in the report only' } },
  extensions: [{ id: 'pqc', version: '0.2.0' }],
  relevance: { 'pqc.M.5': { level: 2, applicability: 'applicable' } },
  importedFrom: 'official',
  preserved: {
    official: { sourceStructure: { byKey: { 'G.1': {} } }, workspace: { workingNotes: 'n' } },
    keyOrder: { top: ['dataVersion', 'progress'], progress: ['G.1'], progressEntries: { 'G.1': ['level'] } },
  },
};

describe('migrateAssessment', () => {
  it('re-keys relevance, drops display strings and old key orders, keeps the rest', () => {
    const { assessment: migrated, report } = migrateAssessment(
      assessment,
      tinyModel1,
      tinyModel2,
      tinyMapping(),
    );
    expect(migrated.categories).toEqual({
      'G.strategy-and-vision': { level: 3, applicability: 'applicable', extra: { pocId: 'p' } },
    });
    expect(migrated.relevance).toEqual({ 'pqc.M.key-management': { level: 2, applicability: 'applicable' } });
    expect(migrated.modules).toEqual(assessment.modules);
    expect(migrated.preserved).toEqual({
      official: { workspace: { workingNotes: 'n' } },
      keyOrder: { top: ['dataVersion', 'progress'] },
    });
    expect(migrated.importedFrom).toBe('official');
    expect(report.carried).toEqual([
      { from: 'G.1', to: 'G.strategy-and-vision' },
      { from: 'pqc.M.5', to: 'pqc.M.key-management' },
    ]);
    expect(report.dropped).toEqual([
      { key: 'M.5.5', reason: 'gone', hadData: true },
      { key: 'M.6.2', reason: 'gone', hadData: false },
    ]);
    expect(report.added).toEqual(['G.cryptography']);
  });

  it('does not change its input', () => {
    const before = structuredClone(assessment);
    migrateAssessment(assessment, tinyModel1, tinyModel2, tinyMapping());
    expect(assessment).toStrictEqual(before);
  });
});
