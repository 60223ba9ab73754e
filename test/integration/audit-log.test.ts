/**
 * The hash-chained assessment log on both databases: every revision and evidence step is an
 * entry pointing to the one before; the API and `pkimm audit verify` catch rows edited directly
 * in the database (log, revisions, the document), deleted entries, and stay valid under
 * concurrent writers.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../src/core/audit/log-chain.js';
import { DIALECTS } from '../support/databases.js';
import { cli } from '../support/run-cli.js';
import {
  autosave,
  call,
  createAssessment,
  createWorld,
  level,
  SPONSOR,
  versionOf,
  type World,
} from './assessments-support.js';

interface Entry {
  seq: number;
  event: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
interface Verification {
  valid: boolean;
  entries: number;
  head: string | null;
  problems: { seq: number; message: string }[];
}

const ARCH = 'G.strategy-and-vision.architecture';

describe.each(DIALECTS)('assessment log on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  const entries = async (id: string) =>
    (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/log`)).json<{ entries: Entry[] }>().entries;
  const verify = async (id: string) =>
    (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/log/verify`)).json<Verification>();
  const db = () => w.database.handle.db;

  /** An assessment with three revisions and an evidence item added and removed. */
  async function history(): Promise<string> {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    expect((await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 3))).statusCode).toBe(200);
    expect((await autosave(w.app, w.a.assessor, id, 2, level(ARCH, 2))).statusCode).toBe(200);
    const evidence = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/evidence`, {
      payload: { kind: 'text', title: 'Minutes', text: 'SC-1', requirements: [SPONSOR] },
    });
    const evidenceId = evidence.json<{ id: string }>().id;
    expect((await call(w.app, w.a.assessor, 'DELETE', `/evidence/${evidenceId}`)).statusCode).toBe(204);
    return id;
  }

  it('chains every change: each entry points to the hash of the one before', async () => {
    const id = await history();
    const log = await entries(id);
    expect(log.map((e) => [e.seq, e.event])).toEqual([
      [1, 'revision'],
      [2, 'revision'],
      [3, 'revision'],
      [4, 'evidence.added'],
      [5, 'evidence.removed'],
    ]);
    expect(log[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < log.length; i++) expect(log[i]?.prevHash).toBe(log[i - 1]?.hash);
    expect(log.map((e) => e.detail['version']).slice(0, 3)).toEqual([1, 2, 3]);
    const result = await verify(id);
    expect(result).toEqual({ valid: true, entries: 5, head: log[4]?.hash, problems: [] });
    expect((await call(w.app, w.b.owner, 'GET', `/assessments/${id}/log/verify`)).statusCode).toBe(404);
  });

  it('catches an entry edited in the database', async () => {
    const id = await history();
    await db()
      .updateTable('assessment_log')
      .set({ detail: JSON.stringify({ version: 2, kind: 'requirement.level', change: 'x', document: 'y' }) })
      .where('assessment_id', '=', id)
      .where('seq', '=', 2)
      .execute();
    const result = await verify(id);
    expect(result.valid).toBe(false);
    expect(result.problems).toContainEqual({
      seq: 2,
      message: 'its content no longer matches its hash (it was changed)',
    });
  });

  it('catches a revision or the document edited behind the log, and a deleted entry', async () => {
    const id = await history();
    await db()
      .updateTable('revisions')
      .set({ change: JSON.stringify({ path: ['requirements', SPONSOR], before: null, after: { level: 5 } }) })
      .where('assessment_id', '=', id)
      .where('version', '=', 2)
      .execute();
    expect((await verify(id)).problems).toContainEqual({
      seq: 2,
      message: 'revision 2 was changed after it was logged',
    });

    const other = await history();
    // A readable document, quietly rated higher: the app still opens it, the log objects.
    const row = await db()
      .selectFrom('assessments')
      .select('document')
      .where('id', '=', other)
      .executeTakeFirstOrThrow();
    const doc = JSON.parse(row.document) as { requirements: Record<string, { level: number }> };
    doc.requirements[SPONSOR] = { ...doc.requirements[SPONSOR], level: 5 };
    await sql`update assessments set document = ${JSON.stringify(doc)} where id = ${other}`.execute(db());
    expect((await verify(other)).problems.map((p) => p.message)).toContain(
      'the stored document differs from what its last logged revision wrote',
    );

    const third = await history();
    await db().deleteFrom('assessment_log').where('assessment_id', '=', third).where('seq', '=', 3).execute();
    const messages = (await verify(third)).problems.map((p) => p.message);
    expect(messages).toContain('entry 3 is missing (found 4 in its place)');
  });

  it('stays one unbroken chain under concurrent writers', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const writes = Array.from({ length: 12 }, (_, i) =>
      call(w.app, w.a.assessor, 'POST', `/assessments/${id}/evidence`, {
        payload: { kind: 'text', title: `Note ${i}`, text: String(i), requirements: [SPONSOR] },
      }),
    );
    // Autosaves race each other; the losers get 409 and are not logged.
    const saves = Array.from({ length: 6 }, () => autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 2)));
    const responses = await Promise.all([...writes, ...saves]);
    expect(responses.filter((r) => r.statusCode >= 500)).toEqual([]);
    const version = await versionOf(w.app, w.a.viewer, id);
    const result = await verify(id);
    expect(result).toMatchObject({ valid: true, entries: 12 + version });
  });

  it('pkimm audit verify checks every assessment: exit 0, then 1 with the broken entry named', async () => {
    const env = { DATABASE_URL: w.database.url };
    const ok = await cli(['audit', 'verify', '--format', 'json'], env);
    const okJson = JSON.parse(ok.stdout) as {
      valid: boolean;
      assessments: { assessment: string; valid: boolean }[];
    };
    // Earlier tests in this file tampered with some; the ones they did not touch are valid.
    expect(okJson.assessments.some((a) => a.valid)).toBe(true);
    const id = await history();
    const single = await cli(['audit', 'verify', '--assessment', id], env);
    expect(single.code).toBe(0);
    expect(single.stdout).toContain(`${id}: valid, 5 entries`);
    await db()
      .updateTable('assessment_log')
      .set({ actor_user_id: 'someone-else' })
      .where('assessment_id', '=', id)
      .where('seq', '=', 4)
      .execute();
    const broken = await cli(['audit', 'verify', '--assessment', id], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`${id}: BROKEN`);
    expect(broken.stderr).toContain(`${id}#4`);
  });
});
