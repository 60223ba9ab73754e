/**
 * The set-up the security suite shares: two organisations with a member of each role, an
 * assessment (two, for the diff route), an uploaded evidence file and an API token in
 * organisation A, and the tools to call any route from the table with concrete values.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DialectName } from '../../../src/persistence/dialect.js';
import type { ErrorBody } from '../../../src/server/error-handler.js';
import {
  createAssessment,
  createWorld,
  multipart,
  SPONSOR,
  type World,
} from '../../integration/assessments-support.js';
import { createToken } from '../../support/accounts.js';
import { paramsOf, splitRoute } from './route-table.js';

export interface Ids {
  orgId: string;
  id: string;
  second: string;
  evidenceId: string;
  tokenId: string;
  userId: string;
}

export interface SecurityWorld extends World {
  ids: Ids;
  /** The OpenAPI document, which lists every route with its request schema. */
  doc: OpenApi;
}

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
}

export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  nullable?: boolean;
}

export async function createSecurityWorld(dialect: DialectName, env: Record<string, string> = {}) {
  const w = await createWorld(dialect, env);
  const id = await createAssessment(w.app, w.a.assessor, w.a.orgId, { title: 'Target' });
  const second = await createAssessment(w.app, w.a.assessor, w.a.orgId, { title: 'Second' });
  const form = await multipart([
    { name: 'title', value: 'Policy' },
    { name: 'requirements', value: SPONSOR },
    { name: 'file', value: { bytes: Buffer.from('%PDF-1.7\n'), fileName: 'p.pdf', type: 'application/pdf' } },
  ]);
  const upload = await w.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${id}/evidence`,
    headers: { cookie: w.a.owner.cookie, origin: originOf(w.app), ...form.headers },
    payload: form.payload,
  });
  if (upload.statusCode !== 201) throw new Error(`evidence upload failed: ${upload.body}`);
  const token = await createToken(w.app, w.a.owner.cookie, w.a.orgId, ['assessments:read']);
  const doc = (await w.app.inject({ method: 'GET', url: '/api/docs/json' })).json<OpenApi>();
  const ids: Ids = {
    orgId: w.a.orgId,
    id,
    second,
    evidenceId: upload.json<{ id: string }>().id,
    tokenId: token.id,
    // Not the viewer's own id: a member may always remove themselves (leave the organisation).
    userId: w.a.assessor.userId,
  };
  return { ...w, ids, doc } satisfies SecurityWorld;
}

export function originOf(app: FastifyInstance): string {
  return app.deps.config.allowedOrigins[0]!;
}

/** Ids that exist nowhere, shaped like the real ones. */
export const MISSING: Ids = {
  orgId: 'org-that-does-not-exist',
  id: 'assessment-that-does-not-exist',
  second: 'assessment-that-does-not-exist-either',
  evidenceId: 'evidence-that-does-not-exist',
  tokenId: 'token-that-does-not-exist',
  userId: 'user-that-does-not-exist',
};

/** Values for the parameters that are not tenant ids: a real requirement key, a format, a version… */
const FIXED: Record<string, string> = {
  key: SPONSOR,
  version: '1',
  type: 'self',
  format: 'csv',
  modelVersion: '2.0.0',
  index: '0',
  role: 'assessor',
  packId: 'no-such-pack',
};

/** The route's URL with `ids` filled in; sub-ids the table has no real value for get a made-up one. */
export function urlFor(route: string, ids: Ids): string {
  const { path } = splitRoute(route);
  let url = path;
  for (const name of paramsOf(path)) {
    const value =
      name === 'orgId' || name === 'evidenceId' || name === 'tokenId' || name === 'userId'
        ? ids[name]
        : name === 'id' || name === 'assessmentId' || name === 'a'
          ? ids.id
          : name === 'b'
            ? ids.second
            : name === '*'
              ? 'some/page'
              : (FIXED[name] ?? `no-such-${name}`);
    url = url.replace(`{${name}}`, encodeURIComponent(value).replace(/%2F/g, '/'));
  }
  return url;
}

/** A JSON body the route's schema accepts, as far as a schema says (the first branch of a union). */
export function sampleBody(doc: OpenApi, route: string, withOptionalText = false): unknown {
  const { method, path } = splitRoute(route);
  const schema = doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content['application/json']?.schema;
  return schema === undefined ? undefined : sample(schema, '', withOptionalText);
}

/** `text`: also fill optional plain-string properties (the free-text fields an injection test wants). */
function sample(schema: Schema, name: string, text: boolean): unknown {
  const branch = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (branch) return sample(branch, name, text);
  if (schema.allOf?.[0]) return sample(schema.allOf[0], name, text);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key] ?? {}, key, text);
      for (const [key, property] of Object.entries(schema.properties ?? {}))
        if (text && !(key in out) && property.type === 'string' && !property.enum && !property.format)
          out[key] = sample(property, key, text);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () =>
        sample(schema.items ?? {}, name, text),
      );
    case 'integer':
    case 'number':
      return Math.min(Math.max(1, schema.minimum ?? 1), schema.maximum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      return sampleString(schema, name);
    default:
      return 'x';
  }
}

function sampleString(schema: Schema, name: string): string {
  if (schema.format === 'date-time') return '2026-03-01T09:00:00.000Z';
  if (schema.format === 'date' || /date|due|start/i.test(name)) return '2026-04-01';
  if (/email/i.test(name)) return 'viewer@a.test';
  if (/key|requirement/i.test(name)) return SPONSOR;
  if (/url/i.test(name)) return 'https://example.org/';
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}

export interface Caller {
  cookie?: string;
  origin?: string;
  authorization?: string;
}

/** Calls a route of the table: its URL for `ids`, a schema-shaped body and If-Match 1 on writes. */
export function callRoute(
  w: SecurityWorld,
  route: string,
  ids: Ids,
  caller: Caller,
  extra: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const { method } = splitRoute(route);
  const body = method === 'GET' || method === 'DELETE' ? undefined : sampleBody(w.doc, route);
  const headers: Record<string, string> = { ...extra };
  for (const [k, v] of Object.entries(caller) as [string, string | undefined][])
    if (v !== undefined) headers[k] = v;
  if (method !== 'GET') headers['if-match'] = '"1"';
  return w.app.inject({
    method: method as 'GET',
    url: urlFor(route, ids),
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

export function errorBody(response: LightMyRequestResponse): ErrorBody['error'] | undefined {
  try {
    return response.json<ErrorBody>().error;
  } catch {
    return undefined;
  }
}

/** A digest of every row of every table: equal before and after means nothing was written. */
export async function databaseDigest(w: SecurityWorld): Promise<string> {
  const { db } = w.app.deps.database;
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
  const hash = createHash('sha256');
  for (const table of tables) {
    if (table.startsWith('kysely_')) continue;
    const rows = await db
      .selectFrom(table as never)
      .selectAll()
      .execute();
    const lines = rows.map((row) =>
      JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.length : v)),
    );
    hash.update(`${table}:${lines.sort().join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** Stack frames, SQL or driver names in a body mean an error leaked internals. */
export function leaksInternals(body: string): boolean {
  return /\bat [\w.<>]+ \(|node_modules|\bSELECT\b.*\bFROM\b|\bINSERT INTO\b|SQLITE_|sqlite3|\bpg_|syntax error at/i.test(
    body,
  );
}
