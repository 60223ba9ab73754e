/**
 * Every difference between SQLite and PostgreSQL lives here, so the rest of the persistence
 * code is dialect-agnostic: auto-increment keys and binary columns.
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

export async function pingDatabase<T>(db: Kysely<T>): Promise<void> {
  await sql`select 1`.execute(db);
}
