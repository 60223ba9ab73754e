/** `pkimm benchmark synth|compare` on the server's database, on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src/cli/exit-codes.js';
import { syntheticPool } from '../../src/core/benchmark/synthetic.js';
import { DIALECTS } from '../support/databases.js';
import { cli } from '../support/run-cli.js';
import { createWorld, type World } from './assessments-support.js';
import { compareAs, importSample } from './benchmark-support.js';

describe.each(DIALECTS)('pkimm benchmark on %s', (dialect) => {
  let w: World;
  let env: Record<string, string>;
  let id: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    env = { DATABASE_URL: w.database.url };
    id = await importSample(w.app, w.a.owner, w.a.orgId);
  });
  afterAll(() => w.close());

  it('fills the pool with synthetic submissions, deterministically by seed, and flags every one', async () => {
    const synth = await cli(['benchmark', 'synth', '--count', '200', '--seed', '7'], env);
    expect(synth.code, synth.stderr).toBe(EXIT_OK);
    expect(synth.stderr).toContain('200 synthetic');
    // The same seed again replaces the same peers instead of adding new ones.
    expect((await cli(['benchmark', 'synth', '--count', '200', '--seed', '7'], env)).code).toBe(EXIT_OK);
    const rows = await w.database.handle.db.selectFrom('benchmark_submissions').selectAll().execute();
    expect(rows).toHaveLength(200);
    expect(rows.every((row) => row.synthetic === 1)).toBe(true);
    const a = syntheticPool(3, { seed: 7, modelVersion: '2.0.0', categoryKeys: ['x'], quarter: '2026-Q1' });
    const b = syntheticPool(3, { seed: 7, modelVersion: '2.0.0', categoryKeys: ['x'], quarter: '2026-Q1' });
    expect(a).toEqual(b);
    expect((await cli(['benchmark', 'synth', '--count', 'many'], env)).code).toBe(EXIT_BAD_INPUT);
  });

  it('compares as JSON exactly like the API, labelled synthetic', async () => {
    const out = await cli(['benchmark', 'compare', id, '--as', w.a.viewer.email, '--format', 'json'], env);
    expect(out.code, out.stderr).toBe(EXIT_OK);
    const fromCli = JSON.parse(out.stdout) as { status: string; synthetic: boolean; group: { size: number } };
    expect(fromCli).toMatchObject({ status: 'ok', synthetic: true, group: { size: 200 } });
    expect(fromCli).toEqual(await compareAs(w.app, w.a.viewer, id));
    const table = await cli(
      ['benchmark', 'compare', id, '--as', w.a.viewer.email, '--region', 'europe'],
      env,
    );
    expect(table.code, table.stderr).toBe(EXIT_OK);
    expect(table.stdout).toMatch(/synthetic data/);
    expect(table.stdout).toMatch(/Median/);
    const bad = await cli(['benchmark', 'compare', id, '--as', w.a.viewer.email, '--industry', 'Banks'], env);
    expect(bad.code).toBe(EXIT_BAD_INPUT);
    const outsider = await cli(['benchmark', 'compare', id, '--as', w.b.owner.email], env);
    expect(outsider.code).not.toBe(EXIT_OK);
  });
});
