/**
 * The API as a browser or script reaches a server process: real HTTP, the session cookie, and
 * the Origin header cookie-authenticated writes need (each server's own origin).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/persistence/schema.js';
import { createAccount } from '../../../src/server/routes/accounts/create-account.js';

export const PASSWORD = 'a long enough test passphrase';

export interface ApiResponse<T = unknown> {
  status: number;
  etag: string | null;
  body: T;
}

/** One call; `cookie` makes it a signed-in request with the server's own Origin. */
export async function api<T = Record<string, unknown>>(
  server: { url: string },
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie !== undefined) Object.assign(headers, { cookie: options.cookie, origin: server.url });
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: (text === '' ? null : JSON.parse(text)) as T,
  };
}

/** An account created the way `pkimm user create` does it, straight into the shared database. */
export async function createUser(db: Kysely<Database>, email: string): Promise<void> {
  await createAccount(db, { email, name: '', password: PASSWORD, isAdmin: false }, new Date());
}

/** Signs in over HTTP and returns the `cookie` header value for the session. */
export async function signIn(server: { url: string }, email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('pkimm_session='));
  if (response.status !== 200 || !session)
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return session.split(';')[0]!;
}

export async function createOrg(server: { url: string }, cookie: string, name: string): Promise<string> {
  const response = await api<{ id: string }>(server, 'POST', '/api/v1/orgs', { cookie, body: { name } });
  if (response.status !== 201)
    throw new Error(`creating an organisation failed: ${JSON.stringify(response)}`);
  return response.body.id;
}

export interface Created {
  id: string;
  version: number;
}

export async function createAssessment(
  server: { url: string },
  cookie: string,
  orgId: string,
  title: string,
): Promise<Created> {
  const response = await api<Created>(server, 'POST', `/api/v1/orgs/${orgId}/assessments`, {
    cookie,
    body: { title, model: { id: 'pkimm', version: '2.0.0' }, mode: 'full' },
  });
  if (response.status !== 201) throw new Error(`creating an assessment failed: ${JSON.stringify(response)}`);
  return { id: response.body.id, version: response.body.version };
}

/** One autosave: a requirement's level, carrying the version it was based on. */
export function rateRequirement(
  server: { url: string },
  cookie: string,
  assessment: Created,
  key: string,
  value: number,
  idempotencyKey: string = randomUUID(),
): Promise<ApiResponse<{ version: number }>> {
  return api(server, 'PATCH', `/api/v1/assessments/${assessment.id}/answers`, {
    cookie,
    headers: { 'if-match': `"${assessment.version}"`, 'idempotency-key': idempotencyKey },
    body: { target: 'requirement', key, field: 'level', value },
  });
}

export interface AssessmentView {
  version: number;
  document: { requirements?: Record<string, { level?: number }> };
}
