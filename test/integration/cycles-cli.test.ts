/** `pkimm cycle next|trend|portfolio` on the server's database, on SQLite and PostgreSQL, with the account's rights. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src/cli/exit-codes.js';
import { DIALECTS } from '../support/databases.js';
import { cli } from '../support/run-cli.js';
import { SPONSOR } from './assessments-support.js';
import { assessmentIn, createCycleWorld, engineScore, type CycleWorld } from './cycles-support.js';

describe.each(DIALECTS)('pkimm cycle on %s', (dialect) => {
  let w: CycleWorld;
  let env: Record<string, string>;
  let root: string;
  let draft: string;

  beforeAll(async () => {
    w = await createCycleWorld(dialect, '2026-05-01T08:00:00.000Z');
    env = { DATABASE_URL: w.database.url };
    root = await assessmentIn(w, 'Root', { [SPONSOR]: 4 }, { final: true, title: 'Root 2026' });
    draft = await assessmentIn(w, 'TLS', { [SPONSOR]: 2 }, { title: 'TLS draft' });
  });
  afterAll(async () => w.close());

  it('starts the next cycle of a final assessment and refuses a draft or another organisation', async () => {
    const next = await cli(['cycle', 'next', root, '--as', w.a.assessor.email, '--title', 'Root 2027'], env);
    expect(next.code, next.stderr).toBe(EXIT_OK);
    expect(next.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    expect(next.stderr).toContain('0 evidence item(s)');
    const refused = await cli(['cycle', 'next', draft, '--as', w.a.assessor.email], env);
    expect(refused.code).not.toBe(EXIT_OK);
    expect(refused.stderr).toContain('final');
    const outsider = await cli(['cycle', 'next', root, '--as', w.b.owner.email], env);
    expect(outsider.code).not.toBe(EXIT_OK);
  });

  it('prints the trend and the portfolio as JSON with the engine’s numbers', async () => {
    const trend = await cli(
      ['cycle', 'trend', '--org', w.a.orgId, '--as', w.a.viewer.email, '--scope', 'Root', '--format', 'json'],
      env,
    );
    expect(trend.code, trend.stderr).toBe(EXIT_OK);
    const series = JSON.parse(trend.stdout) as { points: { assessmentId: string; overall: number | null }[] };
    expect(series.points).toEqual([
      expect.objectContaining({ assessmentId: root, overall: (await engineScore(w, root)).overall.raw }),
    ]);
    const table = await cli(['cycle', 'portfolio', '--org', w.a.orgId, '--as', w.a.viewer.email], env);
    expect(table.code, table.stderr).toBe(EXIT_OK);
    expect(table.stdout).toMatch(/Held back by/);
    expect(table.stdout).toMatch(/Strategy and vision\s.*TLS/);
    const bad = await cli(
      ['cycle', 'portfolio', '--org', w.a.orgId, '--as', w.a.viewer.email, '--format', 'xml'],
      env,
    );
    expect(bad.code).toBe(EXIT_BAD_INPUT);
  });
});
