/**
 * The pure rules of the assurance workflow: which rated requirements lack supporting evidence,
 * the spread of respondents' ratings, and who may take which step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../src/core/assessment/assessment.types.js';
import { evidenceGaps } from '../../src/core/assurance/workflow/evidence-rule.js';
import {
  STATEMENT_REQUIRED,
  workflowDecision,
  type WorkflowActor,
} from '../../src/core/assurance/workflow/permissions.js';
import { ratingSpread } from '../../src/core/assurance/workflow/rating-spread.js';
import { REVIEW_STATUSES, type ReviewStatus } from '../../src/core/assurance/workflow/workflow.types.js';
import { emptyAssessment, rate } from '../support/assessments.js';
import { factsModel } from '../support/facts-model.js';

const model = factsModel('2.0.0');
const keys = model.modules.flatMap((m) => m.categories.flatMap((c) => c.requirements.map((r) => r.key)));

describe('evidenceGaps', () => {
  it('lists exactly the rated in-scope requirements at or above the level without supporting evidence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: keys.length - 1 }), fc.integer({ min: 0, max: 5 })), {
          maxLength: 30,
        }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: keys.length - 1 }), fc.constantFrom(...REVIEW_STATUSES))),
        fc.array(fc.integer({ min: 0, max: keys.length - 1 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (ratings, reviewList, outOfScope, fromLevel) => {
          const assessment = emptyAssessment(model);
          for (const [index, level] of ratings) rate(assessment, keys[index] as string, level as Rating);
          for (const index of outOfScope) {
            const key = keys[index] as string;
            assessment.requirements[key] = { applicability: 'not-applicable', level: 4 };
          }
          const reviews = new Map<string, ReviewStatus>(reviewList.map(([i, s]) => [keys[i] as string, s]));
          const gaps = evidenceGaps(assessment, model, reviews, fromLevel);
          // An independent statement of the rule, requirement by requirement in model order.
          const expected = keys.flatMap((key) => {
            const answer = assessment.requirements[key];
            if (!answer || answer.applicability === 'not-applicable' || answer.level === 0) return [];
            if (answer.level < fromLevel) return [];
            const status = reviews.get(key) ?? 'not-provided';
            return status === 'reviewed-supports' ? [] : [{ key, level: answer.level, status }];
          });
          // A category whose every requirement is out of scope is out as a whole, which
          // excludes the same requirements as the per-requirement check above.
          expect(gaps).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('skips requirements of a module that is out of scope', () => {
    const [first] = keys as [string];
    const assessment = rate(emptyAssessment(model), first, 5);
    expect(evidenceGaps(assessment, model, new Map(), 3)).toEqual([
      { key: first, level: 5, status: 'not-provided' },
    ]);
    assessment.modules.G = { applicability: 'not-applicable' };
    expect(evidenceGaps(assessment, model, new Map(), 3)).toEqual([]);
  });
});

describe('ratingSpread', () => {
  it('counts, bounds, median and per-level counts agree with the inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 25 }), (ratings) => {
        const spread = ratingSpread(ratings);
        expect(spread.count).toBe(ratings.length);
        for (let level = 1; level <= 5; level += 1) {
          expect(spread.counts[String(level)]).toBe(ratings.filter((r) => r === level).length);
        }
        if (ratings.length === 0) {
          expect([spread.min, spread.max, spread.median]).toEqual([null, null, null]);
          return;
        }
        expect(spread.min).toBe(Math.min(...ratings));
        expect(spread.max).toBe(Math.max(...ratings));
        // The median splits the ratings: at most half lie strictly below it, at most half above.
        const median = spread.median as number;
        expect(ratings.filter((r) => r < median).length * 2).toBeLessThanOrEqual(ratings.length);
        expect(ratings.filter((r) => r > median).length * 2).toBeLessThanOrEqual(ratings.length);
        expect(median).toBeGreaterThanOrEqual(spread.min as number);
        expect(median).toBeLessThanOrEqual(spread.max as number);
      }),
    );
  });

  it('takes the mean of the two middle ratings for an even count', () => {
    const ratings = [4, 1, 2, 5];
    const sorted = [...ratings].sort((a, b) => a - b);
    expect(ratingSpread(ratings).median).toBe(((sorted[1] as number) + (sorted[2] as number)) / 2);
  });
});

describe('workflowDecision', () => {
  const member = (orgRole: WorkflowActor['orgRole'], more: Partial<WorkflowActor> = {}): WorkflowActor => ({
    orgRole,
    grantRole: null,
    participantRoles: [],
    stated: false,
    usesWorkflow: true,
    ...more,
  });

  it('leaves assessments without participants to the organisation roles', () => {
    const off = { usesWorkflow: false };
    expect(workflowDecision('review', member('assessor', off)).allowed).toBe(true);
    expect(workflowDecision('review', member('contributor', off)).allowed).toBe(false);
    expect(workflowDecision('answer', member('contributor', off)).allowed).toBe(true);
    expect(workflowDecision('answer', member('viewer', off)).allowed).toBe(false);
  });

  it('gives each step to its participant roles once the workflow is used', () => {
    expect(workflowDecision('review', member('owner')).allowed).toBe(false);
    expect(workflowDecision('review', member('viewer', { participantRoles: ['reviewer'] })).allowed).toBe(
      true,
    );
    expect(workflowDecision('review', member('assessor', { participantRoles: ['respondent'] })).allowed).toBe(
      false,
    );
    expect(workflowDecision('rate', member('assessor', { participantRoles: ['reviewer'] })).allowed).toBe(
      false,
    );
    expect(workflowDecision('rate', member('owner')).allowed).toBe(true);
    expect(workflowDecision('answer', member('viewer', { participantRoles: ['respondent'] })).allowed).toBe(
      false,
    );
  });

  it('asks an invited assessor for the statement before any judging step', () => {
    const external = (stated: boolean): WorkflowActor => ({
      orgRole: null,
      grantRole: 'assessor',
      participantRoles: ['assessor'],
      stated,
      usesWorkflow: true,
    });
    for (const action of ['rate', 'review', 'ask', 'consensus'] as const) {
      expect(workflowDecision(action, external(false))).toEqual({
        allowed: false,
        reason: STATEMENT_REQUIRED,
      });
      expect(workflowDecision(action, external(true)).allowed).toBe(true);
    }
    expect(workflowDecision('rate', { ...external(true), participantRoles: [] }).allowed).toBe(false);
  });
});
