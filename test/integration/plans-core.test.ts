/**
 * Action plans in our format and the official export: shape and model validation with exact
 * paths, the file round trip, official category plans to ours and back, and migration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadIdMapping } from '../../src/assessment-io/mapping.js';
import { parseAssessmentText, readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { serializeAssessment } from '../../src/assessment-io/serialize.js';
import { formatError, PkimmError } from '../../src/core/errors.js';
import { migrateAssessment } from '../../src/core/migration/migrate-assessment.js';
import { isOverdue, planIdsByDue, remapPlanSubjects } from '../../src/core/plans/plan-helpers.js';
import { isIsoDate } from '../../src/core/plans/plan.schema.js';
import { planEntries } from '../../src/core/plans/timeline.js';
import { mergeAssessments } from '../../src/exchange/merge/merge-assessments.js';
import { bundledRegistry, EXAMPLES, FIXTURES } from '../helpers/registry.js';

const registry = bundledRegistry();
const WITH_PLANS = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'plans', 'with-plans.yaml'),
  'utf8',
);
const OFFICIAL_FULL = readFileSync(join(FIXTURES, 'official', 'full-2.0.0.yaml'), 'utf8');

async function problems(text: string): Promise<string[]> {
  try {
    await parseAssessmentText(text, 'plans.yaml', registry);
  } catch (error) {
    if (!(error instanceof PkimmError)) throw error;
    return formatError(error);
  }
  throw new Error('accepted');
}

describe('action plans in our format', () => {
  it('reads every field and writes the file back identically', async () => {
    const { assessment, model } = await parseAssessmentText(WITH_PLANS, 'plans.yaml', registry);
    expect(assessment.plans?.['roadmap']).toEqual({
      subject: 'G.strategy-and-vision',
      title: 'Multi-year PKI roadmap',
      status: 'in-progress',
      targetLevel: 4,
      objectives: ['A roadmap the board signs off', 'Budget for three years'],
      responsible: 'A. Sponsor, CIO office',
      schedule: { start: '2026-01-15', due: '2026-02-27' },
      resources: 'Two days of architect time; a workshop',
      dependencies: 'Budget cycle',
      outputs: ['Roadmap document'],
      tasks: [
        { label: 'Draft the roadmap', done: true },
        { label: 'Board review', done: false },
      ],
      comments: 'Align with the budget cycle, see \\\\share\\pki',
    });
    const text = serializeAssessment(assessment, model, 'pkimm-yaml');
    const again = await parseAssessmentText(text, 'again.yaml', registry);
    expect(again.assessment).toEqual(assessment);
    expect(serializeAssessment(again.assessment, model, 'pkimm-yaml')).toBe(text);
  });

  it('names every problem by its path: unknown fields, dates, due before start, status, subject', async () => {
    const broken = WITH_PLANS.replace("      start: '2026-01-15'", "      start: '2026-03-01'")
      .replace('    status: in-progress', '    status: ongoing\n    colour: red')
      .replace("      due: '2027-03-31'", "      due: '2027-02-30'")
      .replace(
        'subject: G.strategy-and-vision.sponsor-support',
        'subject: G.strategy-and-vision.sponsor-suport',
      );
    const lines = await problems(broken);
    expect(lines.some((l) => /plans\.roadmap\.status: .*planned.*in-progress/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('plans.roadmap.colour: unknown field "colour"'))).toBe(true);
    expect(
      lines.some((l) =>
        l.includes('plans.roadmap.schedule.due: the due date 2026-02-27 is before the start 2026-03-01'),
      ),
    ).toBe(true);
    expect(
      lines.some((l) =>
        l.includes(
          'plans.ocsp-monitoring.schedule.due: must be a calendar date YYYY-MM-DD (got "2027-02-30")',
        ),
      ),
    ).toBe(true);
    // The shape was wrong, so the model is not consulted yet; with a valid shape the subject is checked.
    const subject = await problems(
      WITH_PLANS.replace(
        'subject: G.strategy-and-vision.sponsor-support',
        'subject: G.strategy-and-vision.sponsor-suport',
      ),
    );
    expect(subject.slice(1)).toEqual([
      expect.stringContaining(
        'plans.no-date.subject: no category or requirement "G.strategy-and-vision.sponsor-suport" in pkimm 2.0.0 (did you mean "G.strategy-and-vision.sponsor-support"?)',
      ),
    ]);
    const badId = await problems(WITH_PLANS.replace('  no-date:', '  "no date":'));
    expect(badId.join('\n')).toContain('a plan id is 1 to 100 letters');
  });

  it('knows calendar days and what is overdue', () => {
    expect(['2028-02-29', '2026-12-31'].map(isIsoDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-1-01', '20260101'].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    const plan = { subject: 'G.compliance', status: 'planned' as const, schedule: { due: '2026-03-01' } };
    expect(isOverdue(plan, '2026-03-01')).toBe(false);
    expect(isOverdue(plan, '2026-03-02')).toBe(true);
    expect(isOverdue({ ...plan, status: 'done' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ ...plan, status: 'dropped' }, '2026-03-02')).toBe(false);
  });

  it('orders the timeline by due date, undated plans last', async () => {
    const { assessment, model } = await parseAssessmentText(WITH_PLANS, 'plans.yaml', registry);
    expect(planIdsByDue(assessment.plans ?? {})).toEqual(['roadmap', 'ocsp-monitoring', 'no-date']);
    const entries = planEntries([{ assessmentId: 'a1', assessment, model }], '2026-06-01');
    expect(entries.map((e) => [e.planId, e.subjectName, e.overdue])).toEqual([
      ['roadmap', 'Strategy and vision', true],
      ['ocsp-monitoring', 'Monitoring and auditing', false],
      ['no-date', expect.any(String), false],
    ]);
  });

  it('merges plans by id on a merge import: the file’s plan wins, stored ones stay', async () => {
    const { assessment } = await parseAssessmentText(WITH_PLANS, 'plans.yaml', registry);
    const file = {
      ...assessment,
      plans: {
        roadmap: { subject: 'G.strategy-and-vision', status: 'done' as const },
        extra: { subject: 'G.compliance', status: 'planned' as const },
      },
    };
    const merged = mergeAssessments(assessment, file);
    expect(Object.keys(merged.plans ?? {})).toEqual(['roadmap', 'ocsp-monitoring', 'no-date', 'extra']);
    expect(merged.plans?.['roadmap']).toEqual({ subject: 'G.strategy-and-vision', status: 'done' });
  });

  it('migrates a 1.0.0 assessment’s plans onto 2.0.0 keys, and the result validates', async () => {
    const [from, to, mapping] = await Promise.all([
      registry.get('pkimm', '1.0.0'),
      registry.get('pkimm', '2.0.0'),
      loadIdMapping('1.0.0', '2.0.0'),
    ]);
    const { assessment } = await readAssessmentFile(
      join(EXAMPLES, 'sample-self-assessment-1.0.0.yaml'),
      registry,
    );
    const planned = {
      ...assessment,
      plans: {
        a: { subject: 'G.1', status: 'planned' as const },
        b: { subject: 'M.5.5', status: 'done' as const, title: 'Cipher suites' },
        c: { subject: 'O.9.1', status: 'planned' as const },
      },
    };
    const migrated = migrateAssessment(planned, from, to, mapping).assessment;
    expect(Object.values(migrated.plans ?? {}).map((plan) => plan.subject)).toEqual([
      'G.strategy-and-vision',
      'M.key-management',
      mapping.requirements.find((pair) => pair.from === 'O.9.1')?.to,
    ]);
    const text = serializeAssessment(migrated, to, 'pkimm-yaml');
    await expect(parseAssessmentText(text, 'migrated.yaml', registry)).resolves.toBeDefined();
  });

  it('moves plan subjects with the 1.0.0 → 2.0.0 ids, a dropped requirement to its category', () => {
    const moved = remapPlanSubjects(
      {
        a: { subject: 'G.1', status: 'planned' },
        b: { subject: 'M.5.5', status: 'planned' },
      },
      (key) => ({ 'G.1': 'G.strategy-and-vision', 'M.5': 'M.key-management' })[key],
    );
    expect(moved).toEqual({
      a: { subject: 'G.strategy-and-vision', status: 'planned' },
      b: { subject: 'M.key-management', status: 'planned' },
    });
  });
});

describe('action plans and the official export', () => {
  it('reads the app’s category plans into ours and writes the export back byte for byte', async () => {
    const { assessment, model } = await parseAssessmentText(OFFICIAL_FULL, 'full.yaml', registry);
    expect(assessment.plans).toEqual({
      'G.strategy-and-vision': {
        subject: 'G.strategy-and-vision',
        status: 'planned',
        targetLevel: 4,
        objectives: ['Multi-year PKI roadmap'],
        outputs: ['Roadmap approved by the board'],
        tasks: [{ label: 'Draft the roadmap', done: false }],
        responsible: 'CIO office',
        schedule: { due: '2027-06-30' },
        resources: 'Two days of architect time',
        comments: 'Align with the budget cycle',
        extra: {
          objectivesIds: ['obj-1'],
          outputsIds: ['out-1'],
          tasksIds: ['task-1'],
          responsiblePocId: 'poc-1',
        },
      },
    });
    // The writer reproduces the plans, so nothing is kept verbatim any more.
    expect((assessment.preserved?.['official'] as Record<string, unknown>)['actionPlans']).toBeUndefined();
    expect(serializeAssessment(assessment, model, 'official')).toBe(OFFICIAL_FULL);
  });

  it('writes an edited plan into actionPlans, keeping the app’s item ids, and what the app cannot hold into x-pkimm', async () => {
    const { assessment, model } = await parseAssessmentText(OFFICIAL_FULL, 'full.yaml', registry);
    const plan = assessment.plans?.['G.strategy-and-vision'];
    if (!plan) throw new Error('no plan');
    const edited = {
      ...assessment,
      plans: {
        'G.strategy-and-vision': {
          ...plan,
          status: 'in-progress' as const,
          schedule: { start: '2026-11-01', due: '2027-05-31' },
          tasks: [...(plan.tasks ?? []), { label: 'Present to the board', done: true }],
        },
        'req-plan': { subject: 'G.strategy-and-vision.sponsor-support', status: 'planned' as const },
      },
    };
    const text = serializeAssessment(edited, model, 'official');
    const doc = load(text) as {
      actionPlans: { categories: Record<string, unknown> };
      'x-pkimm': { plans?: unknown };
    };
    expect(doc.actionPlans.categories['G.strategy-and-vision']).toEqual({
      targetLevel: 4,
      objectives: [{ id: 'obj-1', text: 'Multi-year PKI roadmap' }],
      outputs: [{ id: 'out-1', text: 'Roadmap approved by the board' }],
      tasks: [
        { itemId: 'task-1', label: 'Draft the roadmap', done: false },
        // A new task gets a fresh id that no kept task has.
        { itemId: 'task-0', label: 'Present to the board', done: true },
      ],
      responsibility: 'CIO office',
      responsiblePocId: 'poc-1',
      resources: 'Two days of architect time',
      targetDate: '2027-05-31',
      comments: 'Align with the budget cycle',
    });
    expect(doc['x-pkimm'].plans).toBeDefined();
    const back = await parseAssessmentText(text, 'back.yaml', registry);
    expect(back.assessment.plans).toEqual(edited.plans);
  });

  it('keeps a legacy or unreadable actionPlans value verbatim and still reads what it can', async () => {
    const legacy = OFFICIAL_FULL.replace(
      /actionPlans:\n[\s\S]*$/,
      'actionPlans:\n  categories:\n    G.compliance:\n      objectives: Get ISO 27001 certified\n      schedule: next spring\n    G.unknown:\n      targetLevel: 9\n',
    );
    const { assessment, model } = await parseAssessmentText(legacy, 'legacy.yaml', registry);
    expect(assessment.plans?.['G.compliance']).toMatchObject({
      subject: 'G.compliance',
      status: 'planned',
      extra: { objectives: 'Get ISO 27001 certified', schedule: 'next spring' },
    });
    expect(serializeAssessment(assessment, model, 'official')).toBe(legacy);
  });
});
