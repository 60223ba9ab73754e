import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelRegistry } from '../../src/model-loader/registry.js';
import { buildApp, type AppDeps } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { defaultWebRoot } from '../../src/server/web.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

async function appWith(database: TestDatabase, extra: Partial<AppDeps>): Promise<FastifyInstance> {
  const home = mkdtempSync(join(tmpdir(), 'pkimm-web-'));
  return buildApp({
    config: loadConfig({ PKIMM_HOME: home }),
    database: database.handle,
    registry: new ModelRegistry({ dataDir: home }),
    logger: false,
    ...extra,
  });
}

describe('serving the built web app', () => {
  const root = defaultWebRoot();
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    // CI builds dist/web in `npm ci` (prepare runs the build); locally it is one command away.
    if (!existsSync(join(root, 'index.html'))) {
      throw new Error(`${root}/index.html is missing: run \`npm run build\` before these tests`);
    }
    database = await createTestDatabase('sqlite');
    app = await appWith(database, {});
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('serves index.html at / with no-cache and the strict CSP', async () => {
    const response = await app.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(response.body).toBe(readFileSync(join(root, 'index.html'), 'utf8'));
  });

  it('has a build that works under that CSP: no inline scripts or styles in index.html', async () => {
    const html = (await app.inject('/')).body;
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="\/assets\//);
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });

  it('caches hashed assets for a year as immutable', async () => {
    const [asset] = readdirSync(join(root, 'assets')).filter((name) => name.endsWith('.js'));
    if (!asset) throw new Error('dist/web/assets holds no JavaScript');
    const response = await app.inject(`/assets/${asset}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers deep links with index.html (SPA fallback), with no-cache', async () => {
    for (const url of ['/assessments/abc', '/orgs/x/assessments?tab=2', '/sign-in']) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('keeps JSON 404s for the API, health paths and missing assets', async () => {
    for (const url of ['/api/v1/nothing-here', '/api', '/healthz/x', '/readyz/x', '/assets/missing.js']) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    }
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
  });

  it('does not answer writes with the app', async () => {
    const response = await app.inject({ method: 'POST', url: '/assessments/abc' });
    expect(response.statusCode).toBe(404);
  });
});

describe('without a built web app', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    app = await appWith(database, { webRoot: mkdtempSync(join(tmpdir(), 'pkimm-no-web-')) });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('says at / how to build it, with a 503', async () => {
    const response = await app.inject('/');
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain('the web app is not built: run npm run build');
  });

  it('still serves the API', async () => {
    expect((await app.inject('/api/v1/models')).statusCode).toBe(200);
  });
});
