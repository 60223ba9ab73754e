import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelRegistry } from '../../src/model-loader/registry.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

describe.each(DIALECTS)('the app on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const home = mkdtempSync(join(tmpdir(), 'pkimm-app-'));
    app = await buildApp({
      config: loadConfig({ PKIMM_HOME: home }),
      database: database.handle,
      registry: new ModelRegistry({ dataDir: home }),
      logger: false,
    });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('is live and ready, naming its database', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: dialect });
  });

  it('reports unready while draining', async () => {
    app.draining = true;
    expect((await app.inject('/readyz')).statusCode).toBe(503);
    app.draining = false;
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const doc = await app.inject('/api/docs/json');
    expect(doc.statusCode).toBe(200);
    expect(doc.json<{ openapi: string }>().openapi).toMatch(/^3\./);
  });

  it('answers unknown routes with a JSON 404 that carries the request id', async () => {
    const response = await app.inject({
      url: '/api/v1/nothing-here',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'no route GET /api/v1/nothing-here',
        issues: [],
        requestId: 'trace-123',
      },
    });
  });

  it('sends strict security headers: a CSP without inline script, no sniffing, no framing', async () => {
    const { headers } = await app.inject('/healthz');
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('ignores a request id that could inject into logs', async () => {
    const response = await app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
