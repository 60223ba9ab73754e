import { describe, expect, it } from 'vitest';
import { factsModel } from '../../../test/support/facts-model.js';
import { emptyAssessment, rate } from '../../../test/support/assessments.js';
import { scoreAssessment } from './score-assessment.js';

const v2 = factsModel('2.0.0');
const v1 = factsModel('1.0.0');

describe('category scoring (full mode)', () => {
  it('is the weighted average of the rated requirements: 4,3,2,1 on weights 3,2,2,1 is 23/8', () => {
    const a = emptyAssessment(v2);
    rate(a, 'G.strategy-and-vision.sponsor-support', 4);
    rate(a, 'G.strategy-and-vision.responsible-leadership', 3);
    rate(a, 'G.strategy-and-vision.scope-and-drivers', 2);
    rate(a, 'G.strategy-and-vision.architecture', 1);
    const category = scoreAssessment(v2, a).categories[0]!;
    expect(category.raw).toBe(23 / 8);
    expect(category.level).toBe(2);
    expect(category.levelName).toBe('Foundational');
    expect(category.progress).toBeCloseTo(0.875, 12);
    expect(category).toMatchObject({
      rated: 4,
      notApplicable: 0,
      notAssessed: 0,
      completeness: 1,
      source: 'requirements',
    });
  });

  it('gives unrated and N/A requirements no weight, and reports them separately', () => {
    const a = emptyAssessment(v2);
    rate(a, 'G.strategy-and-vision.sponsor-support', 4);
    rate(a, 'G.strategy-and-vision.architecture', 1);
    a.requirements['G.strategy-and-vision.scope-and-drivers'] = {
      applicability: 'not-applicable',
      reason: 'x',
      level: 5,
    };
    const category = scoreAssessment(v2, a).categories[0]!;
    expect(category.raw).toBe((4 * 3 + 1 * 1) / 4);
    expect(category).toMatchObject({ rated: 2, notApplicable: 1, notAssessed: 1, completeness: 2 / 3 });
  });

  it('never rounds up: 4.999 reports level 4', () => {
    const a = emptyAssessment(v2);
    // resilience weights 6,4,5,3,3,4 (25): all 5 but one weight-3 item at 4 gives 122/25 = 4.88
    for (const id of [
      'risk-assessment',
      'incident-planning',
      'business-continuity',
      'competence-sharing',
      'continual-improvement',
    ])
      rate(a, `O.resilience.${id}`, 5);
    rate(a, 'O.resilience.future-proofing', 4);
    const category = scoreAssessment(v2, a).categories.find((c) => c.id === 'resilience')!;
    expect(category.raw).toBe(122 / 25);
    expect(category.level).toBe(4);
  });

  it('falls back to the self-declared level when no requirement is rated', () => {
    const a = emptyAssessment(v2);
    a.categories['G.compliance'] = { applicability: 'applicable', level: 3 };
    const category = scoreAssessment(v2, a).categories.find((c) => c.id === 'compliance')!;
    expect(category).toMatchObject({ raw: 3, level: 3, source: 'self' });
  });

  it('prefers requirement ratings over the self-declared level', () => {
    const a = emptyAssessment(v2);
    a.categories['G.compliance'] = { applicability: 'applicable', level: 5 };
    rate(a, 'G.compliance.compliance-policies', 2);
    expect(scoreAssessment(v2, a).categories.find((c) => c.id === 'compliance')!.raw).toBe(2);
  });

  it('treats an explicitly N/A category as N/A whatever its ratings', () => {
    const a = emptyAssessment(v2);
    rate(a, 'O.automation.automation-description', 4);
    a.categories['O.automation'] = { applicability: 'not-applicable', reason: 'manual only', level: 3 };
    const report = scoreAssessment(v2, a);
    const category = report.categories.find((c) => c.id === 'automation')!;
    expect(category).toMatchObject({
      raw: null,
      level: null,
      source: 'not-applicable',
      notApplicable: 3,
      rated: 0,
    });
    expect(report.overall.raw).toBeNull();
  });

  it('derives N/A when every requirement of a category is N/A', () => {
    const a = emptyAssessment(v2);
    a.categories['O.automation'] = { applicability: 'applicable', level: 4 };
    for (const id of ['automation-description', 'automation-monitoring', 'exception-handling'])
      a.requirements[`O.automation.${id}`] = { applicability: 'not-applicable', reason: 'n/a', level: 0 };
    expect(scoreAssessment(v2, a).categories.find((c) => c.id === 'automation')!.source).toBe(
      'not-applicable',
    );
  });

  it('makes every category of an N/A module N/A', () => {
    const a = emptyAssessment(v2, 'self');
    for (const c of v2.modules[2]!.categories)
      a.categories[c.key] = { applicability: 'applicable', level: 4 };
    a.modules.O = { applicability: 'not-applicable', reason: 'outsourced' };
    const report = scoreAssessment(v2, a);
    expect(report.modules.find((m) => m.id === 'O')!.raw).toBeNull();
    expect(
      report.categories.filter((c) => c.moduleId === 'O').every((c) => c.source === 'not-applicable'),
    ).toBe(true);
  });
});

describe('roll-up', () => {
  it('1.0.0 self mode: every category at 3 except Strategy and vision at 1 gives 131/47', () => {
    const a = emptyAssessment(v1, 'self');
    for (const module of v1.modules)
      for (const c of module.categories)
        a.categories[c.key] = { applicability: 'applicable', level: c.id === '1' ? 1 : 3 };
    const report = scoreAssessment(v1, a);
    expect(report.overall.raw).toBe((1 * 5 + 3 * 42) / 47);
    expect(report.overall).toMatchObject({ level: 2, levelName: 'Basic', weightSum: 47 });
    expect(report.overall.progress).toBeCloseTo(131 / 47 - 2, 12);
    expect(report.modules.find((m) => m.id === 'G')!.raw).toBe((1 * 5 + 3 * 4 + 3 * 2 + 3 * 3) / 14);
  });

  it('computes the overall level from categories, not from modules', () => {
    const a = emptyAssessment(v2, 'self');
    a.categories['G.strategy-and-vision'] = { applicability: 'applicable', level: 5 };
    a.categories['M.certificate-management'] = { applicability: 'applicable', level: 1 };
    a.categories['M.key-management'] = { applicability: 'applicable', level: 1 };
    const report = scoreAssessment(v2, a);
    // categories: (5·5 + 1·4 + 1·4)/13; an average of the module levels would give (5+1)/2 = 3
    expect(report.overall.raw).toBe(33 / 13);
    expect(report.overall.level).toBe(2);
  });

  it('reports null everywhere when nothing is rated', () => {
    const report = scoreAssessment(v2, emptyAssessment(v2));
    expect(report.overall).toMatchObject({
      raw: null,
      level: null,
      levelName: null,
      progress: null,
      weightSum: 0,
    });
    expect(report.modules.every((m) => m.raw === null)).toBe(true);
    expect(report.completeness).toEqual({ rated: 0, applicable: 76, ratio: 0 });
  });

  it('ignores requirement ratings in self mode', () => {
    const a = emptyAssessment(v2, 'self');
    rate(a, 'G.compliance.compliance-policies', 2);
    a.categories['G.compliance'] = { applicability: 'applicable', level: 4 };
    expect(scoreAssessment(v2, a).categories.find((c) => c.id === 'compliance')!).toMatchObject({
      raw: 4,
      rated: 1,
    });
  });

  it('reports level 5 with no progress left', () => {
    const a = emptyAssessment(v2, 'self');
    a.categories['R.awareness'] = { applicability: 'applicable', level: 5 };
    expect(scoreAssessment(v2, a).overall).toMatchObject({
      raw: 5,
      level: 5,
      progress: 0,
      levelName: 'Optimized',
    });
  });
});
