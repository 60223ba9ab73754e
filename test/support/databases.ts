/**
 * Real databases for tests: SQLite in a temporary file, and a throwaway PostgreSQL database
 * created on the server at PKIMM_TEST_PG_URL (default: the local cluster on 127.0.0.1:5432)
 * and dropped afterwards. PostgreSQL is never mocked and never skipped silently: when it is
 * unreachable the suite fails, unless PKIMM_TEST_POSTGRES=off says to run SQLite only.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/persistence/database.js';
import type { DialectName } from '../../src/persistence/dialect.js';
import { migrateToLatest } from '../../src/persistence/migrate.js';

export const PG_ADMIN_URL = process.env['PKIMM_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const DIALECTS: DialectName[] =
  process.env['PKIMM_TEST_POSTGRES'] === 'off' ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The URL another process can open (a file path or a postgres:// URL). */
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the given dialect. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const url =
    dialect === 'sqlite'
      ? join(mkdtempSync(join(tmpdir(), 'pkimm-db-')), 'test.sqlite')
      : await createPgDatabase();
  const handle = openDatabase(url);
  await migrateToLatest(handle.db as never, handle.dialect);
  return {
    handle,
    url,
    drop: async () => {
      await handle.close();
      if (dialect === 'postgres') await dropPgDatabase(url);
    },
  };
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is required for these tests and is not reachable at ${PG_ADMIN_URL} (${(error as Error).message}); ` +
        'start it, point PKIMM_TEST_PG_URL at one, or set PKIMM_TEST_POSTGRES=off to test SQLite only',
      { cause: error },
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function createPgDatabase(): Promise<string> {
  const name = `pkimm_t_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropPgDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
