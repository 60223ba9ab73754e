/**
 * Durability: SIGKILL the server in the middle of a stream of autosaves, start a new one on the
 * same database, and every write that was acknowledged with a 200 is there, exactly once. The
 * only allowed difference is the one request per writer that was in flight at the kill.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { indexModel } from '../../src/core/model/model-index.js';
import { ModelRegistry } from '../../src/model-loader/registry.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import {
  api,
  createAssessment,
  createOrg,
  createUser,
  rateRequirement,
  signIn,
  type AssessmentView,
  type Created,
} from './support/api.js';
import {
  exitWithin,
  killAllServers,
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';

// Each start compiles the sources with tsx, slow on a loaded CI machine; give starts room.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const WRITERS = 4;
/** Kill once this many writes were acknowledged, while every writer is still going. */
const KILL_AFTER_ACKS = 80;

interface Write {
  key: string;
  value: number;
  /** The version it was based on (If-Match) and its Idempotency-Key, to retry it exactly. */
  basedOn: number;
  idempotencyKey: string;
  /** The version the server answered with; undefined while in flight or when it never answered. */
  version?: number;
}

const model = await new ModelRegistry().get('pkimm', '2.0.0');
const KEYS = indexModel(model).requirements.map((r) => r.key);

/** One writer: sequential autosaves on its own assessment, each on a new requirement key. */
async function writer(
  server: ServerProcess,
  cookie: string,
  assessment: Created,
  log: Write[],
  killed: Promise<void>,
) {
  let stop = false;
  void killed.then(() => (stop = true));
  let current = { ...assessment };
  for (let i = 0; !stop && i < KEYS.length; i += 1) {
    const write: Write = {
      key: KEYS[i]!,
      value: 1 + (i % 5),
      basedOn: current.version,
      idempotencyKey: randomUUID(),
    };
    log.push(write);
    try {
      const response = await rateRequirement(
        server,
        cookie,
        current,
        write.key,
        write.value,
        write.idempotencyKey,
      );
      if (response.status !== 200)
        throw new Error(`autosave answered ${response.status}: ${JSON.stringify(response.body)}`);
      write.version = response.body.version;
      current = { ...current, version: response.body.version };
    } catch (error) {
      if (stop) return; // the kill cut this one off: it stays unacknowledged
      throw error;
    }
  }
}

describe.each(DIALECTS)('SIGKILL during autosaves on %s', (dialect) => {
  let database: TestDatabase;
  afterAll(async () => {
    await killAllServers();
    await database?.drop();
  });

  it('loses no acknowledged write and duplicates none', async () => {
    database = await createTestDatabase(dialect);
    const env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
    const first = await startServerProcess(env);
    await createUser(database.handle.db, 'writer@example.org');
    const cookie = await signIn(first, 'writer@example.org');
    const orgId = await createOrg(first, cookie, 'Durable organisation');
    const assessments: Created[] = [];
    for (let n = 0; n < WRITERS; n += 1)
      assessments.push(await createAssessment(first, cookie, orgId, `Stream ${n}`));
    const before = await revisionVersions(database, assessments);

    const logs = assessments.map((): Write[] => []);
    let kill: () => void = () => undefined;
    const killed = new Promise<void>((resolve) => (kill = resolve));
    const acked = () => logs.flat().filter((w) => w.version !== undefined).length;
    const watcher = setInterval(() => {
      if (acked() < KILL_AFTER_ACKS) return;
      first.child.kill('SIGKILL');
      kill();
    }, 2);
    try {
      await Promise.all(assessments.map((a, n) => writer(first, cookie, a, logs[n]!, killed)));
    } finally {
      clearInterval(watcher);
    }
    expect((await exitWithin(first, 5_000)).signal).toBe('SIGKILL');
    // Every writer was cut off mid-stream, not finished before the kill.
    for (const log of logs) expect(log.length).toBeLessThan(KEYS.length);

    const second = await startServerProcess(env);
    const after = await revisionVersions(database, assessments);
    for (const [n, assessment] of assessments.entries()) {
      const log = logs[n]!;
      const ackedWrites = log.filter((w) => w.version !== undefined);
      const inFlight = log.find((w) => w.version === undefined);
      const lastAcked = ackedWrites.at(-1)?.version ?? assessment.version;

      const read = await api<AssessmentView>(second, 'GET', `/api/v1/assessments/${assessment.id}`, {
        cookie,
      });
      expect(read.status).toBe(200);
      // The in-flight write either committed (one version more) or left no trace.
      const committedInFlight = read.body.version === lastAcked + 1;
      expect([lastAcked, lastAcked + 1]).toContain(read.body.version);
      if (!inFlight) expect(read.body.version).toBe(lastAcked);

      const levels = read.body.document.requirements ?? {};
      for (const write of ackedWrites) expect(levels[write.key]?.level, write.key).toBe(write.value);
      if (inFlight) expect(levels[inFlight.key]?.level).toBe(committedInFlight ? inFlight.value : undefined);

      // One revision per committed write, each version once: nothing applied twice.
      const revisions = after.get(assessment.id)!;
      expect(revisions.length - before.get(assessment.id)!.length).toBe(
        ackedWrites.length + (committedInFlight ? 1 : 0),
      );
      expect(new Set(revisions).size).toBe(revisions.length);
      for (const write of ackedWrites) expect(revisions).toContain(write.version);

      // The client retries the cut-off write as it was: applied now, or recognised as done.
      if (inFlight) {
        const based = { id: assessment.id, version: inFlight.basedOn };
        const retry = await rateRequirement(
          second,
          cookie,
          based,
          inFlight.key,
          inFlight.value,
          inFlight.idempotencyKey,
        );
        expect([retry.status, retry.body.version]).toEqual([200, lastAcked + 1]);
        const final = (await revisionVersions(database, [assessment])).get(assessment.id)!;
        expect(final.length - before.get(assessment.id)!.length).toBe(ackedWrites.length + 1);
      }
    }
    expect(acked()).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  });
});

/** The revision versions of each assessment, read straight from the database. */
async function revisionVersions(
  database: TestDatabase,
  assessments: Created[],
): Promise<Map<string, number[]>> {
  const rows = await database.handle.db
    .selectFrom('revisions')
    .select(['assessment_id', 'version'])
    .where(
      'assessment_id',
      'in',
      assessments.map((a) => a.id),
    )
    .orderBy('version')
    .execute();
  return new Map(
    assessments.map((a) => [a.id, rows.filter((r) => r.assessment_id === a.id).map((r) => r.version)]),
  );
}
