import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assessment, Rating } from '../assessment/assessment.types.js';
import { indexModel } from '../model/model-index.js';
import { factsModel } from '../../../test/support/facts-model.js';
import { emptyAssessment } from '../../../test/support/assessments.js';
import { scoreAssessment } from './score-assessment.js';

const model = factsModel('2.0.0');
const { requirements, categories } = indexModel(model);

/** A random full-mode assessment: each requirement unrated, rated 1..5, or N/A. */
const arbAssessment = fc
  .tuple(
    fc.array(fc.oneof(fc.constant<'na'>('na'), fc.integer({ min: 0, max: 5 })), {
      minLength: requirements.length,
      maxLength: requirements.length,
    }),
    fc.array(fc.integer({ min: 0, max: 5 }), { minLength: categories.length, maxLength: categories.length }),
  )
  .map(([answers, selfLevels]): Assessment => {
    const assessment = emptyAssessment(model);
    requirements.forEach((requirement, i) => {
      const answer = answers[i]!;
      assessment.requirements[requirement.key] =
        answer === 'na'
          ? { applicability: 'not-applicable', reason: 'r', level: 0 }
          : { applicability: 'applicable', level: answer as Rating };
    });
    categories.forEach((category, i) => {
      assessment.categories[category.key] = { applicability: 'applicable', level: selfLevels[i] as Rating };
    });
    return assessment;
  });

const levels = (assessment: Assessment) => {
  const report = scoreAssessment(model, assessment);
  return [report.overall.raw, ...report.modules.map((m) => m.raw), ...report.categories.map((c) => c.raw)];
};

describe('scoring invariants', () => {
  it('raising one rated requirement never lowers any level', () => {
    fc.assert(
      fc.property(arbAssessment, fc.nat(requirements.length - 1), (assessment, index) => {
        const key = requirements[index]!.key;
        const answer = assessment.requirements[key]!;
        fc.pre(answer.applicability === 'applicable' && answer.level >= 1 && answer.level < 5);
        const before = levels(assessment);
        const raised = {
          ...assessment,
          requirements: {
            ...assessment.requirements,
            [key]: { ...answer, level: (answer.level + 1) as Rating },
          },
        };
        const after = levels(raised);
        before.forEach((value, i) => {
          if (value !== null) expect(after[i]!).toBeGreaterThanOrEqual(value - 1e-12);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('marking a rated requirement N/A removes exactly its weight from its category', () => {
    fc.assert(
      fc.property(arbAssessment, fc.nat(requirements.length - 1), (assessment, index) => {
        const requirement = requirements[index]!;
        const answer = assessment.requirements[requirement.key]!;
        fc.pre(answer.applicability === 'applicable' && answer.level > 0);
        const categoryKey = requirement.key.split('.').slice(0, 2).join('.');
        const before = scoreAssessment(model, assessment).categories.find((c) => c.key === categoryKey)!;
        const changed = {
          ...assessment,
          requirements: {
            ...assessment.requirements,
            [requirement.key]: { ...answer, applicability: 'not-applicable' as const, reason: 'r' },
          },
        };
        const after = scoreAssessment(model, changed).categories.find((c) => c.key === categoryKey)!;
        if (after.source === 'requirements') {
          expect(after.weightSum).toBe(before.weightSum - requirement.weight);
          expect(after.terms.map((t) => t.key)).toEqual(
            before.terms.map((t) => t.key).filter((k) => k !== requirement.key),
          );
        }
        expect(after.notApplicable).toBe(before.notApplicable + 1);
        expect(after.rated).toBe(before.rated - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every raw level within 1..5 and every reported level its floor', () => {
    fc.assert(
      fc.property(arbAssessment, (assessment) => {
        const report = scoreAssessment(model, assessment);
        for (const value of [report.overall, ...report.modules, ...report.categories]) {
          if (value.raw === null) continue;
          expect(value.raw).toBeGreaterThanOrEqual(1);
          expect(value.raw).toBeLessThanOrEqual(5);
          expect(value.level).toBe(Math.floor(value.raw));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('module and overall levels agree with a direct computation from requirement ratings', () => {
    fc.assert(
      fc.property(arbAssessment, (assessment) => {
        const report = scoreAssessment(model, assessment);
        const direct = new Map<string, number>();
        for (const category of categories) {
          let num = 0;
          let den = 0;
          for (const r of category.requirements) {
            const a = assessment.requirements[r.key]!;
            if (a.applicability === 'applicable' && a.level > 0) {
              num += a.level * r.weight;
              den += r.weight;
            }
          }
          const allOut = category.requirements.every(
            (r) => assessment.requirements[r.key]!.applicability === 'not-applicable',
          );
          const self = assessment.categories[category.key]!.level;
          if (!allOut && den > 0) direct.set(category.key, num / den);
          else if (!allOut && self > 0) direct.set(category.key, self);
        }
        const average = (keys: string[]) => {
          const counted = categories.filter((c) => keys.includes(c.key) && direct.has(c.key));
          const weight = counted.reduce((s, c) => s + c.weight, 0);
          return weight === 0
            ? null
            : counted.reduce((s, c) => s + direct.get(c.key)! * c.weight, 0) / weight;
        };
        const overall = average(categories.map((c) => c.key));
        if (overall === null) expect(report.overall.raw).toBeNull();
        else expect(report.overall.raw).toBeCloseTo(overall, 12);
        for (const module of model.modules) {
          const expected = average(module.categories.map((c) => c.key));
          const actual = report.modules.find((m) => m.id === module.id)!.raw;
          if (expected === null) expect(actual).toBeNull();
          else expect(actual).toBeCloseTo(expected, 12);
        }
      }),
      { numRuns: 300 },
    );
  });
});
