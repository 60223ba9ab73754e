/**
 * SQLite on a volume that fills up under load (a tmpfs of 24 MiB and a filler file): writes
 * answer 503 DATABASE_UNAVAILABLE saying the storage is full, reads keep answering 200 with the
 * data, and once space is back writes go through again, in the same process. At the end the
 * file passes PRAGMA integrity_check and holds every acknowledged write exactly once. On a
 * read-only volume the server refuses to start and says why; nothing on the volume is lost.
 */
import { sql } from 'kysely';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/persistence/database.js';
import { migrateToLatest } from '../../src/persistence/migrate.js';
import { signIn } from '../e2e/support/api.js';
import {
  exitWithin,
  killAllServers,
  startServerProcess,
  type ServerProcess,
} from '../e2e/support/server-process.js';
import { describeRun, runFleet } from './support/fleet.js';
import { makeSlidesDue, readThenWrite, type Probe } from './support/probe.js';
import { mountTmpfs, type Tmpfs } from './support/tmpfs.js';
import { prepareUsers, type TrackedUser } from './support/users.js';
import { verifyWrites } from './support/verify.js';

const USERS = 30;
const matching = (pattern: RegExp) => expect.stringMatching(pattern) as string;
const anyObject = expect.any(Object) as object;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SQLite when its storage fails', () => {
  let volume: Tmpfs | undefined;
  let handle: DatabaseHandle | undefined;
  let server: ServerProcess;
  let users: TrackedUser[];
  let url: string;

  beforeAll(async () => {
    volume = await mountTmpfs(24);
    url = join(volume.dir, 'pkimm.sqlite');
    handle = openDatabase(url);
    await migrateToLatest(handle.db as never, handle.dialect);
    server = await startServerProcess({ DATABASE_URL: url, LOG_LEVEL: 'warn' });
    users = await prepareUsers(server, handle.db, USERS);
  });
  afterAll(async () => {
    await killAllServers();
    await handle?.close().catch(() => undefined);
    await volume?.remount('rw').catch(() => undefined);
    await volume?.unmount();
  });

  it('refuses writes with a clear 503 while the disk is full, keeps serving reads, then recovers', async () => {
    const probe = users[0]!;
    // A second session of the probe's account, whose sliding expiry is due: its first request
    // on the full disk must still be answered (the slide is skipped, not the read).
    const probeCookie = await signIn(server, probe.email);
    const seen: { filler?: number; write?: Probe['write']; read?: unknown } = {};
    const fault = (async () => {
      await sleep(4_000);
      await makeSlidesDue(handle!.db);
      seen.filler = volume!.fill();
      await sleep(2_000);
      Object.assign(seen, await readThenWrite(server, probe.assessmentId, probeCookie));
      await sleep(1_000);
      volume!.free();
    })().then(
      () => undefined,
      (error: unknown) => error,
    );
    const stats = await runFleet(users, [server], { seconds: 16, backoffMs: 200 });
    expect(await fault).toBeUndefined();
    console.log(describeRun(`SQLite disk full, ${USERS} users (filler ${seen.filler} bytes)`, stats));

    expect(seen.write?.status).toBe(503);
    expect(seen.write?.body).toMatchObject({
      error: {
        code: 'DATABASE_UNAVAILABLE',
        message: matching(/storage is full.*nothing was changed/),
      },
    });
    expect(seen.read).toMatchObject({
      status: 200,
      body: { document: { requirements: anyObject } },
    });
    // The load hit the full disk (clean 503s only) and wrote again after it was freed.
    expect(Object.keys(stats.failures), JSON.stringify(stats.samples)).toEqual(['503 DATABASE_UNAVAILABLE']);
    expect(stats.samples.every((s) => /storage is full/.test(s.message ?? '') && s.retryAfter === '30')).toBe(
      true,
    );
    expect(users.every((u) => u.pending === undefined)).toBe(true);
    expect(server.child.exitCode).toBeNull();

    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle!.db);
    expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
    expect(await verifyWrites(handle!.db, users)).toEqual([]);
  });

  it('refuses to start on a read-only volume with a clear message, and loses nothing', async () => {
    // A mounted filesystem cannot turn read-only while a file on it is open for writing (EBUSY),
    // so the operator's way is the one tested: stop the server, remount read-only, start again.
    // SQLite in WAL mode cannot open a file whose folder is read-only, so the server says so.
    server.child.kill('SIGTERM');
    expect((await exitWithin(server, 20_000)).code).toBe(0);
    await handle!.close();
    handle = undefined;
    await volume!.remount('ro');
    const refused = await startServerProcess({ DATABASE_URL: url, LOG_LEVEL: 'warn' }).then(
      () => 'started',
      (error: unknown) => (error as Error).message,
    );
    expect(refused).toMatch(/"code":1/);
    expect(refused).toContain(`cannot open sqlite ${url}`);
    expect(refused).toMatch(/folder .* is read-only; SQLite needs to write its -wal and -shm files there/);

    await volume!.remount('rw');
    const again = await startServerProcess({ DATABASE_URL: url, LOG_LEVEL: 'warn' });
    handle = openDatabase(url);
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle.db);
    expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
    expect(await verifyWrites(handle.db, users)).toEqual([]);
    const stats = await runFleet(users, [again], { seconds: 3 });
    expect(stats.failures, JSON.stringify(stats.samples)).toEqual({});
    expect(await verifyWrites(handle.db, users)).toEqual([]);
  });
});
