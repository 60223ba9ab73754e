/** Targets and tracks through the API, the computed roadmap and the diff route, on both databases. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAssessmentText } from '../../src/assessment-io/read-assessment.js';
import { buildRoadmap } from '../../src/core/roadmap/build-roadmap.js';
import type { Roadmap } from '../../src/core/roadmap/roadmap.types.js';
import { as, type SignedUp } from '../support/accounts.js';
import { DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  autosave,
  call,
  createWorld,
  errorOf,
  example,
  ifMatch,
  level,
  revisionsOf,
  SPONSOR,
  versionOf,
  type World,
} from './assessments-support.js';

function put(app: FastifyInstance, who: SignedUp, id: string, version: number | null, payload: unknown) {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/assessments/${id}/roadmap`,
    headers: { ...as(app, who), ...(version === null ? {} : ifMatch(version)) },
    payload: payload as Record<string, unknown>,
  });
}

type RoadmapBody = Roadmap & { version: number };

describe.each(DIALECTS)('roadmap API on %s', (dialect) => {
  let w: World;
  let id: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    const response = await call(w.app, w.a.owner, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
      payload: example('sample-assessment-2.0.0.yaml'),
      headers: { 'content-type': 'application/yaml' },
    });
    expect(response.statusCode).toBe(201);
    id = assessmentOf(response).id;
  });
  afterAll(() => w.close());

  it('stores targets and tracks as one revision and computes the same roadmap as the core', async () => {
    const version = await versionOf(w.app, w.a.owner, id);
    const settings = {
      targets: { overall: 4, categories: { 'M.certificate-management': 5 } },
      tracks: { 'R.awareness': 'operational' },
    };
    const saved = await put(w.app, w.a.assessor, id, version, settings);
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['etag']).toBe(`"${version + 1}"`);
    expect(assessmentOf(saved).document.roadmap).toEqual(settings);
    const revisions = await revisionsOf(w.app, w.a.owner, id);
    expect(revisions.find((r) => r.version === version + 1)).toMatchObject({ kind: 'roadmap' });

    const read = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/roadmap`);
    expect(read.statusCode).toBe(200);
    const body = read.json<RoadmapBody>();
    const { assessment, model } = await parseAssessmentText(
      JSON.stringify(assessmentOf(saved).document),
      'stored',
      w.app.deps.registry,
    );
    const expected = buildRoadmap(model, assessment);
    expect(body.steps).toEqual(JSON.parse(JSON.stringify(expected.steps)));
    expect(body.statements).toEqual(JSON.parse(JSON.stringify(expected.statements)));
    expect(body.version).toBe(version + 1);
    expect(body.targets).toEqual({ overall: 4, categories: { 'M.certificate-management': 5 } });
    const awareness = body.steps.filter((s) => s.categoryKey === 'R.awareness');
    expect(awareness.length).toBeGreaterThan(0);
    expect(awareness.every((s) => s.track === 'operational')).toBe(true);

    const overridden = (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/roadmap?target=5`)
    ).json<RoadmapBody>();
    expect(overridden.targets.overall).toBe(5);
    expect((await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/roadmap?target=9`)).statusCode).toBe(
      400,
    );
  });

  it('refuses unknown keys (422, with the path), a missing If-Match, a stale version and viewers, storing nothing', async () => {
    const version = await versionOf(w.app, w.a.owner, id);
    const unknown = await put(w.app, w.a.assessor, id, version, { targets: { categories: { 'G.nope': 3 } } });
    expect(unknown.statusCode).toBe(422);
    expect(errorOf(unknown).issues).toEqual([
      { path: 'roadmap.targets.categories.G.nope', message: 'no category "G.nope" in pkimm 2.0.0' },
    ]);
    const badLevel = await put(w.app, w.a.assessor, id, version, { targets: { overall: 6 } });
    expect(badLevel.statusCode).toBe(400);
    expect((await put(w.app, w.a.assessor, id, null, {})).statusCode).toBe(428);
    expect((await put(w.app, w.a.assessor, id, version - 1, {})).statusCode).toBe(409);
    expect((await put(w.app, w.a.viewer, id, version, {})).statusCode).toBe(403);
    expect((await put(w.app, w.b.owner, id, version, {})).statusCode).toBe(404);
    expect(await versionOf(w.app, w.a.owner, id)).toBe(version);
  });

  it('clears the settings with an empty body, and undo through restore brings them back', async () => {
    const version = await versionOf(w.app, w.a.owner, id);
    const cleared = await put(w.app, w.a.owner, id, version, {});
    expect(cleared.statusCode).toBe(200);
    expect(assessmentOf(cleared).document.roadmap).toBeUndefined();
    const restored = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/revisions/${version}/restore`, {
      headers: ifMatch(version + 1),
    });
    expect(restored.statusCode).toBe(200);
    expect(assessmentOf(restored).document.roadmap).toMatchObject({ targets: { overall: 4 } });
  });

  it('diffs two readable assessments and hides another tenant’s', async () => {
    const copy = await call(w.app, w.a.owner, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
      payload: example('sample-assessment-2.0.0.yaml'),
      headers: { 'content-type': 'application/yaml' },
    });
    const other = assessmentOf(copy).id;
    expect((await autosave(w.app, w.a.owner, other, 1, level(SPONSOR, 5))).statusCode).toBe(200);
    const diff = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/diff/${other}`);
    expect(diff.statusCode).toBe(200);
    const body = diff.json<{
      requirements: { id: string; before: unknown; after: unknown; change: string }[];
    }>();
    expect(body.requirements).toEqual([
      expect.objectContaining({ id: SPONSOR, before: 4, after: 5, change: 'up' }),
    ]);
    expect((await call(w.app, w.b.owner, 'GET', `/assessments/${id}/diff/${other}`)).statusCode).toBe(404);
    const foreign = await call(w.app, w.b.owner, 'POST', `/orgs/${w.b.orgId}/assessments/import`, {
      payload: example('sample-assessment-2.0.0.yaml'),
      headers: { 'content-type': 'application/yaml' },
    });
    const theirs = assessmentOf(foreign).id;
    expect((await call(w.app, w.a.owner, 'GET', `/assessments/${id}/diff/${theirs}`)).statusCode).toBe(404);
  });

  it('diffs a 1.0.0 assessment against a 2.0.0 one through the mapping', async () => {
    const old = await call(w.app, w.a.owner, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
      payload: example('sample-self-assessment-1.0.0.yaml'),
      headers: { 'content-type': 'application/yaml' },
    });
    expect(old.statusCode).toBe(201);
    const oldId = assessmentOf(old).id;
    const diff = await call(w.app, w.a.owner, 'GET', `/assessments/${oldId}/diff/${id}`);
    expect(diff.statusCode).toBe(200);
    const body = diff.json<{ mapped: boolean; categories: { id: string }[] }>();
    expect(body.mapped).toBe(true);
    expect(body.categories.map((c) => c.id)).toContain('G.cryptography');
    expect(body.categories.every((c) => !/^[GMOR]\.\d+$/.test(c.id))).toBe(true);
  });
});
