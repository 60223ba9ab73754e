/**
 * Audited requirements and crosswalks in the reports, read back with pdftotext: from a file
 * with `pkimm report --crosswalk`, and from the server's report route (both databases).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { buildCrosswalkView } from '../../src/core/crosswalk/crosswalk-view.js';
import { CrosswalkCatalog } from '../../src/model-loader/crosswalks.js';
import { as } from '../support/accounts.js';
import { DIALECTS } from '../support/databases.js';
import { cli } from '../support/run-cli.js';
import { bundledRegistry, EXAMPLES } from '../helpers/registry.js';
import { call, createAssessment, createWorld, ifMatch, type World } from './assessments-support.js';
import { flat, pdfText, scratch } from './reports-support.js';

const PROFILES = 'M.certificate-management.cert-profiles';
const CREDIT = {
  audit: 'EN 319 411-1 conformity assessment by Example CAB',
  reportUrl: 'https://audits.example.test/2026.pdf',
  date: '2026-05-14',
};

describe('crosswalks and audits in the detailed report (CLI)', () => {
  it('lists the audit and each chosen framework with its rule, counts, controls and gaps', async () => {
    const dir = scratch();
    const source = parse(readFileSync(join(EXAMPLES, 'sample-assessment-2.0.0.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    const file = join(dir, 'with-audit.yaml');
    writeFileSync(file, stringify({ ...source, audits: { [PROFILES]: CREDIT } }));
    const out = join(dir, 'detailed.pdf');
    const result = await cli([
      'report',
      'detailed',
      file,
      '--out',
      out,
      '--crosswalk',
      'nis2',
      '--crosswalk',
      'cabf-tls-br',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const text = flat(pdfText(out));
    expect(text).toContain('Requirements answered by existing audits');
    // Table cells wrap in the layout text, so a cell's lines have other columns' words between them.
    expect(text).toContain('EN 319 411-1 conformity');
    expect(text).toContain('assessment by Example CAB');
    expect(text).toMatch(/14 May (\S+ ){0,8}2026/);
    expect(text).toContain('Regulatory crosswalks');
    const registry = bundledRegistry();
    const { assessment, model } = await readAssessmentFile(file, registry);
    const catalog = new CrosswalkCatalog(registry);
    for (const id of ['nis2', 'cabf-tls-br']) {
      const pack = await catalog.get(id);
      const view = buildCrosswalkView({
        pack,
        model,
        assessment,
        audits: [{ requirement: PROFILES, ...CREDIT }],
      });
      expect(text).toContain(`${pack.framework} (${pack.version})`);
      expect(text).toContain(
        `${view.summary.supported} of ${view.summary.controls} controls supported, ${view.summary['partly-supported']} partly supported, ${view.summary.gap} gaps.`,
      );
    }
    expect(text).toMatch(
      /A control is supported when every requirement that counts for it is at level 3 \(Advanced\)/,
    );
    const wrongType = await cli([
      'report',
      'assessment',
      file,
      '--out',
      join(dir, 'a.pdf'),
      '--crosswalk',
      'nis2',
    ]);
    expect(wrongType.code).toBe(2);
    const unknown = await cli([
      'report',
      'detailed',
      file,
      '--out',
      join(dir, 'b.pdf'),
      '--crosswalk',
      'nope',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no crosswalk pack "nope"/);
  });
});

describe.each(DIALECTS)('crosswalks and audits in reports (API on %s)', (dialect) => {
  let w: World;
  let id: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    id = await createAssessment(w.app, w.a.owner, w.a.orgId, { title: 'Report crosswalks' });
    const put = await w.app.inject({
      method: 'PUT',
      url: `/api/v1/assessments/${id}/audits/${PROFILES}`,
      headers: { ...as(w.app, w.a.owner), ...ifMatch(1) },
      payload: CREDIT,
    });
    expect(put.statusCode).toBe(200);
  });
  afterAll(() => w.close());

  it('puts the chosen crosswalks in the detailed report and the audits in the assessment report', async () => {
    const dir = scratch();
    const detailed = await call(
      w.app,
      w.a.viewer,
      'GET',
      `/assessments/${id}/reports/detailed?crosswalks=dora,iso-27001-2022`,
    );
    expect(detailed.statusCode).toBe(200);
    writeFileSync(join(dir, 'd.pdf'), detailed.rawPayload);
    const text = flat(pdfText(join(dir, 'd.pdf')));
    expect(text).toContain('DORA (');
    expect(text).toContain('ISO/IEC 27001:2022 (');
    expect(text).toContain('assessment by Example CAB');
    const management = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/reports/assessment`);
    writeFileSync(join(dir, 'a.pdf'), management.rawPayload);
    const short = flat(pdfText(join(dir, 'a.pdf')));
    expect(short).toContain('Requirements answered by existing audits');
    expect(short).not.toContain('Regulatory crosswalks');
  });

  it('refuses unknown packs and crosswalks on other report types with 400', async () => {
    const unknown = await call(
      w.app,
      w.a.viewer,
      'GET',
      `/assessments/${id}/reports/detailed?crosswalks=nis2,nope`,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toMatch(/crosswalks names no pack \\?"nope\\?"/);
    const wrong = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/reports/self?crosswalks=nis2`);
    expect(wrong.statusCode).toBe(400);
    const malformed = await call(
      w.app,
      w.a.viewer,
      'GET',
      `/assessments/${id}/reports/detailed?crosswalks=NIS2;drop`,
    );
    expect(malformed.statusCode).toBe(400);
  });
});
