import { describe, expect, it } from 'vitest';
import { emptyAssessment, rate } from '../../../test/support/assessments.js';
import { factsModel } from '../../../test/support/facts-model.js';
import { scoreAssessment } from '../scoring/score-assessment.js';
import { rollUp } from './roll-up.js';

const model = factsModel('2.0.0');
const KEY = 'G.strategy-and-vision.sponsor-support';
const CATEGORY = 'G.strategy-and-vision';

function scored(level: 1 | 2 | 3 | 4 | 5, other?: 1 | 2 | 3 | 4 | 5) {
  const a = emptyAssessment(model);
  rate(a, KEY, level);
  if (other) rate(a, 'R.awareness.awareness-plan', other);
  return scoreAssessment(model, a);
}

describe('portfolio roll-up', () => {
  it('weights each scope and names the lowest as the bottleneck', () => {
    const result = rollUp([
      { scopeKey: 'root', weight: 3, assessmentId: 'a', score: scored(4) },
      { scopeKey: 'tls', weight: 1, assessmentId: 'b', score: scored(2) },
    ]);
    const category = result.categories.find((c) => c.key === CATEGORY)!;
    const rawA = scored(4).categories.find((c) => c.key === CATEGORY)!.raw!;
    const rawB = scored(2).categories.find((c) => c.key === CATEGORY)!.raw!;
    expect(category.raw).toBeCloseTo((3 * rawA + rawB) / 4, 12);
    expect(category.bottleneck).toEqual({ scopeKey: 'tls', raw: rawB });
    expect(result.overall.weightSum).toBe(4);
  });

  it('treats equal weights as a plain mean and skips scopes without a level', () => {
    const result = rollUp([
      { scopeKey: 'a', weight: 1, assessmentId: 'a', score: scored(4, 2) },
      { scopeKey: 'b', weight: 1, assessmentId: 'b', score: scored(2) },
    ]);
    const awareness = result.categories.find((c) => c.key === 'R.awareness')!;
    expect(awareness.scopes.map((s) => s.scopeKey)).toEqual(['a']);
    expect(awareness.weightSum).toBe(1);
    expect(awareness.bottleneck?.scopeKey).toBe('a');
  });

  it('gives null when no scope has a level, and ignores weight 0 in the mean but not the bottleneck', () => {
    const empty = scoreAssessment(model, emptyAssessment(model));
    expect(rollUp([{ scopeKey: 'x', weight: 1, assessmentId: 'x', score: empty }]).overall).toMatchObject({
      raw: null,
      bottleneck: null,
    });
    const result = rollUp([
      { scopeKey: 'a', weight: 1, assessmentId: 'a', score: scored(4) },
      { scopeKey: 'b', weight: 0, assessmentId: 'b', score: scored(1) },
    ]);
    expect(result.overall.raw).toBe(scored(4).overall.raw);
    expect(result.overall.bottleneck?.scopeKey).toBe('b');
  });
});

describe('shared Governance and Resources answers', () => {
  it('takes G and R from the source and keeps M and O of the consumer', async () => {
    const { withSharedAnswers, isSharedKey } = await import('./shared-answers.js');
    const consumer = emptyAssessment(model);
    rate(consumer, KEY, 1);
    rate(consumer, 'M.key-management.key-inventory', 2);
    consumer.modules.R = { applicability: 'not-applicable', reason: 'x' };
    consumer.modules.O = { applicability: 'partial', reason: 'y' };
    const source = emptyAssessment(model);
    rate(source, KEY, 5);
    rate(source, 'O.resilience.backups', 4);
    const result = withSharedAnswers(consumer, source);
    expect(result.requirements[KEY]?.level).toBe(5);
    expect(result.requirements['M.key-management.key-inventory']?.level).toBe(2);
    expect(result.requirements['O.resilience.backups']).toBeUndefined();
    expect(result.modules).toEqual({ O: { applicability: 'partial', reason: 'y' } });
    expect([isSharedKey('G'), isSharedKey('R.awareness'), isSharedKey('M.key-management.x')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
