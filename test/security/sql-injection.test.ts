/**
 * SQL injection: hostile strings in the stored text fields (names, titles, notes, evidence,
 * on-site registers, workshop and question texts, emails) are stored verbatim and read back
 * equal; the same strings in every query parameter and path key of every read answer 2xx or a
 * 4xx, never a 500 and never SQL; and afterwards every table is still there with its rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { ROUTES, splitRoute } from './support/route-table.js';
import {
  createSecurityWorld,
  leaksInternals,
  originOf,
  sampleBody,
  urlFor,
  type SecurityWorld,
} from './support/world.js';

const PAYLOADS = [
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '"; DROP TABLE assessments; --',
  "Robert'); DELETE FROM sessions WHERE ('1'='1",
  '\u2019 OR \u20181\u2019=\u20181', // typographic quotes some drivers fold into ASCII
  'back\\slash \\\' \\" \\\\',
  '$1 $2::text ?; :name @p1',
  '1 UNION SELECT id_hash, user_id FROM sessions --',
  '%_% LIKE wildcards _%',
  '/* comment */ -- ; # \u0008\u001b',
];

/** Create routes whose sampled body has free-text fields, and where to read the result back. */
const STORES: [create: string, list: string][] = [
  ['POST /api/v1/assessments/{id}/contacts', 'GET /api/v1/assessments/{id}/contacts'],
  ['POST /api/v1/assessments/{id}/artifacts', 'GET /api/v1/assessments/{id}/artifacts'],
  ['POST /api/v1/assessments/{id}/interviews', 'GET /api/v1/assessments/{id}/interviews'],
  ['POST /api/v1/assessments/{id}/workshops', 'GET /api/v1/assessments/{id}/workshops'],
  ['POST /api/v1/assessments/{id}/questions', 'GET /api/v1/assessments/{id}/questions'],
  ['POST /api/v1/assessments/{id}/evidence', 'GET /api/v1/assessments/{id}/evidence'],
];

/** Every placeholder string the sampler made ('x', 'xx'…) replaced by the payload; keys and enums stay. */
function inject(value: unknown, payload: string): unknown {
  if (typeof value === 'string') return /^x+$/.test(value) ? payload : value;
  if (Array.isArray(value)) return value.map((v) => inject(v, payload));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inject(v, payload)]));
  return value;
}

describe.each(DIALECTS)('security: SQL injection on %s', (dialect) => {
  let w: SecurityWorld;
  let counts: Record<string, number>;
  beforeAll(async () => {
    w = await createSecurityWorld(dialect);
    counts = await tableCounts(w);
  }, 120_000);
  afterAll(() => w.close());

  const owner = () => ({ cookie: w.a.owner.cookie, origin: originOf(w.app) });
  const send = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    w.app.inject({
      method: method as 'POST',
      url,
      headers: { ...owner(), ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('stores hostile organisation names, assessment titles and notes verbatim', async () => {
    for (const payload of PAYLOADS) {
      const org = await send('POST', '/api/v1/orgs', { name: payload });
      expect(org.statusCode, payload).toBe(201);
      const orgId = org.json<{ id: string }>().id;
      expect((await send('GET', `/api/v1/orgs/${orgId}`)).json<{ name: string }>().name).toBe(payload);
      const created = await send('POST', `/api/v1/orgs/${orgId}/assessments`, {
        title: payload,
        model: { version: '2.0.0' },
        mode: 'full',
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      const note = await send(
        'PATCH',
        `/api/v1/assessments/${id}/answers`,
        {
          target: 'requirement',
          key: 'G.strategy-and-vision.sponsor-support',
          field: 'notes',
          value: payload,
        },
        { 'if-match': '"1"' },
      );
      expect(note.statusCode, note.body).toBe(200);
      const read = (await send('GET', `/api/v1/assessments/${id}`)).json<{
        title: string;
        document: unknown;
      }>();
      expect(read.title).toBe(payload);
      expect(JSON.stringify(read.document)).toContain(JSON.stringify(payload).slice(1, -1));
      const listed = await send('GET', `/api/v1/orgs/${orgId}/assessments`);
      expect(listed.json<{ assessments: { title: string }[] }>().assessments.map((a) => a.title)).toEqual([
        payload,
      ]);
    }
  }, 120_000);

  it.each(STORES)(
    'stores every free-text field of %s verbatim',
    async (create, list) => {
      for (const payload of PAYLOADS) {
        const body = inject(sampleBody(w.doc, create, true), payload);
        const response = await send('POST', urlFor(create, w.ids), body, { 'if-match': '"1"' });
        expect(response.statusCode, `${payload}: ${response.body}`).toBeLessThan(300);
        const read = await send('GET', urlFor(list, w.ids));
        expect(read.statusCode).toBe(200);
        expect(read.body, payload).toContain(JSON.stringify(payload).slice(1, -1));
      }
    },
    120_000,
  );

  it('treats hostile emails as emails: sign-in, adding a member and granting answer normally', async () => {
    for (const payload of PAYLOADS) {
      const email = `${payload}@a.test`;
      const signIn = await w.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: 'correct horse battery staple' },
        remoteAddress: `10.55.0.${PAYLOADS.indexOf(payload)}`,
      });
      expect(signIn.statusCode, signIn.body).toBe(401);
      for (const url of [`/api/v1/orgs/${w.ids.orgId}/members`, `/api/v1/assessments/${w.ids.id}/grants`]) {
        const response = await send('POST', url, { email, role: 'viewer' });
        expect([400, 404, 422], `${url}: ${response.body}`).toContain(response.statusCode);
        expect(leaksInternals(response.body)).toBe(false);
      }
    }
  });

  it('answers hostile query parameters and path keys on every read with 2xx or 4xx, never SQL', async () => {
    const reads = Object.keys(ROUTES).filter((r) => splitRoute(r).method === 'GET' && !r.endsWith('{*}'));
    for (const route of reads) {
      const { path } = splitRoute(route);
      const base = urlFor(route, w.ids);
      for (const payload of PAYLOADS) {
        const q = encodeURIComponent(payload);
        const query = [
          'q',
          'status',
          'limit',
          'order',
          'sort',
          'scope',
          'event',
          'before',
          'cursor',
          'gaps',
          'format',
          'lang',
          'mode',
        ]
          .map((key) => `${key}=${q}`)
          .join('&');
        const response = await send('GET', `${base}?${query}`);
        expect(response.statusCode, `${route} ?…=${payload}: ${response.body.slice(0, 300)}`).toBeLessThan(
          500,
        );
        // Stored names may hold SQL-looking text by now; only error answers must not show any.
        if (response.statusCode >= 400)
          expect(leaksInternals(echoless(response.body, payload)), route).toBe(false);
        // The same payload as the last path segment where the route takes a key or a sub-id.
        if (/\{(key|packId|scanId|workshopId|version|type|format)\}$/.test(path)) {
          const keyed = await send('GET', `${base.slice(0, base.lastIndexOf('/'))}/${q}`);
          expect(keyed.statusCode, `${route} with ${payload}`).toBeLessThan(500);
          if (keyed.statusCode >= 400)
            expect(leaksInternals(echoless(keyed.body, payload)), route).toBe(false);
        }
      }
    }
  }, 240_000);

  it('leaves every table in place, no rows lost and the users able to sign in', async () => {
    const after = await tableCounts(w);
    expect(Object.keys(after).sort()).toEqual(Object.keys(counts).sort());
    for (const [table, count] of Object.entries(counts))
      expect(after[table], table).toBeGreaterThanOrEqual(count);
    const me = await w.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: w.a.viewer.cookie },
    });
    expect(me.statusCode).toBe(200);
  });
});

/** The body without the payload itself: an error may quote what was sent, and that is no leak. */
function echoless(body: string, payload: string): string {
  return [payload, JSON.stringify(payload).slice(1, -1)].reduce(
    (text, echo) => text.split(echo).join(''),
    body,
  );
}

async function tableCounts(w: SecurityWorld): Promise<Record<string, number>> {
  const { db } = w.app.deps.database;
  const out: Record<string, number> = {};
  for (const table of await db.introspection.getTables()) {
    const row = await db
      .selectFrom(table.name as never)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    out[table.name] = Number(row.n);
  }
  return out;
}
