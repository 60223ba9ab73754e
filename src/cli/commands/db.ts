import { PkimmError } from '../../core/errors.js';
import type { DatabaseHandle } from '../../persistence/database.js';
import { migrateDown, migrateToLatest, migrationStatus } from '../../persistence/migrate.js';
import { configFromEnv, describeDatabase, openCheckedDatabase } from '../../server/main.js';
import type { CliContext } from '../context.js';
import { parseFormat, printJson } from '../options.js';
import { renderTable } from '../render/table.js';

type Env = Record<string, string | undefined>;

/**
 * Opens the database the server would use. Only DATABASE_URL and PKIMM_HOME are read, so a
 * wrong PORT does not stop a migration.
 */
export async function withDatabase<T>(
  env: Env,
  run: (database: DatabaseHandle, name: string) => Promise<T>,
): Promise<T> {
  const config = configFromEnv({ DATABASE_URL: env['DATABASE_URL'], PKIMM_HOME: env['PKIMM_HOME'] });
  const database = await openCheckedDatabase(config);
  try {
    return await run(database, describeDatabase(config.databaseUrl));
  } finally {
    await database.close();
  }
}

/** `pkimm db migrate`: applies pending migrations (the server also does this at start). */
export async function dbMigrateCommand(context: CliContext, env: Env = context.env): Promise<void> {
  await withDatabase(env, async (database, name) => {
    const { applied } = await migrateToLatest(database.db as never, database.dialect);
    context.io.stdout(
      applied.length === 0
        ? `${name}: up to date, nothing to apply\n`
        : applied.map((migration) => `${name}: applied ${migration}\n`).join(''),
    );
  });
}

/** `pkimm db status`: every migration with when it was applied, or pending. */
export async function dbStatusCommand(
  context: CliContext,
  options: { format?: string },
  env: Env = context.env,
): Promise<void> {
  const format = parseFormat(options.format);
  await withDatabase(env, async (database, name) => {
    const migrations = (await migrationStatus(database.db as never, database.dialect)).map((m) => ({
      name: m.name,
      appliedAt: m.executedAt?.toISOString() ?? null,
    }));
    if (format === 'json') return printJson(context.io.stdout, { database: name, migrations });
    context.io.stdout(`${name}\n\n`);
    context.io.stdout(
      renderTable(
        ['Migration', 'Applied'],
        migrations.map((m) => [m.name, m.appliedAt ?? 'pending']),
      ),
    );
  });
}

/** `pkimm db down --yes`: reverts the newest migration. Reverting 001 drops every table, hence --yes. */
export async function dbDownCommand(
  context: CliContext,
  options: { yes?: boolean },
  env: Env = context.env,
): Promise<void> {
  if (options.yes !== true) {
    throw new PkimmError(
      'USAGE',
      'db down reverts the newest migration and can delete data; add --yes to go ahead',
    );
  }
  await withDatabase(env, async (database, name) => {
    const { applied } = await migrateDown(database.db as never, database.dialect);
    context.io.stdout(
      applied.length === 0
        ? `${name}: no migration to revert\n`
        : applied.map((migration) => `${name}: reverted ${migration}\n`).join(''),
    );
  });
}
