import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/core/model/model.types.js';
import { ModelRegistry } from '../../src/model-loader/registry.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

// The model routes read no database; SQLite is here only because buildApp needs a handle.
describe('the model routes', () => {
  let database: TestDatabase;
  let registry: ModelRegistry;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const home = mkdtempSync(join(tmpdir(), 'pkimm-models-'));
    registry = new ModelRegistry({ dataDir: home });
    app = await buildApp({
      config: loadConfig({ PKIMM_HOME: home }),
      database: database.handle,
      registry,
      logger: false,
    });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('lists the model versions, without a session, with a public cache', async () => {
    const response = await app.inject('/api/v1/models');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const list = response.json<{ id: string; version: string; origin: string; categories: number }[]>();
    expect(list.length).toBeGreaterThan(0);
    for (const entry of list) {
      expect(Object.keys(entry).sort()).toEqual(['categories', 'id', 'origin', 'requirements', 'version']);
      expect(entry.id).toBe('pkimm');
      expect(entry.categories).toBeGreaterThan(0);
    }
  });

  it('answers one model whole, exactly as the registry holds it', async () => {
    const [first] = (await app.inject('/api/v1/models')).json<{ id: string; version: string }[]>();
    if (!first) throw new Error('no model listed');
    const response = await app.inject(`/api/v1/models/${first.id}/${first.version}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const model = response.json<Model>();
    expect(model).toEqual(JSON.parse(JSON.stringify(await registry.get(first.id, first.version))));
    expect(model.levels).toHaveLength(5);
    const requirement = model.modules[0]?.categories[0]?.requirements[0];
    if (!requirement) throw new Error('the model has no requirement');
    expect(Object.keys(requirement).sort()).toEqual(
      ['assessment', 'guidance', 'id', 'key', 'name', 'position', 'references', 'weight'].sort(),
    );
    expect(model.levels[0]).toHaveProperty('indicators');
  });

  it('answers 404 NOT_FOUND for an unknown model or version', async () => {
    for (const url of ['/api/v1/models/pkimm/9.9.9', '/api/v1/models/other/1.0.0']) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
      // Not cached like the public model data: an error is never kept.
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('documents the routes in the OpenAPI document under the models tag', async () => {
    const doc = (await app.inject('/api/docs/json')).json<{
      paths: Record<string, { get?: { tags?: string[] } }>;
    }>();
    expect(doc.paths['/api/v1/models']?.get?.tags).toEqual(['models']);
    expect(doc.paths['/api/v1/models/{id}/{version}']?.get?.tags).toEqual(['models']);
  });
});
