import { describe, expect, it } from 'vitest';
import { factsModel } from '../../../test/support/facts-model.js';
import { emptyAssessment, rate } from '../../../test/support/assessments.js';
import { analyseGaps } from './gap-analysis.js';
import { explainScore } from './explain.js';
import { scoreAssessment } from './score-assessment.js';

const model = factsModel('2.0.0');

describe('gap to the next level', () => {
  const a = emptyAssessment(model);
  rate(a, 'G.strategy-and-vision.sponsor-support', 4);
  rate(a, 'G.strategy-and-vision.responsible-leadership', 3);
  rate(a, 'G.strategy-and-vision.scope-and-drivers', 2);
  rate(a, 'G.strategy-and-vision.architecture', 1);
  rate(a, 'R.awareness.awareness-plan', 5);

  it('lists the requirements at or below the current level, with the effect of raising each by one', () => {
    const [gap, ...rest] = analyseGaps(model, a);
    expect(rest).toHaveLength(0); // awareness is at 5
    expect(gap).toMatchObject({
      key: 'G.strategy-and-vision',
      level: 2,
      nextLevel: 3,
      nextLevelName: 'Advanced',
    });
    expect(gap!.rawNeeded).toBeCloseTo(3 - 23 / 8, 12);
    expect(gap!.limiting.map((s) => s.requirementId)).toEqual(['scope-and-drivers', 'architecture']);
    const [first, second] = gap!.limiting;
    expect(first!.categoryRawAfter).toBe(25 / 8);
    expect(first!.overallRawAfter).toBeCloseTo((25 / 8) * (5 / 8) + 5 * (3 / 8), 12);
    expect(second!.categoryRawAfter).toBe(24 / 8);
    expect(first!.overallGain).toBeGreaterThan(second!.overallGain);
  });
});

describe('explanation', () => {
  it('shows the actual terms and the roll-up', () => {
    const a = emptyAssessment(model);
    rate(a, 'G.strategy-and-vision.sponsor-support', 4);
    rate(a, 'G.strategy-and-vision.architecture', 1);
    a.categories['G.compliance'] = { applicability: 'applicable', level: 3 };
    const lines = explainScore(scoreAssessment(model, a));
    expect(lines).toContain(
      'G.strategy-and-vision Strategy and vision (category weight 5): (4×3 + 1×1) ÷ 4 = 13 ÷ 4 = 3.25 → level 3 Advanced',
    );
    expect(lines).toContain('G.compliance Compliance (category weight 2): self-declared level 3 → level 3.');
    expect(lines).toContain(
      'Overall (from categories, not modules): (3.25×5 + 3×2) ÷ 7 = 3.1786 → level 3 Advanced',
    );
  });
});
