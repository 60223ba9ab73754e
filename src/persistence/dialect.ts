/**
 * Every difference between SQLite and PostgreSQL lives here, so the rest of the persistence
 * code is dialect-agnostic: auto-increment keys, binary columns and error codes.
 */
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Adds an auto-increment integer primary key named `id`. */
export function addSerialId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: DialectName,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) =>
        c.primaryKey().generatedByDefaultAsIdentity(),
      );
}

/** The binary column type: BLOB on SQLite, BYTEA on PostgreSQL. */
export function binaryType(dialect: DialectName) {
  return dialect === 'sqlite' ? sql`blob` : sql`bytea`;
}

/** True when the error is a unique-constraint violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return (
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e?.code === '23505'
  );
}

/** What the freeze triggers of migrations 009 and 010 raise when a signed-off assessment would change. */
export const SIGNED_OFF_MESSAGE = 'assessment is signed off';

/** True when a freeze trigger refused the write: SQLite's RAISE(ABORT) or PostgreSQL's RAISE EXCEPTION. */
export function isSignedOffViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return (
    (e?.code === 'SQLITE_CONSTRAINT_TRIGGER' || e?.code === 'P0001') &&
    typeof e.message === 'string' &&
    e.message.includes(SIGNED_OFF_MESSAGE)
  );
}

/**
 * PostgreSQL refuses text it cannot store: a NUL character (U+0000) in a text column (22021)
 * or in JSON (22P05). SQLite stores it, so the request, not the server, is at fault: a 400.
 */
export function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
}

/** Why the database cannot take a request right now: the server is fine, its storage is not. */
export interface StorageFailure {
  kind: 'full' | 'read-only' | 'unreachable' | 'busy' | 'io';
  /** For the client: what happened and whether the change may have been applied. */
  message: string;
  /** Seconds a client should wait before retrying (the Retry-After header). */
  retryAfterSeconds: number;
}

const STORAGE_MESSAGES: Record<StorageFailure['kind'], [string, number]> = {
  full: ['the database storage is full; changes cannot be saved right now, nothing was changed', 30],
  'read-only': ['the database is read-only; changes cannot be saved right now, nothing was changed', 30],
  busy: ['the database is busy; nothing was changed, try again in a moment', 1],
  io: ['the database storage reported an I/O error; nothing was changed, try again later', 5],
  // A connection lost during COMMIT leaves the outcome unknown, so the client must retry idempotently.
  unreachable: [
    'the database cannot be reached right now; the change may not have been saved, retry it with the same Idempotency-Key',
    2,
  ],
};

// Node's socket errors when PostgreSQL is down or drops the connection.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
// pg raises these without a code when a connection ends under it or the pool cannot connect in time.
const PG_CONNECTION_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

function kindOf(error: { code?: unknown; message?: unknown }): StorageFailure['kind'] | undefined {
  const code = typeof error.code === 'string' ? error.code : '';
  if (code === 'SQLITE_FULL' || code === '53100') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === '25006') return 'read-only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === '53300') return 'busy';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === '58030') return 'io';
  // SQLSTATE class 08 (connection exception), 57P01–57P03 (shutting down, crashed, starting up).
  if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || NETWORK_CODES.has(code))
    return 'unreachable';
  if (typeof error.message === 'string' && PG_CONNECTION_MESSAGES.test(error.message)) return 'unreachable';
  return undefined;
}

/**
 * Classifies an error from either driver as a storage failure (disk full, read-only, busy, I/O,
 * connection lost), or undefined when it is anything else. Follows `cause` and AggregateError's
 * `errors`, since Node wraps a refused connection to several addresses in one.
 */
export function storageFailure(error: unknown, depth = 0): StorageFailure | undefined {
  if (error === null || typeof error !== 'object' || depth > 4) return undefined;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const kind = kindOf(e);
  if (kind) {
    const [message, retryAfterSeconds] = STORAGE_MESSAGES[kind];
    return { kind, message, retryAfterSeconds };
  }
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors as unknown[]) {
      const found = storageFailure(inner, depth + 1);
      if (found) return found;
    }
  }
  return storageFailure(e.cause, depth + 1);
}

export async function pingDatabase<T>(db: Kysely<T>): Promise<void> {
  await sql`select 1`.execute(db);
}
