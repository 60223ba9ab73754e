/**
 * "Already audited" marks through the API on both databases: one revision per change, the
 * crosswalk view counting them, validation with paths, roles and tenants, files that keep them,
 * and the freeze of a final assessment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAssessmentText } from '../../src/assessment-io/read-assessment.js';
import { migrateAssessment } from '../../src/core/migration/migrate-assessment.js';
import type { CrosswalkView } from '../../src/core/crosswalk/crosswalk-view.js';
import { loadIdMapping } from '../../src/assessment-io/mapping.js';
import { as, type SignedUp } from '../support/accounts.js';
import { DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  call,
  createAssessment,
  createWorld,
  errorOf,
  ifMatch,
  revisionsOf,
  versionOf,
  type World,
} from './assessments-support.js';

const PROFILES = 'M.certificate-management.cert-profiles';
const ENTRY = {
  audit: 'ETSI EN 319 411-1 conformity assessment 2026 <b>by</b> Example CAB',
  reportUrl: 'https://audits.example.test/report-2026.pdf',
  date: '2026-05-14',
  framework: 'etsi-en-319-401-411-1',
  note: 'Covers the issuing CAs of the qualified service.',
};

function write(
  w: World,
  who: SignedUp,
  method: 'PUT' | 'DELETE',
  id: string,
  key: string,
  version: number,
  body?: unknown,
) {
  return w.app.inject({
    method,
    url: `/api/v1/assessments/${id}/audits/${encodeURIComponent(key)}`,
    headers: { ...as(w.app, who), ...ifMatch(version) },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
}

describe.each(DIALECTS)('audit marks on %s', (dialect) => {
  let w: World;
  let id: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    id = await createAssessment(w.app, w.a.owner, w.a.orgId);
  });
  afterAll(() => w.close());

  it('records an audit as one revision, lists it, and the crosswalk view counts it', async () => {
    const before = (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/crosswalks/etsi-en-319-401-411-1`)
    ).json<CrosswalkView>();
    const control = before.controls.find((c) => c.supports.some((s) => s.key === PROFILES))!;
    expect(control.supports.find((s) => s.key === PROFILES)?.meets).toBe(false);

    const version = await versionOf(w.app, w.a.owner, id);
    const put = await write(w, w.a.contributor, 'PUT', id, PROFILES, version, ENTRY);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ key: PROFILES, credit: ENTRY, version: version + 1 });
    const revisions = await revisionsOf(w.app, w.a.owner, id);
    expect(revisions.find((r) => r.version === version + 1)).toMatchObject({ kind: 'audit-set' });

    const list = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/audits`);
    expect(list.json()).toEqual({ version: version + 1, audits: { [PROFILES]: ENTRY } });

    const after = (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/crosswalks/etsi-en-319-401-411-1`)
    ).json<CrosswalkView>();
    const row = after.controls.find((c) => c.id === control.id)!.supports.find((s) => s.key === PROFILES)!;
    expect(row).toMatchObject({ meets: true, level: 0, audit: { requirement: PROFILES, ...ENTRY } });
    expect(after.audited.map((a) => a.requirement)).toEqual([PROFILES]);
    expect(after.gaps.map((g) => g.key)).not.toContain(PROFILES);
    // The stored document carries it in our format.
    const doc = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).document as {
      audits?: unknown;
    };
    expect(doc.audits).toEqual({ [PROFILES]: ENTRY });
  });

  it('refuses bad entries with the field and reason, and changes nothing', async () => {
    const version = await versionOf(w.app, w.a.owner, id);
    const bad = await write(w, w.a.owner, 'PUT', id, PROFILES, version, {
      audit: ' ',
      reportUrl: 'javascript:alert(1)',
      date: '2026-02-30',
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    const issues = errorOf(bad).issues.map((i) => `${i.path}: ${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'audit: audit must not be empty',
        'reportUrl: reportUrl must be an http or https address',
        'date: date must be a calendar date as YYYY-MM-DD',
        'extra: unknown field "extra"',
      ]),
    );
    const unknown = await write(w, w.a.owner, 'PUT', id, 'M.certificate-management.nothing', version, ENTRY);
    expect(unknown.statusCode).toBe(422);
    expect(errorOf(unknown).message).toMatch(/no requirement "M.certificate-management.nothing"/);
    const stale = await write(w, w.a.owner, 'PUT', id, PROFILES, version - 1, ENTRY);
    expect(stale.statusCode).toBe(409);
    const viewer = await write(w, w.a.viewer, 'PUT', id, PROFILES, version, ENTRY);
    expect(viewer.statusCode).toBe(403);
    const other = await write(w, w.b.owner, 'PUT', id, PROFILES, version, ENTRY);
    expect(other.statusCode).toBe(404);
    expect(await versionOf(w.app, w.a.owner, id)).toBe(version);
  });

  it('keeps the marks through our file format and the official export, and maps them in a migration', async () => {
    for (const format of ['pkimm-yaml', 'official'] as const) {
      const file = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/export?format=${format}`);
      expect(file.statusCode).toBe(200);
      const { assessment } = await parseAssessmentText(file.body, format, w.app.deps.registry);
      expect(assessment.audits).toEqual({ [PROFILES]: ENTRY });
    }
    const old = await w.app.deps.registry.get('pkimm', '1.0.0');
    const model2 = await w.app.deps.registry.get('pkimm', '2.0.0');
    const mapping = await loadIdMapping();
    const from = mapping.requirements.find((p) => p.to === PROFILES)!.from;
    const migrated = migrateAssessment(
      {
        title: 'old',
        model: { id: 'pkimm', version: '1.0.0' },
        mode: 'full',
        modules: {},
        categories: {},
        requirements: {},
        extensions: [],
        relevance: {},
        audits: { [from]: ENTRY },
      },
      old,
      model2,
      mapping,
    );
    expect(migrated.assessment.audits).toEqual({ [PROFILES]: ENTRY });
  });

  it('removes a mark as one revision; removing one that is not there is 404', async () => {
    const version = await versionOf(w.app, w.a.owner, id);
    const removed = await write(w, w.a.owner, 'DELETE', id, PROFILES, version);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ key: PROFILES, credit: null, version: version + 1 });
    const again = await write(w, w.a.owner, 'DELETE', id, PROFILES, version + 1);
    expect(again.statusCode).toBe(404);
    const doc = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).document as {
      audits?: unknown;
    };
    expect(doc.audits).toBeUndefined();
  });

  it('refuses marks on a final assessment (409)', async () => {
    const version = await versionOf(w.app, w.a.owner, id);
    const final = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/status`, {
      payload: { status: 'final' },
      headers: ifMatch(version),
    });
    expect(final.statusCode).toBe(200);
    const refused = await write(w, w.a.owner, 'PUT', id, PROFILES, version + 1, ENTRY);
    expect(refused.statusCode).toBe(409);
  });
});
