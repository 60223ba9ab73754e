/**
 * storageFailure: real errors from both drivers where a test can provoke them cheaply
 * (a read-only SQLite handle, a refused PostgreSQL port, a read-only transaction), and the
 * documented codes for the ones it cannot (a full disk is covered by test/resilience).
 */
import Sqlite from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DIALECTS, PG_ADMIN_URL } from '../support/databases.js';
import { freePort } from '../e2e/support/server-process.js';
import { storageFailure } from '../../src/persistence/dialect.js';

async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('storageFailure', () => {
  it('recognises a write to a read-only SQLite database', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pkimm-ro-')), 'ro.sqlite');
    new Sqlite(path).exec('create table t (x)').close();
    const readOnly = new Sqlite(path, { readonly: true });
    const error = await thrown(() => readOnly.exec('insert into t values (1)'));
    readOnly.close();
    expect(storageFailure(error)).toMatchObject({ kind: 'read-only', retryAfterSeconds: 30 });
    expect(storageFailure(error)?.message).toMatch(/read-only.*nothing was changed/);
  });

  it('recognises a refused PostgreSQL connection, also wrapped in a cause', async () => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/x` });
    const error = await thrown(() => client.connect());
    expect(storageFailure(error)?.kind).toBe('unreachable');
    expect(storageFailure(new Error('outer', { cause: error }))?.kind).toBe('unreachable');
    expect(storageFailure(new AggregateError([new Error('x'), error]))?.kind).toBe('unreachable');
    expect(storageFailure(error)?.message).toMatch(/Idempotency-Key/);
  });

  it.runIf(DIALECTS.includes('postgres'))(
    'recognises a write in a read-only PostgreSQL transaction',
    async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      try {
        await client.query('begin read only');
        const error = await thrown(() => client.query('create temporary table t (x int)'));
        expect((error as { code?: string }).code).toBe('25006');
        expect(storageFailure(error)?.kind).toBe('read-only');
      } finally {
        await client.end();
      }
    },
  );

  it('maps the codes of full, busy, I/O and shutdown, and nothing else', () => {
    const kind = (code: string, message = 'x') =>
      storageFailure(Object.assign(new Error(message), { code }))?.kind;
    expect([kind('SQLITE_FULL'), kind('53100')]).toEqual(['full', 'full']);
    expect([kind('SQLITE_READONLY_DBMOVED'), kind('SQLITE_BUSY'), kind('SQLITE_IOERR_WRITE')]).toEqual([
      'read-only',
      'busy',
      'io',
    ]);
    expect([kind('57P01'), kind('08006'), kind('ECONNRESET')]).toEqual([
      'unreachable',
      'unreachable',
      'unreachable',
    ]);
    expect(storageFailure(new Error('Connection terminated unexpectedly'))?.kind).toBe('unreachable');
    // Constraint violations, syntax errors and plain bugs stay what they are.
    for (const code of ['23505', 'SQLITE_CONSTRAINT_UNIQUE', '42601', 'SQLITE_ERROR', '57014'])
      expect(kind(code), code).toBeUndefined();
    expect(storageFailure(new TypeError('boom'))).toBeUndefined();
    expect(storageFailure(null)).toBeUndefined();
  });
});
