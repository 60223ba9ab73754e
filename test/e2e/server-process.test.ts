/**
 * `pkimm serve` as an operator runs it: a child process on a random port that answers health
 * checks, logs JSON with request ids, and on SIGTERM finishes what it accepted and exits 0.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { holdRequest } from './support/raw-http.js';
import {
  exitWithin,
  killAllServers,
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';

// Each start compiles the sources with tsx, slow on a loaded CI machine; give starts room.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

afterAll(killAllServers);

const SIGN_IN_BODY = JSON.stringify({ email: 'nobody@example.org', password: 'not the password at all' });

/** One request of a burst: either no response at all, or a response whose body arrived whole. */
async function attempt(url: string): Promise<'no response' | { status: number; complete: boolean }> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    return 'no response';
  }
  try {
    const body = await response.text();
    const parsed = JSON.parse(body) as { openapi?: string; error?: unknown; message?: string };
    return {
      status: response.status,
      complete: response.status === 200 ? parsed.openapi !== undefined : true,
    };
  } catch {
    return { status: response.status, complete: false };
  }
}

describe('pkimm serve (child process)', () => {
  let server: ServerProcess;

  it('answers /healthz and /readyz and logs JSON lines with request ids', async () => {
    server = await startServerProcess();
    expect(server.stderr()).toMatch(
      /^pkimm listening on http:\/\/127\.0\.0\.1:\d+ \(sqlite \/.+pkimm\.sqlite\)$/m,
    );

    const health = await fetch(`${server.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', database: 'sqlite' }]);

    const docs = await fetch(`${server.url}/api/docs/json`, { headers: { 'x-request-id': 'e2e-docs-1' } });
    expect(docs.status).toBe(200);
    expect(docs.headers.get('x-request-id')).toBe('e2e-docs-1');
    expect(((await docs.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    const missing = await fetch(`${server.url}/no/such/route`);
    const generated = missing.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await missing.text();

    // Logs are flushed line by line; give the last ones a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = server.logLines();
    expect(lines.length).toBeGreaterThan(0);
    for (const id of ['e2e-docs-1', generated]) {
      const mine = lines.filter((line) => line['reqId'] === id);
      expect(mine.map((line) => line['msg'])).toEqual(['incoming request', 'request completed']);
    }
  });

  it('on SIGTERM finishes an in-flight request and a burst, refuses new work, and exits 0', async () => {
    // Headers sent and half the body: the server is inside this request when the signal comes.
    const held = await holdRequest(server.port, 'POST', '/api/v1/auth/sign-in', SIGN_IN_BODY);
    await new Promise((resolve) => setTimeout(resolve, 150));

    const burst: Promise<Awaited<ReturnType<typeof attempt>>>[] = [];
    const firstAnswered = new Promise<void>((resolve) => {
      for (let i = 0; i < 60; i += 1) burst.push(attempt(`${server.url}/api/docs/json`).finally(resolve));
    });
    await firstAnswered;
    server.child.kill('SIGTERM');

    // Let the drain begin (the server says so in its log; a loaded machine may take a while
    // to get to the signal while it serves the burst), then prove it waits for the held request.
    const draining = 'draining: no new connections, finishing in-flight requests';
    for (let waited = 0; waited < 10_000; waited += 50) {
      if (server.logLines().some((line) => line['msg'] === draining)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(server.child.exitCode).toBeNull();
    // New work is refused: no connection, or a 503 on one that was still open.
    const late = await attempt(`${server.url}/healthz`);
    if (late !== 'no response') expect(late.status).toBe(503);

    const response = await held.finish();
    // Whatever sign-in answers for an unknown account, it is a whole, well-formed answer.
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(500);
    expect(() => JSON.parse(response.body) as unknown).not.toThrow();

    const results = await Promise.all(burst);
    const answered = results.filter((r) => r !== 'no response');
    expect(answered.length).toBeGreaterThan(0);
    for (const result of answered) {
      expect(result.complete).toBe(true);
      expect([200, 503]).toContain(result.status);
    }

    const exit = await exitWithin(server, 10_000);
    expect(exit).toEqual({ code: 0, signal: null });
    const messages = server.logLines().map((line) => line['msg']);
    expect(messages).toContain('draining: no new connections, finishing in-flight requests');
    expect(messages.at(-1)).toBe('stopped');
  });

  it('a second signal stops at once, with exit code 1 and a reason', async () => {
    const stuck = await startServerProcess();
    // This request is never finished, so only the second signal can end the drain.
    const held = await holdRequest(stuck.port, 'POST', '/api/v1/auth/sign-in', SIGN_IN_BODY);
    await new Promise((resolve) => setTimeout(resolve, 150));
    stuck.child.kill('SIGINT');
    // A repeat within a second is taken for npm echoing Ctrl-C, so wait longer than that.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(stuck.child.exitCode).toBeNull();
    stuck.child.kill('SIGINT');
    const exit = await exitWithin(stuck, 10_000);
    expect(exit.code).toBe(1);
    expect(stuck.stderr()).toContain('stopped by a second SIGINT before in-flight requests finished');
    expect(await held.response).toBeUndefined();
  });
});
