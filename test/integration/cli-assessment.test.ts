/**
 * `pkimm assessment import|export|list` against the server's database, on SQLite and
 * PostgreSQL: the CLI acts as a real account with that account's rights.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createOrgWithRoles, buildTestApp, type OrgWithRoles } from '../support/accounts.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { cli } from '../support/run-cli.js';

const officialExample = join(import.meta.dirname, '..', '..', 'examples', 'official-export-2.0.0-full.yaml');

describe.each(DIALECTS)('pkimm assessment on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: OrgWithRoles;
  let other: OrgWithRoles;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildTestApp(database.handle);
    org = await createOrgWithRoles(app, `cli-${dialect}`);
    other = await createOrgWithRoles(app, `cli-other-${dialect}`);
    env = { DATABASE_URL: database.url };
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('imports an official export, lists it and exports it back byte for byte', async () => {
    const imported = await cli(
      ['assessment', 'import', officialExample, '--org', org.orgId, '--as', org.assessor.email],
      env,
    );
    expect(imported.stderr).toMatch(/^imported /);
    expect(imported.code).toBe(0);
    const id = imported.stdout.trim();
    const listed = await cli(
      ['assessment', 'list', '--org', org.orgId, '--as', org.viewer.email, '--format', 'json'],
      env,
    );
    const summaries = JSON.parse(listed.stdout) as {
      id: string;
      status: string;
      overall: { level: number };
    }[];
    expect(summaries.map((a) => [a.id, a.status, a.overall.level])).toEqual([[id, 'draft', 3]]);
    const exported = await cli(
      ['assessment', 'export', id, '--format', 'official', '--as', org.viewer.email],
      env,
    );
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(readFileSync(officialExample, 'utf8'));
  });

  it('refuses what the account may not do, and hides other organisations', async () => {
    const viewer = await cli(
      ['assessment', 'import', officialExample, '--org', org.orgId, '--as', org.viewer.email],
      env,
    );
    expect(viewer.code).toBe(2);
    expect(viewer.stderr).toMatch(/viewer/);
    const outsider = await cli(['assessment', 'list', '--org', org.orgId, '--as', other.owner.email], env);
    expect(outsider.code).toBe(2);
    expect(outsider.stderr).toMatch(/no organisation/);
    const nobody = await cli(['assessment', 'list', '--org', org.orgId, '--as', 'nobody@example.org'], env);
    expect(nobody.stderr).toMatch(/no account nobody@example\.org/);
  });

  it('reports every problem of a bad file with its line and stores nothing', async () => {
    const file = join(
      import.meta.dirname,
      '..',
      'fixtures',
      'assessments',
      'invalid',
      'level-out-of-range.yaml',
    );
    const result = await cli(
      ['assessment', 'import', file, '--org', org.orgId, '--as', org.owner.email],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/:\d+ /);
    const listed = await cli(
      ['assessment', 'list', '--org', org.orgId, '--as', org.owner.email, '--format', 'json'],
      env,
    );
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
  });
});
