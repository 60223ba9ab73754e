/**
 * Setting up data through the API from inside a page: requests carry the page's session cookie
 * and Origin, as the app's own do, so the server's CSRF and role checks apply unchanged.
 */
import type { Page } from 'playwright-core';

export interface Reply {
  status: number;
  body: unknown;
}

/** A JSON request from the page (its session cookie and Origin), as the app itself sends them. */
export async function call(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  headers = {},
): Promise<Reply> {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { method, path, body, headers },
  );
}

/** The reply's body when the request succeeded; otherwise an error naming the step. */
export async function ok<T = unknown>(reply: Promise<Reply>, what: string): Promise<T> {
  const { status, body } = await reply;
  if (status < 200 || status > 299) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body as T;
}

/** A value the test's setup cannot go on without. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing ${what}`);
  return value;
}

/** A new 2.0.0 assessment (full mode unless told), created as the signed-in user. */
export async function createFull(
  page: Page,
  orgId: string,
  title: string,
  mode: 'self' | 'full' = 'full',
): Promise<{ id: string; version: number }> {
  const reply = await call(
    page,
    'POST',
    `/orgs/${orgId}/assessments`,
    { title, model: { id: 'pkimm', version: '2.0.0' }, mode, type: 'self' },
    { 'idempotency-key': crypto.randomUUID() },
  );
  if (reply.status !== 201 && reply.status !== 200) throw new Error(`create: ${JSON.stringify(reply)}`);
  const record = reply.body as { id: string; version: number };
  return { id: record.id, version: record.version };
}

/** Sends answer changes one by one, each against the version the last one produced. */
export async function answer(
  page: Page,
  target: { id: string; version: number },
  changes: Record<string, unknown>[],
): Promise<void> {
  for (const change of changes) {
    const reply = await call(page, 'PATCH', `/assessments/${target.id}/answers`, change, {
      'if-match': `"${target.version}"`,
      'idempotency-key': crypto.randomUUID(),
    });
    if (reply.status !== 200) throw new Error(`answer ${JSON.stringify(change)}: ${JSON.stringify(reply)}`);
    target.version = (reply.body as { version: number }).version;
  }
}
