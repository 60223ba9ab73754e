import { describe, expect, it } from 'vitest';
import { emptyAssessment, rate } from '../../../test/support/assessments.js';
import { samplePack } from '../../../test/support/crosswalk-pack.js';
import { factsModel } from '../../../test/support/facts-model.js';
import type { IdMapping } from '../migration/id-mapping.js';
import { buildCrosswalkView, type AuditCredit } from './crosswalk-view.js';
import type { CrosswalkPack } from './crosswalk.types.js';

const model = factsModel('2.0.0');
const ALG = 'G.cryptography.crypto-algorithms';
const PROT = 'G.cryptography.crypto-protocols';
const INV = 'M.certificate-management.cert-inventory';
const DISC = 'M.certificate-management.cert-discovery';

function pack(): CrosswalkPack {
  return samplePack({
    controls: [
      { id: 'C-1', title: 'Cryptography policy' },
      { id: 'C-2', title: 'Asset inventory' },
      { id: 'C-3', title: 'Only related' },
    ],
    mappings: [
      { requirement: ALG, control: 'C-1', relationship: 'subset', rationale: 'a' },
      { requirement: PROT, control: 'C-1', relationship: 'subset', rationale: 'b' },
      { requirement: INV, control: 'C-1', relationship: 'related', rationale: 'c' },
      { requirement: INV, control: 'C-2', relationship: 'equivalent', rationale: 'd' },
      { requirement: ALG, control: 'C-2', relationship: 'superset', rationale: 'e' },
      { requirement: DISC, control: 'C-3', relationship: 'related', rationale: 'f' },
    ],
  });
}

const statuses = (view: ReturnType<typeof buildCrosswalkView>) =>
  Object.fromEntries(view.controls.map((c) => [c.id, c.status]));

describe('crosswalk view and its status rule', () => {
  it('rates a control supported when every counting requirement reaches the threshold, partly when some do', () => {
    const a = emptyAssessment(model);
    rate(a, ALG, 3);
    rate(a, PROT, 2);
    rate(a, INV, 1); // related to C-1: shown there but does not count
    const view = buildCrosswalkView({ pack: pack(), model, assessment: a });
    expect(statuses(view)).toEqual({ 'C-1': 'partly-supported', 'C-2': 'partly-supported', 'C-3': 'gap' });
    const c1 = view.controls[0]!;
    expect(c1.supports.map((s) => [s.requirement, s.counts, s.meets, s.level])).toEqual([
      [ALG, true, true, 3],
      [PROT, true, false, 2],
      [INV, false, false, 1],
    ]);
    expect(view.summary).toEqual({ controls: 3, supported: 0, 'partly-supported': 2, gap: 1 });
    expect(view.rule).toEqual({ threshold: 3, thresholdName: 'Advanced' });
    rate(a, PROT, 4);
    rate(a, INV, 3);
    rate(a, DISC, 5);
    expect(statuses(buildCrosswalkView({ pack: pack(), model, assessment: a }))).toEqual({
      'C-1': 'supported',
      'C-2': 'supported',
      'C-3': 'supported', // only related mappings: they count
    });
  });

  it('follows a chosen threshold', () => {
    const a = emptyAssessment(model);
    for (const key of [ALG, PROT, INV, DISC]) rate(a, key, 4);
    expect(statuses(buildCrosswalkView({ pack: pack(), model, assessment: a, threshold: 5 }))).toEqual({
      'C-1': 'gap',
      'C-2': 'gap',
      'C-3': 'gap',
    });
  });

  it('lists gaps by how many controls they hold back, then in model order', () => {
    const a = emptyAssessment(model);
    rate(a, PROT, 1);
    const view = buildCrosswalkView({ pack: pack(), model, assessment: a });
    expect(view.gaps.map((g) => [g.key, g.controls])).toEqual([
      [ALG, ['C-1', 'C-2']],
      [PROT, ['C-1']],
      [INV, ['C-2']],
      [DISC, ['C-3']],
    ]);
    expect(view.gaps[1]).toMatchObject({ level: 1, source: 'requirement', position: 'G.5.3' });
  });

  it('leaves out-of-scope requirements out of the rule; all out of scope is a gap', () => {
    const a = emptyAssessment(model);
    rate(a, ALG, 4);
    a.requirements[PROT] = {
      ...a.requirements[PROT],
      applicability: 'not-applicable',
      reason: 'none',
    } as never;
    a.requirements[INV] = {
      ...a.requirements[INV],
      applicability: 'not-applicable',
      reason: 'none',
    } as never;
    const view = buildCrosswalkView({ pack: pack(), model, assessment: a });
    expect(statuses(view)['C-1']).toBe('supported');
    expect(view.controls[1]!.supports.find((s) => s.requirement === INV)).toMatchObject({
      source: 'not-applicable',
      counts: false,
    });
    expect(statuses(view)['C-2']).toBe('supported'); // ALG at 4 is the only counting one left
  });

  it('counts a requirement an existing audit answers as meeting its part, and lists the audit', () => {
    const a = emptyAssessment(model);
    rate(a, ALG, 3);
    rate(a, PROT, 1);
    const audits: AuditCredit[] = [
      {
        requirement: PROT,
        audit: 'ETSI EN 319 411-1 audit',
        reportUrl: 'https://example.test/r',
        date: '2026-05-01',
      },
      {
        requirement: 'R.awareness.awareness-plan',
        audit: 'other',
        reportUrl: 'https://x.test',
        date: '2026-01-01',
      },
    ];
    const view = buildCrosswalkView({ pack: pack(), model, assessment: a, audits });
    expect(statuses(view)['C-1']).toBe('supported');
    expect(view.controls[0]!.supports[1]!.audit?.audit).toBe('ETSI EN 319 411-1 audit');
    // Only audits of requirements the pack names are listed.
    expect(view.audited.map((x) => [x.requirement, x.controls])).toEqual([[PROT, ['C-1']]]);
  });

  it('reads a self-mode assessment through its category levels', () => {
    const a = emptyAssessment(model, 'self');
    a.categories['G.cryptography'] = { level: 3 } as never;
    const view = buildCrosswalkView({ pack: pack(), model, assessment: a });
    expect(view.controls[0]!.supports[0]).toMatchObject({ level: 3, source: 'category', meets: true });
  });

  it('reads a 1.0.0 assessment through the id mapping; requirements 1.0.0 lacks do not count', () => {
    const old = factsModel('1.0.0');
    const a = emptyAssessment(old);
    const mapping: IdMapping = {
      kind: 'pkimm-id-mapping',
      from: '1.0.0',
      to: '2.0.0',
      categories: [],
      requirements: [{ from: 'M.6.4', to: INV }],
      unmapped: [],
      added: [],
    };
    rate(a, 'M.6.4', 4);
    const view = buildCrosswalkView({ pack: pack(), model: old, assessment: a, mapping });
    const c2 = view.controls[1]!;
    expect(c2.supports.map((s) => [s.requirement, s.key, s.source, s.counts])).toEqual([
      [INV, 'M.6.4', 'requirement', true],
      [ALG, undefined, 'not-in-model', false],
    ]);
    expect(c2.status).toBe('supported');
    expect(view.assessment.modelVersion).toBe('1.0.0');
  });
});
