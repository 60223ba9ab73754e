import { describe, expect, it } from 'vitest';
import { tinyModel1, tinyModel2 } from '../../../test/helpers/tiny-model.js';
import type { Assessment } from './assessment.types.js';
import { parsePkimmAssessment } from './parse-pkimm-assessment.js';
import { validateAgainstModel } from './validate-against-model.js';

const base: Assessment = {
  title: 't',
  model: { id: 'pkimm', version: '2.0.0' },
  mode: 'full',
  modules: {},
  categories: {},
  requirements: {},
  extensions: [],
  relevance: {},
};

describe('validateAgainstModel', () => {
  it('reports a model version mismatch', () => {
    expect(validateAgainstModel(base, tinyModel1)).toEqual([
      {
        path: ['model', 'version'],
        message: 'the assessment is for pkimm 2.0.0 but the model is pkimm 1.0.0',
      },
    ]);
  });

  it('suggests within the category, then by the same id elsewhere', () => {
    const assessment: Assessment = {
      ...base,
      requirements: {
        'G.strategy-and-vision.sponsor': { level: 3, applicability: 'applicable' },
        'G.strategy.sponsor-support': { level: 3, applicability: 'applicable' },
      },
    };
    expect(validateAgainstModel(assessment, tinyModel2).map((issue) => issue.message)).toEqual([
      'no requirement "G.strategy-and-vision.sponsor" in pkimm 2.0.0 (did you mean G.strategy-and-vision.sponsor-support?)',
      'no requirement "G.strategy.sponsor-support" in pkimm 2.0.0 (did you mean G.strategy-and-vision.sponsor-support?)',
    ]);
  });

  it('does not guess between numbered 1.0.0 ids', () => {
    const assessment: Assessment = {
      ...base,
      model: { id: 'pkimm', version: '1.0.0' },
      requirements: { 'G.1.9': { level: 2, applicability: 'applicable' } },
    };
    expect(validateAgainstModel(assessment, tinyModel1).map((issue) => issue.message)).toEqual([
      'no requirement "G.1.9" in pkimm 1.0.0',
    ]);
  });

  it('checks levels and reasons of assessments built in code too', () => {
    const assessment = {
      ...base,
      categories: { 'G.compliance': { level: 9, applicability: 'partial', reason: ' ' } },
    } as unknown as Assessment;
    expect(validateAgainstModel(assessment, tinyModel2)).toEqual([
      {
        path: ['categories', 'G.compliance', 'level'],
        message: 'level must be a whole number from 0 to 5 (got 9)',
      },
      {
        path: ['categories', 'G.compliance', 'reason'],
        message: 'a reason must not be empty; leave it out or say why',
      },
    ]);
  });

  it('lets imported data go without N/A reasons and keep ratings of disabled extensions', () => {
    const imported: Assessment = {
      ...base,
      importedFrom: 'official',
      categories: { 'O.automation': { level: 0, applicability: 'not-applicable' } },
      relevance: { 'pqc.G.compliance': { level: 2, applicability: 'applicable' } },
    };
    expect(validateAgainstModel(imported, tinyModel2)).toEqual([]);
    const { importedFrom: _imported, ...native } = imported;
    expect(validateAgainstModel(native, tinyModel2).map((issue) => issue.path)).toEqual([
      ['categories', 'O.automation', 'applicability'],
      ['relevance', 'pqc.G.compliance'],
    ]);
  });
});

describe('parsePkimmAssessment', () => {
  it('fills in defaults and drops empty optional parts', () => {
    const { assessment, issues } = parsePkimmAssessment({
      format: 'pkimm-assessment',
      formatVersion: 1,
      title: 'x',
      model: { id: 'pkimm', version: '2.0.0' },
      mode: 'self',
      assessor: {},
      categories: { 'G.compliance': {}, 'G.cryptography': { extra: {} } },
    });
    expect(issues).toEqual([]);
    expect(assessment).toStrictEqual({
      ...base,
      title: 'x',
      mode: 'self',
      categories: {
        'G.compliance': { level: 0, applicability: 'applicable' },
        'G.cryptography': { level: 0, applicability: 'applicable' },
      },
    });
  });

  it('refuses a __proto__ key rather than letting it become a prototype', () => {
    const value = JSON.parse(
      '{"format":"pkimm-assessment","requirements":{"__proto__":{"level":2}}}',
    ) as unknown;
    expect(parsePkimmAssessment(value)).toEqual({
      issues: [{ path: ['requirements', '__proto__'], message: '"__proto__" cannot be used as a key' }],
    });
  });
});
