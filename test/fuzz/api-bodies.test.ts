/**
 * Every route of the OpenAPI document gets fuzzed requests: bodies shaped by its own schema and
 * then broken in one place, arbitrary JSON, raw text that is not JSON (duplicate keys,
 * "__proto__", 1e999, truncation, deep nesting), wrong content types, junk and duplicated query
 * parameters, junk path parameters and If-Match headers. The app must answer below 500, give
 * every 4xx the error body {code, message, issues, requestId}, leave the assessment as it was
 * when it refuses, keep answering /healthz and never pollute Object.prototype.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import {
  createApiWorld,
  DESTRUCTIVE,
  sessionHeaders,
  validParam,
  type ApiWorld,
  type Route,
} from './support/api-world.js';
import {
  expectPrototypeUntouched,
  hostileString,
  hostileValue,
  mutateAll,
  mutation,
  runs,
} from './support/hostile.js';
import { SEEDS } from './support/api-seeds.js';
import { fromSchema } from './support/schema-arbitrary.js';

/** Cases per route: the SQLite pass covers ~125 routes, PostgreSQL runs a lighter pass. */
const RUNS = { sqlite: 8, postgres: 2 } as const;

const RAW_BODIES = fc.oneof(
  fc.constantFrom(
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"level": 1e999, "value": -1e999}',
    '{"a": 1, "a": 2}',
    '{"title": "x", "title": {"nested": true}}',
    '{',
    '[1, 2',
    'null',
    '"just a string"',
    '',
    '\u0000\u0001\u0002',
    '\ufeff{"title":"bom"}',
    'title: [unclosed',
    'a: &a [*a]',
    '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nhello\r\n--x--',
  ),
  fc.nat({ max: 2000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.nat({ max: 2000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/yaml',
  'text/yaml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  `multipart/form-data; boundary=${'b'.repeat(300)}`,
  'application/jose',
  'application/octet-stream',
  'text/html',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'nonsense',
];

interface Case {
  /** A clean case keeps valid parameters, headers and no junk query, so only the body is off. */
  clean: boolean;
  params: (string | undefined)[];
  query: [string, string][];
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };
  contentType: string | undefined;
  ifMatch: string | undefined;
  idempotencyKey: string | undefined;
}

function caseFor(route: Route): fc.Arbitrary<Case> {
  const param = fc.oneof(
    { weight: 8, arbitrary: fc.constant(undefined) },
    fc.uuid(),
    hostileString.filter((s) => s.length < 300),
  );
  const knownQuery = route.query.map((q) =>
    fc.option(
      fc.tuple(
        fc.constant(q.name),
        fc.oneof(
          fromSchema(q.schema).map(String),
          hostileString.filter((s) => s.length < 2000),
        ),
      ),
      { nil: undefined },
    ),
  );
  const query = fc
    .tuple(
      fc.tuple(...knownQuery),
      fc.array(fc.tuple(fc.constantFrom('format', 'limit', 'x', '__proto__', 'mode'), hostileString), {
        maxLength: 2,
      }),
      fc.boolean(),
    )
    .map(([known, extra, duplicate]) => {
      const pairs = [...known.filter((p): p is [string, string] => p !== undefined), ...extra];
      return duplicate && pairs.length > 0 ? [...pairs, ...pairs] : pairs;
    });
  const seeds = SEEDS[`${route.method} ${route.path}`] ?? [];
  const base =
    seeds.length > 0
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...seeds) }, fromSchema(route.body))
      : fromSchema(route.body);
  const mutations = fc.oneof(fc.constant([]), fc.array(mutation, { minLength: 1, maxLength: 3 }));
  const shaped = fc
    .tuple(base, mutations)
    .map(([value, mutations]) => ({ kind: 'json' as const, value: mutateAll(value, mutations) }));
  const body = fc.oneof(
    { weight: route.body ? 6 : 1, arbitrary: shaped },
    { weight: 2, arbitrary: hostileValue.map((value) => ({ kind: 'json' as const, value })) },
    { weight: 2, arbitrary: RAW_BODIES.map((text) => ({ kind: 'raw' as const, text })) },
    fc.constant({ kind: 'none' as const }),
  );
  return fc.record({
    clean: fc.boolean(),
    params: fc.tuple(...route.params.map(() => param)),
    query,
    body,
    contentType: fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      fc.constantFrom(...CONTENT_TYPES, ...route.contentTypes),
    ),
    ifMatch: fc.option(
      fc.oneof(
        fc.constantFrom('current', 'current', '"1"', '"2"', '*', 'W/"1"', '"-1"', '"1e9"'),
        hostileString,
      ),
      {
        nil: undefined,
      },
    ),
    idempotencyKey: fc.option(
      hostileString.filter((s) => s.length < 500),
      { nil: undefined },
    ),
  });
}

/** Percent-encodes `text`; a lone surrogate becomes the invalid UTF-8 bytes it would be (a hostile URL). */
function encode(text: string): string {
  return text
    .split(/([\ud800-\udfff])/u)
    .map((part) => (/^[\ud800-\udfff]$/u.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

interface FuzzRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

function request(world: ApiWorld, route: Route, given: Case, version: number): FuzzRequest {
  const c: Case = given.clean
    ? {
        ...given,
        params: [],
        query: [],
        contentType: undefined,
        ifMatch: 'current',
        idempotencyKey: undefined,
      }
    : given;
  let i = 0;
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const given = c.params[i++];
    return encode(given ?? validParam(world, route, name));
  });
  const search = c.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  const headers: Record<string, string> = { ...sessionHeaders(world) };
  // "current" stands for the version the assessment has, so writes get past the version check.
  const ifMatch = c.ifMatch === 'current' ? `"${version}"` : c.ifMatch;
  if (ifMatch !== undefined) headers['if-match'] = ifMatch.replace(/[^\x20-\x7e]/g, '?');
  if (c.idempotencyKey !== undefined)
    headers['idempotency-key'] = c.idempotencyKey.replace(/[^\x20-\x7e]/g, '?');
  let payload: string | undefined;
  if (c.body.kind === 'json') payload = JSON.stringify(c.body.value) ?? 'null';
  if (c.body.kind === 'raw') payload = c.body.text;
  if (payload !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
  else if (c.contentType !== undefined) headers['content-type'] = c.contentType;
  return {
    method: route.method as FuzzRequest['method'],
    url: search === '' ? path : `${path}?${search}`,
    headers,
    ...(payload === undefined || route.method === 'GET' ? {} : { payload }),
  };
}

/** Why a 4xx answer is not the documented error body, or undefined when it is. */
function errorBodyProblem(contentType: unknown, body: string): string | undefined {
  if (!/^application\/json/.test(String(contentType))) return `content-type ${String(contentType)}`;
  const error = (JSON.parse(body) as { error?: Record<string, unknown> }).error;
  if (error === undefined) return 'no error object';
  if (typeof error['code'] !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(error['code'])) return 'no error code';
  if (typeof error['message'] !== 'string' || error['message'].trim() === '') return 'no message';
  if (!Array.isArray(error['issues'])) return 'no issues list';
  if (typeof error['requestId'] !== 'string') return 'no request id';
  return undefined;
}

/** What a client sees of the assessment: everything a refused request must leave alone. */
async function snapshot(world: ApiWorld): Promise<string> {
  const response = await world.app.inject({
    url: `/api/v1/assessments/${world.assessmentId}`,
    headers: sessionHeaders(world),
  });
  expect(response.statusCode).toBe(200);
  return response.body;
}

describe.each(DIALECTS)('API bodies under fuzzing on %s', (dialect) => {
  let world: ApiWorld;
  beforeAll(async () => {
    world = await createApiWorld(dialect);
  }, 120_000);
  afterAll(async () => {
    await world.close();
  });

  it('finds the routes of the OpenAPI document', () => {
    expect(world.routes.length).toBeGreaterThan(100);
    expect(world.routes.filter((r) => r.body !== undefined).length).toBeGreaterThan(40);
  });

  it('answers what the fuzz once broke with the documented error body', async () => {
    const h = sessionHeaders(world);
    const version = (JSON.parse(await snapshot(world)) as { version: number }).version;
    const refusals = [
      // Malformed multipart bodies: no boundary, a boundary the parser cannot use, a form cut short.
      ...[
        `/api/v1/assessments/${world.assessmentId}/evidence`,
        `/api/v1/assessments/${world.assessmentId}/scans`,
        `/api/v1/orgs/${world.orgId}/assessments/import-file`,
        `/api/v1/assessments/${world.assessmentId}/import?mode=merge`,
      ].flatMap((url) =>
        [
          'multipart/form-data',
          `multipart/form-data; boundary=${'b'.repeat(300)}`,
          'multipart/form-data; boundary=x',
        ].map((type) => ({
          method: 'POST' as const,
          url,
          headers: { ...h, 'content-type': type, 'if-match': `"${version}"` },
          payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc',
        })),
      ),
      // Percent-encoding that is not UTF-8, refused by the router before any route runs.
      { method: 'GET' as const, url: '/api/v1/orgs/%ED%A0%80/members', headers: h },
      // A NUL character, which PostgreSQL cannot store or compare in text.
      { method: 'GET' as const, url: `/api/v1/assessments/%00/workshops/x`, headers: h },
      { method: 'POST' as const, url: '/api/v1/orgs', headers: h, payload: { name: 'nul\u0000' } },
    ];
    for (const options of refusals) {
      const response = await world.app.inject(options);
      const what = `${options.method} ${options.url} → ${response.statusCode} ${response.body}`;
      if (options.url === '/api/v1/orgs' && response.statusCode === 201) continue; // SQLite stores NUL
      expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, what).toBeLessThan(500);
      expect(errorBodyProblem(response.headers['content-type'], response.body), what).toBeUndefined();
    }
    expect(await snapshot(world)).toContain(`"version":${version}`);
  });

  it('answers every route below 500 with a precise error body, changing nothing it refuses', async () => {
    let cases = 0;
    for (const route of world.routes.filter((r) => !DESTRUCTIVE.has(`${r.method} ${r.path}`))) {
      await fc.assert(
        fc.asyncProperty(caseFor(route), async (c) => {
          cases += 1;
          const before = await snapshot(world);
          const options = request(world, route, c, (JSON.parse(before) as { version: number }).version);
          const started = performance.now();
          const response = await world.app.inject(options);
          const took = performance.now() - started;
          const what = `${options.method} ${options.url} → ${response.statusCode} ${response.body.slice(0, 400)}`;
          if (response.statusCode >= 500) throw new Error(`a server error: ${what}`);
          if (took > 15_000) throw new Error(`${what} took ${Math.round(took)} ms`);
          if (response.statusCode >= 400) {
            const problem = errorBodyProblem(response.headers['content-type'], response.body);
            if (problem !== undefined) throw new Error(`${what}: ${problem}`);
            if ((await snapshot(world)) !== before) throw new Error(`${what} changed the assessment`);
          }
          expect((await world.app.inject('/healthz')).statusCode).toBe(200);
          expectPrototypeUntouched();
        }),
        { numRuns: runs(RUNS[dialect]) },
      );
    }
    expect(cases).toBeGreaterThan(100 * runs(RUNS[dialect]));
  }, 600_000);
});
