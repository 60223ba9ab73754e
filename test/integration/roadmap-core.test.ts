import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAssessmentText, readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { serializeAssessment } from '../../src/assessment-io/serialize.js';
import type { Assessment, Rating } from '../../src/core/assessment/assessment.types.js';
import { indexModel } from '../../src/core/model/model-index.js';
import { applyStep, buildRoadmap } from '../../src/core/roadmap/build-roadmap.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';
import { emptyAssessment } from '../support/assessments.js';
import { bundledRegistry, EXAMPLES } from '../helpers/registry.js';

const registry = bundledRegistry();
const model = await registry.get('pkimm', '2.0.0');
const { requirements, categories } = indexModel(model);
const sample = (await readAssessmentFile(`${EXAMPLES}/sample-assessment-2.0.0.yaml`, registry)).assessment;

/** Replays the steps one by one and checks each projection against the scoring engine itself. */
function expectProjectionsMatchScoring(assessment: Assessment, roadmap: ReturnType<typeof buildRoadmap>) {
  let state = assessment;
  for (const step of roadmap.steps) {
    state = applyStep(state, step);
    const report = scoreAssessment(model, state);
    expect(step.after.overall.raw).toBe(report.overall.raw);
    expect(step.after.category.raw).toBe(report.categories.find((c) => c.key === step.categoryKey)!.raw);
    expect(step.after.module.raw).toBe(report.modules.find((m) => m.id === step.moduleId)!.raw);
    expect(step.after.overall.level).toBe(report.overall.level);
  }
  return state;
}

describe('roadmap on the sample assessment', () => {
  const roadmap = buildRoadmap(model, sample, { overallTarget: 4 });

  it('projects exactly what scoreAssessment computes after each step', () => {
    expect(roadmap.steps.length).toBeGreaterThan(10);
    const final = expectProjectionsMatchScoring(sample, roadmap);
    for (const category of scoreAssessment(model, final).categories)
      if (category.raw !== null) expect(category.level).toBeGreaterThanOrEqual(4);
  });

  it('ranks by the gain in overall raw level: weight × category weight × gap / weight sums', () => {
    const report = scoreAssessment(model, sample);
    for (let i = 1; i < roadmap.steps.length; i++)
      expect(roadmap.steps[i - 1]!.gain).toBeGreaterThanOrEqual(roadmap.steps[i]!.gain);
    for (const step of roadmap.steps) {
      const category = report.categories.find((c) => c.key === step.categoryKey)!;
      const expected =
        (step.weight * step.categoryWeight * (step.to - step.from)) /
        (category.weightSum * report.overall.weightSum);
      expect(step.gain).toBeCloseTo(expected, 12);
    }
  });

  it('takes the fewest steps per category: without its last step a category stays below target', () => {
    for (const plan of roadmap.categories.filter((p) => p.status === 'planned')) {
      const own = roadmap.steps.filter((s) => s.categoryKey === plan.key);
      expect(own).toHaveLength(plan.steps);
      const partial = own.slice(0, -1).reduce(applyStep, sample);
      const level = scoreAssessment(model, partial).categories.find((c) => c.key === plan.key)!.level ?? 0;
      expect(level).toBeLessThan(4);
    }
  });

  it('splits steps into the organisational (G, R) and operational (M, O) tracks', () => {
    const modulesOf = (track: 'organisational' | 'operational') =>
      new Set(roadmap.tracks[track].map((i) => roadmap.steps[i]!.moduleId));
    expect([...modulesOf('organisational')].every((m) => m === 'G' || m === 'R')).toBe(true);
    expect([...modulesOf('operational')].every((m) => m === 'M' || m === 'O')).toBe(true);
    expect(roadmap.tracks.organisational.length + roadmap.tracks.operational.length).toBe(
      roadmap.steps.length,
    );
  });

  it('moves an item or a whole category to the other track through the document', () => {
    const step = roadmap.steps.find((s) => s.moduleId === 'M')!;
    const moved = buildRoadmap(
      model,
      { ...sample, roadmap: { tracks: { [step.key]: 'organisational', 'R.awareness': 'operational' } } },
      { overallTarget: 4 },
    );
    expect(moved.steps.find((s) => s.key === step.key)).toMatchObject({
      track: 'organisational',
      trackOverridden: true,
    });
    const awareness = moved.steps.filter((s) => s.categoryKey === 'R.awareness');
    expect(awareness.length).toBeGreaterThan(0);
    expect(awareness.every((s) => s.track === 'operational')).toBe(true);
  });

  it('uses a category target over the overall one, and the document targets when none is given', () => {
    const withTargets: Assessment = {
      ...sample,
      roadmap: { targets: { overall: 3, categories: { 'M.certificate-management': 5 } } },
    };
    const built = buildRoadmap(model, withTargets);
    expect(built.targets.overall).toBe(3);
    const cert = built.categories.find((c) => c.key === 'M.certificate-management')!;
    expect(cert).toMatchObject({ target: 5, targetSource: 'category', status: 'planned' });
    expect(
      built.steps.filter((s) => s.categoryKey === 'M.certificate-management').every((s) => s.to === 5),
    ).toBe(true);
    expect(buildRoadmap(model, withTargets, { overallTarget: 5 }).targets.overall).toBe(5);
  });

  it('gives next-level statements with the ladder text and the limiting requirements', () => {
    const cert = roadmap.statements.find((s) => s.categoryKey === 'M.certificate-management')!;
    expect(cert.nextLevel).toBe(cert.level + 1);
    expect(cert.nextLevelName).toBe(model.levels.find((l) => l.number === cert.nextLevel)!.name);
    expect(cert.nextLevelDescription).toBe(
      indexModel(model)
        .categoryByKey.get('M.certificate-management')!
        .levels.find((l) => l.number === cert.nextLevel)!.description,
    );
    expect(cert.limiting.length).toBeGreaterThan(0);
    expect(cert.limiting.every((r) => r.level < cert.nextLevel)).toBe(true);
  });
});

describe('roadmap edge cases', () => {
  it('self mode raises the category levels themselves', () => {
    const self = emptyAssessment(model, 'self');
    self.categories['G.compliance'] = { applicability: 'applicable', level: 2 };
    self.categories['O.automation'] = { applicability: 'applicable', level: 4 };
    const roadmap = buildRoadmap(model, self, { overallTarget: 3 });
    expect(roadmap.steps).toHaveLength(1);
    expect(roadmap.steps[0]).toMatchObject({ kind: 'category', key: 'G.compliance', from: 2, to: 3 });
    expectProjectionsMatchScoring(self, roadmap);
  });

  it('reports targeted categories it cannot plan, with the reason', () => {
    const assessment = emptyAssessment(model);
    assessment.requirements['G.strategy-and-vision.sponsor-support'] = {
      applicability: 'applicable',
      level: 1,
    };
    assessment.categories['O.automation'] = { applicability: 'not-applicable', level: 0, reason: 'manual' };
    const roadmap = buildRoadmap(model, assessment, { overallTarget: 2 });
    expect(roadmap.categories.find((c) => c.key === 'O.automation')).toMatchObject({
      status: 'unreachable',
      reason: 'not-applicable',
    });
    expect(roadmap.categories.find((c) => c.key === 'R.awareness')).toMatchObject({
      status: 'unreachable',
      reason: 'not-assessed',
    });
    expect(roadmap.steps.map((s) => s.key)).toEqual(['G.strategy-and-vision.sponsor-support']);
  });
});

const arbAssessment = fc
  .tuple(
    fc.array(fc.oneof(fc.constant<'na'>('na'), fc.integer({ min: 0, max: 5 })), {
      minLength: requirements.length,
      maxLength: requirements.length,
    }),
    fc.array(fc.integer({ min: 0, max: 5 }), { minLength: categories.length, maxLength: categories.length }),
    fc.constantFrom<'self' | 'full'>('self', 'full'),
  )
  .map(([answers, selfLevels, mode]): Assessment => {
    const assessment = emptyAssessment(model, mode);
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

describe('roadmap properties', () => {
  it('raising along the roadmap never lowers the overall, and projections equal the scoring engine', () => {
    fc.assert(
      fc.property(arbAssessment, fc.integer({ min: 1, max: 5 }), (assessment, target) => {
        const roadmap = buildRoadmap(model, assessment, { overallTarget: target as 1 });
        let previous = roadmap.before.raw ?? 0;
        let state = assessment;
        for (const step of roadmap.steps) {
          state = applyStep(state, step);
          const overall = scoreAssessment(model, state).overall.raw ?? 0;
          expect(step.after.overall.raw).toBe(overall);
          expect(overall).toBeGreaterThanOrEqual(previous - 1e-12);
          previous = overall;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('after all steps every targeted category reaches its target or is reported unreachable with a reason', () => {
    fc.assert(
      fc.property(arbAssessment, fc.integer({ min: 1, max: 5 }), (assessment, target) => {
        const roadmap = buildRoadmap(model, assessment, { overallTarget: target as 1 });
        const final = scoreAssessment(model, roadmap.steps.reduce(applyStep, assessment));
        for (const plan of roadmap.categories) {
          const category = final.categories.find((c) => c.key === plan.key)!;
          if (plan.status === 'unreachable') expect(plan.reason).toBeDefined();
          else expect(category.level ?? 0).toBeGreaterThanOrEqual(target);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('roadmap settings in the document', () => {
  it('round-trips through our format and the official export', async () => {
    const withRoadmap: Assessment = {
      ...sample,
      roadmap: {
        targets: { overall: 4, categories: { 'G.compliance': 5 } },
        tracks: { 'M.key-management': 'organisational' },
      },
    };
    for (const format of ['pkimm-yaml', 'pkimm-json', 'official'] as const) {
      const text = serializeAssessment(withRoadmap, model, format);
      const back = await parseAssessmentText(
        text,
        `x.${format === 'pkimm-json' ? 'json' : 'yaml'}`,
        registry,
      );
      expect(back.assessment.roadmap).toEqual(withRoadmap.roadmap);
    }
  });

  it('refuses unknown keys and levels with the exact path', async () => {
    const text = serializeAssessment(
      {
        ...sample,
        roadmap: { targets: { categories: { 'G.complianze': 3 } }, tracks: { 'M.nothing': 'operational' } },
      },
      model,
      'pkimm-yaml',
    );
    const error = await parseAssessmentText(text, 'x.yaml', registry).catch((e: unknown) => e);
    const issues = (error as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual([
      'roadmap.targets.categories.G.complianze',
      'roadmap.tracks.M.nothing',
    ]);
    const bad = text.replace('G.complianze: 3', 'G.compliance: 7');
    const level = await parseAssessmentText(bad, 'x.yaml', registry).catch((e: unknown) => e);
    expect((level as { issues: { path: string; message: string }[] }).issues[0]).toMatchObject({
      path: 'roadmap.targets.categories.G.compliance',
      message: expect.stringContaining('1 to 5') as unknown,
    });
  });
});

describe('roadmap settings through migration and merge', () => {
  it('moves targets and tracks onto the 2.0.0 keys when migrating, dropping keys without successor', async () => {
    const { loadIdMapping } = await import('../../src/assessment-io/mapping.js');
    const { migrateAssessment } = await import('../../src/core/migration/migrate-assessment.js');
    const { validateAgainstModel } = await import('../../src/core/assessment/validate-against-model.js');
    const v1 = await registry.get('pkimm', '1.0.0');
    const old = emptyAssessment(v1);
    old.roadmap = {
      targets: { overall: 3, categories: { 'M.6': 4 } },
      tracks: { 'G.1.1': 'operational', 'M.5.5': 'organisational' },
    };
    const { assessment } = migrateAssessment(old, v1, model, await loadIdMapping());
    expect(assessment.roadmap).toEqual({
      targets: { overall: 3, categories: { 'M.certificate-management': 4 } },
      tracks: { 'G.strategy-and-vision.sponsor-support': 'operational' },
    });
    expect(validateAgainstModel(assessment, model)).toEqual([]);
  });

  it('lets a merged file win key by key and keeps the stored keys it lacks', async () => {
    const { mergeAssessments } = await import('../../src/exchange/merge/merge-assessments.js');
    const stored: Assessment = {
      ...sample,
      roadmap: {
        targets: { overall: 3, categories: { 'G.compliance': 4 } },
        tracks: { 'R.awareness': 'operational' },
      },
    };
    const file: Assessment = {
      ...sample,
      roadmap: { targets: { categories: { 'G.compliance': 5, 'O.automation': 2 } } },
    };
    expect(mergeAssessments(stored, file).roadmap).toEqual({
      targets: { overall: 3, categories: { 'G.compliance': 5, 'O.automation': 2 } },
      tracks: { 'R.awareness': 'operational' },
    });
    expect(mergeAssessments(stored, { ...sample }).roadmap).toEqual(stored.roadmap);
  });
});
