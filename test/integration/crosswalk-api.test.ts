/** Crosswalk packs and views through the API, on both databases: the core's view, CSV, access, bad input. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAssessmentText } from '../../src/assessment-io/read-assessment.js';
import { buildCrosswalkView, type CrosswalkView } from '../../src/core/crosswalk/crosswalk-view.js';
import { CrosswalkCatalog } from '../../src/model-loader/crosswalks.js';
import { bundledRegistry } from '../helpers/registry.js';
import { samplePack } from '../support/crosswalk-pack.js';
import { DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  autosave,
  call,
  createWorld,
  errorOf,
  example,
  level,
  type World,
} from './assessments-support.js';

const catalog = new CrosswalkCatalog(bundledRegistry());
const userDir = mkdtempSync(join(tmpdir(), 'pkimm-api-packs-'));
writeFileSync(join(userDir, 'house-rules.yaml'), stringify(samplePack({ id: 'house-rules' })));

describe.each(DIALECTS)('crosswalk API on %s', (dialect) => {
  let w: World;
  let id: string;
  let oldId: string;
  beforeAll(async () => {
    w = await createWorld(dialect, { PKIMM_CROSSWALKS_DIR: userDir });
    const imported = await call(w.app, w.a.owner, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
      payload: example('sample-assessment-2.0.0.yaml'),
      headers: { 'content-type': 'application/yaml' },
    });
    expect(imported.statusCode).toBe(201);
    id = assessmentOf(imported).id;
    const old = await call(w.app, w.a.owner, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
      payload: example('sample-self-assessment-1.0.0.yaml'),
      headers: { 'content-type': 'application/yaml' },
    });
    oldId = assessmentOf(old).id;
  });
  afterAll(() => w.close());

  it('lists the bundled packs and the operator’s own, and serves each in full without a session', async () => {
    const list = await w.app.inject({ method: 'GET', url: '/api/v1/crosswalks' });
    expect(list.statusCode).toBe(200);
    const packs = list.json<{ packs: { id: string; bundled: boolean; mappings: number }[] }>().packs;
    expect(packs.map((p) => p.id)).toEqual([...(await catalog.list()).map((p) => p.id), 'house-rules']);
    expect(packs.find((p) => p.id === 'house-rules')?.bundled).toBe(false);
    const one = await w.app.inject({ method: 'GET', url: '/api/v1/crosswalks/etsi-en-319-401-411-1' });
    expect(one.json()).toEqual(await catalog.get('etsi-en-319-401-411-1'));
    const missing = await w.app.inject({ method: 'GET', url: '/api/v1/crosswalks/nope' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).message).toMatch(/no crosswalk pack "nope"/);
    const bad = await w.app.inject({ method: 'GET', url: '/api/v1/crosswalks/..%2Fsecrets' });
    expect(bad.statusCode).toBe(400);
  });

  it('gives the same view as the core, and follows a rating saved a moment ago', async () => {
    const stored = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`);
    const body = stored.json<{ version: number; document: unknown }>();
    const { assessment, model } = await parseAssessmentText(
      JSON.stringify(body.document),
      'stored',
      w.app.deps.registry,
    );
    const pack = await catalog.get('nis2');
    const response = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/crosswalks/nis2`);
    expect(response.statusCode).toBe(200);
    const view = response.json<CrosswalkView & { version: number }>();
    expect(view.version).toBe(body.version);
    const { version: _v, ...rest } = view;
    expect(rest).toEqual(JSON.parse(JSON.stringify(buildCrosswalkView({ pack, model, assessment }))));

    // Raise every requirement the first gap names to 5: it leaves the gap list.
    const gap = view.gaps[0]!;
    const saved = await autosave(w.app, w.a.owner, id, body.version, level(gap.key, 5));
    expect(saved.statusCode).toBe(200);
    const after = (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/crosswalks/nis2`)
    ).json<CrosswalkView>();
    expect(after.gaps.map((g) => g.key)).not.toContain(gap.key);
  });

  it('takes a threshold, refuses one outside 1..5, and reads 1.0.0 assessments through the mapping', async () => {
    const strict = (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/crosswalks/dora?threshold=5`)
    ).json<CrosswalkView>();
    const lenient = (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/crosswalks/dora?threshold=1`)
    ).json<CrosswalkView>();
    expect(strict.rule).toEqual({ threshold: 5, thresholdName: 'Optimized' });
    expect(strict.summary.gap).toBeGreaterThan(lenient.summary.gap);
    const bad = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/crosswalks/dora?threshold=9`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/threshold must be a whole number from 1 to 5/);
    const old = await call(w.app, w.a.viewer, 'GET', `/assessments/${oldId}/crosswalks/dora`);
    expect(old.statusCode).toBe(200);
    const oldView = old.json<CrosswalkView>();
    expect(oldView.assessment.modelVersion).toBe('1.0.0');
    expect(oldView.controls.flatMap((c) => c.supports).some((s) => s.key?.match(/^[GMOR]\.\d+\.\d+$/))).toBe(
      true,
    );
  });

  it('downloads the view as CSV, one row per control and requirement, formula-safe', async () => {
    const response = await call(
      w.app,
      w.a.viewer,
      'GET',
      `/assessments/${id}/crosswalks/nist-csf-2?format=csv`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/nist-csf-2-crosswalk\.csv/);
    const view = (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/crosswalks/nist-csf-2`)
    ).json<CrosswalkView>();
    const rows = parseCsv<Record<string, string>>(response.body.replace(/^\ufeff/, ''), { columns: true });
    expect(rows).toHaveLength(view.controls.reduce((n, c) => n + c.supports.length, 0));
    expect(rows.map((r) => r['control'])).toEqual(view.controls.flatMap((c) => c.supports.map(() => c.id)));
  });

  it('keeps other organisations out (404) and needs a session for views', async () => {
    const other = await call(w.app, w.b.owner, 'GET', `/assessments/${id}/crosswalks/nis2`);
    expect(other.statusCode).toBe(404);
    const anonymous = await w.app.inject({ method: 'GET', url: `/api/v1/assessments/${id}/crosswalks/nis2` });
    expect(anonymous.statusCode).toBe(401);
  });
});
