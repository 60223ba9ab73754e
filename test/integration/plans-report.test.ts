/**
 * Plans in the detailed report, read back with pdftotext: from a file with `pkimm report`, and
 * from the server's report route after plans were added through the API (both databases).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { cli } from '../support/run-cli.js';
import { call, createAssessment, createWorld, ifMatch, type World } from './assessments-support.js';
import { flat, pdfText, scratch } from './reports-support.js';

const FILE = join(import.meta.dirname, '..', 'fixtures', 'plans', 'with-plans.yaml');

describe('plans in the detailed report (CLI)', () => {
  it('lists each plan with its title, objective, owner, due date and status, in English and German', async () => {
    const dir = scratch();
    const out = join(dir, 'detailed.pdf');
    const result = await cli(['report', 'detailed', FILE, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const text = flat(pdfText(out));
    expect(text).toContain('Action plans');
    expect(text).toContain('Multi-year PKI roadmap');
    // Table cells wrap, so a phrase may have other columns' words inside it.
    expect(text).toContain('Objective: A roadmap the board');
    expect(text).toContain('A. Sponsor, CIO office');
    expect(text).toMatch(/In (\S+ ){0,8}progress/);
    expect(text).toContain('27 February');
    expect(text).toContain('Yearly sponsor review');
    // A plan without a title is listed under its subject's name.
    expect(text).toMatch(/Monitoring and auditing (\S+ ){0,6}Monitoring and auditing/);
    const de = join(dir, 'detailed-de.pdf');
    expect((await cli(['report', 'detailed', FILE, '--out', de, '--lang', 'de'])).code).toBe(0);
    expect(flat(pdfText(de))).toMatch(/In (\S+ ){0,10}Arbeit/);
  });
});

describe.each(DIALECTS)('plans in the detailed report (API on %s)', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  it('shows a plan added through the API', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId, { title: 'Report plans' });
    const created = await call(w.app, w.a.contributor, 'POST', `/assessments/${id}/plans`, {
      payload: {
        subject: 'M.key-management',
        title: 'HSM-backed key ceremony',
        status: 'planned',
        objectives: ['Dual control for every root key operation'],
        responsible: 'Keyholder',
        schedule: { due: '2026-09-30' },
      },
      headers: ifMatch(1),
    });
    expect(created.statusCode, created.body).toBe(200);
    const report = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/reports/detailed?format=pdf`);
    expect(report.statusCode, report.body.slice(0, 200)).toBe(200);
    const path = join(scratch(), 'api.pdf');
    writeFileSync(path, report.rawPayload);
    const text = flat(pdfText(path));
    for (const expected of [
      'HSM-backed key ceremony',
      'Objective: Dual control',
      'Keyholder',
      '30 September',
      'Planned',
    ])
      expect(text).toContain(expected);
  });
});
