/**
 * The tenant and role matrix over every route of the app, generated from the route table:
 * the table names each route (a new one fails the inventory), members and tokens of
 * organisation B get exactly what a missing id gets on every route that names A's objects,
 * anonymous callers get nothing, and viewers and read-only tokens change nothing with any write.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createToken } from '../support/accounts.js';
import { DIALECTS } from '../support/databases.js';
import { isTenantRoute, ROUTES, splitRoute, UNSAFE, type Need } from './support/route-table.js';
import {
  callRoute,
  createSecurityWorld,
  databaseDigest,
  errorBody,
  leaksInternals,
  MISSING,
  originOf,
  type Ids,
  type SecurityWorld,
} from './support/world.js';

const entries: [string, Need][] = Object.entries(ROUTES);
const tenantRoutes = entries.filter(([route, need]) => isTenantRoute(route, need)).map(([r]) => r);
/** Refusals: 415 and 400 come from the content type or schema, before the role is even looked at. */
const REFUSED = [400, 403, 404, 409, 415, 422, 428];
const WRITES: Need[] = ['annotate', 'rate', 'review', 'finalise', 'manage-members'];

/** Status, code and message with the ids taken out, so a real id and a missing one compare equal. */
function shape(response: LightMyRequestResponse, ids: Ids) {
  let message = errorBody(response)?.message ?? '';
  for (const value of Object.values(ids) as string[]) message = message.split(value).join('ID');
  return { status: response.statusCode, code: errorBody(response)?.code, message };
}

describe.each(DIALECTS)('security: route matrix on %s', (dialect) => {
  let w: SecurityWorld;
  beforeAll(async () => {
    w = await createSecurityWorld(dialect);
  }, 120_000);
  afterAll(() => w.close());

  it('names every route of the app in the table, and only those', () => {
    const served = Object.entries(w.doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(
      served.filter((r) => !(r in ROUTES)),
      'routes missing from the table',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((r) => !served.includes(r)),
      'table rows with no route',
    ).toEqual([]);
    // The one route the document hides (the human verification page) is public by design.
    expect(w.app.hasRoute({ method: 'GET', url: '/verify/:id' })).toBe(true);
  });

  it("answers B's members on every route naming A's objects exactly as for ids that do not exist", async () => {
    const before = await databaseDigest(w);
    for (const role of ['owner', 'assessor', 'contributor', 'viewer'] as const) {
      const caller = { cookie: w.b[role].cookie, origin: originOf(w.app) };
      for (const route of tenantRoutes) {
        const real = await callRoute(w, route, w.ids, caller);
        const missing = await callRoute(w, route, MISSING, caller);
        expect(real.statusCode, `${route} as B's ${role}: ${real.body}`).toBeGreaterThanOrEqual(400);
        expect(shape(real, w.ids), `${route} as B's ${role}`).toEqual(shape(missing, MISSING));
        // Reads carry no body to fail validation, so the only answer left is "not found".
        if (splitRoute(route).method === 'GET') expect(real.statusCode, route).toBe(404);
        expect(leaksInternals(real.body), `${route}: ${real.body}`).toBe(false);
      }
    }
    expect(await databaseDigest(w)).toBe(before);
  }, 300_000);

  it("answers B's owner's full-scope token on A's objects exactly as for missing ids", async () => {
    const b = await createToken(w.app, w.b.owner.cookie, w.b.orgId, [
      'assessments:read',
      'assessments:write',
      'members:read',
      'members:write',
    ]);
    // The first use of a token is recorded (once a minute); make it before taking the digest.
    await w.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(b.token) });
    const before = await databaseDigest(w);
    for (const route of tenantRoutes) {
      const real = await callRoute(w, route, w.ids, bearer(b.token));
      const missing = await callRoute(w, route, MISSING, bearer(b.token));
      expect(real.statusCode, `${route}: ${real.body}`).toBeGreaterThanOrEqual(400);
      expect(shape(real, w.ids), route).toEqual(shape(missing, MISSING));
    }
    expect(await databaseDigest(w)).toBe(before);
  }, 120_000);

  it('gives anonymous callers nothing but public routes', async () => {
    const before = await databaseDigest(w);
    for (const [route, need] of entries) {
      if (need === 'public') continue;
      const response = await callRoute(w, route, w.ids, {});
      expect([400, 401, 415], `${route}: ${response.body}`).toContain(response.statusCode);
      if (splitRoute(route).method === 'GET') expect(response.statusCode, route).toBe(401);
    }
    expect(await databaseDigest(w)).toBe(before);
  }, 120_000);

  it("refuses every write of A's viewer beyond reading, and changes nothing", async () => {
    const before = await databaseDigest(w);
    const caller = { cookie: w.a.viewer.cookie, origin: originOf(w.app) };
    let forbidden = 0;
    for (const [route, need] of entries) {
      if (!UNSAFE.has(splitRoute(route).method) || !WRITES.includes(need)) continue;
      const response = await callRoute(w, route, w.ids, caller);
      expect(REFUSED, `${route}: ${response.body}`).toContain(response.statusCode);
      if (response.statusCode === 403) forbidden += 1;
    }
    expect(await databaseDigest(w)).toBe(before);
    // Most writes get past their schema with the sampled body, so the role check itself answers.
    expect(forbidden).toBeGreaterThan(20);
  }, 120_000);

  it('refuses every write to a read-only token of A’s owner, and changes nothing', async () => {
    const token = (
      await createToken(w.app, w.a.owner.cookie, w.a.orgId, ['assessments:read', 'members:read'])
    ).token;
    await w.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    const before = await databaseDigest(w);
    for (const [route, need] of entries) {
      if (!UNSAFE.has(splitRoute(route).method) || need === 'public' || need === 'read') continue;
      const response = await callRoute(w, route, w.ids, bearer(token));
      expect(REFUSED, `${route}: ${response.body}`).toContain(response.statusCode);
    }
    expect(await databaseDigest(w)).toBe(before);
  }, 120_000);
});
