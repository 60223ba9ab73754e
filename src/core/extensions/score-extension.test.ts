import { describe, expect, it } from 'vitest';
import { factsModel } from '../../../test/support/facts-model.js';
import { emptyAssessment, rate } from '../../../test/support/assessments.js';
import { scoreAssessment } from '../scoring/score-assessment.js';
import type { Extension } from './extension.types.js';
import { applyOverlay } from './extension.types.js';
import { scoreExtension } from './score-extension.js';

const model = factsModel('2.0.0');

function extension(overrides: Partial<Extension> = {}): Extension {
  return {
    id: 'pqc',
    name: 'PQC',
    version: '0.2.0',
    description: '',
    compatibility: ['2.0.0'],
    floorScore: true,
    relevance: [
      {
        moduleId: 'G',
        categoryId: 'strategy-and-vision',
        categoryKey: 'G.strategy-and-vision',
        weight: 4,
        guidance: '',
        assessment: '',
        references: [],
        levels: [],
      },
    ],
    categoryOverlays: { 'G.compliance': { type: 'multiplier', value: 2 } },
    requirementOverlays: {
      'G.strategy-and-vision.architecture': { type: 'multiplier', value: 2.5 },
      'G.strategy-and-vision.sponsor-support': { type: 'addition', value: -5 },
    },
    ...overrides,
  };
}

describe('overlays', () => {
  it('applies multiplier, addition and override, clamped at 0', () => {
    expect(applyOverlay(3, { type: 'multiplier', value: 1.5 })).toBe(4.5);
    expect(applyOverlay(3, { type: 'addition', value: 2 })).toBe(5);
    expect(applyOverlay(3, { type: 'addition', value: -5 })).toBe(0);
    expect(applyOverlay(3, { type: 'override', value: 7 })).toBe(7);
    expect(applyOverlay(3, undefined)).toBe(3);
  });
});

describe('extension scoring', () => {
  const a = emptyAssessment(model);
  rate(a, 'G.strategy-and-vision.sponsor-support', 4); // weight 3 → 0 under the extension
  rate(a, 'G.strategy-and-vision.responsible-leadership', 2); // 2
  rate(a, 'G.strategy-and-vision.architecture', 5); // 1 → 2.5
  rate(a, 'G.compliance.compliance-policies', 3);
  a.relevance['pqc.G.strategy-and-vision'] = { applicability: 'applicable', level: 1 };

  it('blends the overlaid category level with the relevance rating', () => {
    const result = scoreExtension(model, a, extension());
    const sv = result.categories.find((c) => c.key === 'G.strategy-and-vision')!;
    const overlaid = (4 * 0 + 2 * 2 + 5 * 2.5) / (0 + 2 + 2.5);
    expect(sv.overlaid).toBeCloseTo(overlaid, 12);
    expect(sv.blended).toBeCloseTo((overlaid * 4.5 + 1 * 4) / (4.5 + 4), 12);
    const compliance = result.categories.find((c) => c.key === 'G.compliance')!;
    expect(compliance).toMatchObject({ blended: 3, weight: 4 });
    expect(result.score.raw).toBeCloseTo((sv.blended! * 5 + 3 * 4) / 9, 12);
    expect(result.floor!.raw).toBeCloseTo(Math.min(sv.blended!, 3), 12);
  });

  it('never changes the baseline score', () => {
    const before = scoreAssessment(model, a);
    scoreExtension(model, a, extension());
    expect(scoreAssessment(model, a)).toEqual(before);
    expect(before.categories[0]!.raw).toBe((4 * 3 + 2 * 2 + 5 * 1) / 6);
  });

  it('weights the baseline category levels with the category overlays for the extension-weighted view', () => {
    const result = scoreExtension(model, a, extension());
    const baseline = scoreAssessment(model, a).categories;
    expect(result.weighted.raw).toBeCloseTo((baseline[0]!.raw! * 5 + 3 * 4) / 9, 12);
  });

  it('uses the overlaid level alone when the relevance criterion is unrated or N/A', () => {
    const b = structuredClone(a);
    b.relevance['pqc.G.strategy-and-vision'] = { applicability: 'not-applicable', reason: 'x', level: 5 };
    const sv = scoreExtension(model, b, extension()).categories[0]!;
    expect(sv.blended).toBe(sv.overlaid);
  });

  it('uses all overlaid requirement weights for a self-rated category', () => {
    const b = emptyAssessment(model);
    b.categories['G.strategy-and-vision'] = { applicability: 'applicable', level: 3 };
    b.relevance['pqc.G.strategy-and-vision'] = { applicability: 'applicable', level: 5 };
    const sv = scoreExtension(model, b, extension()).categories[0]!;
    const weightSum = 0 + 2 + 2 + 2.5;
    expect(sv.blended).toBeCloseTo((3 * weightSum + 5 * 4) / (weightSum + 4), 12);
  });

  it('reports no floor score unless the extension asks for one', () => {
    expect(scoreExtension(model, a, extension({ floorScore: false })).floor).toBeNull();
  });
});
