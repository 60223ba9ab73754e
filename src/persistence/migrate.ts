import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { PkimmError } from '../core/errors.js';
import type { DialectName } from './dialect.js';
import { init } from './migrations/001-init.js';
import { attestations } from './migrations/002-attestations.js';
import { cycles } from './migrations/003-cycles.js';
import { benchmark } from './migrations/004-benchmark.js';
import { scans } from './migrations/005-scans.js';
import { assessmentLog } from './migrations/006-assessment-log.js';
import { assurance } from './migrations/007-assurance.js';
import { signoff } from './migrations/009-signoff.js';
import { onsite } from './migrations/008-onsite.js';
import { freezeAssurance } from './migrations/010-freeze-assurance.js';

/**
 * The migrations, imported statically so they work the same under tsx and from dist/ (no
 * directory scanning). Add new ones at the end with the next number; never edit a shipped one.
 */
function migrator(db: Kysely<unknown>, dialect: DialectName) {
  return new Migrator({
    db,
    provider: {
      getMigrations: () =>
        Promise.resolve({
          '001-init': init(dialect),
          '002-attestations': attestations(),
          '003-cycles': cycles(),
          '004-benchmark': benchmark(),
          '005-scans': scans(),
          '006-assessment-log': assessmentLog(),
          '007-assurance': assurance(),
          '009-signoff': signoff(dialect),
          '008-onsite': onsite(),
          '010-freeze-assurance': freezeAssurance(dialect),
        }),
    },
  });
}

export interface MigrationOutcome {
  applied: string[];
}

/** Brings the schema to the newest version; safe to run at every start and from several processes. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: DialectName): Promise<MigrationOutcome> {
  return outcome(await migrator(db, dialect).migrateToLatest());
}

export async function migrateDown(db: Kysely<unknown>, dialect: DialectName): Promise<MigrationOutcome> {
  return outcome(await migrator(db, dialect).migrateDown());
}

export async function migrationStatus(db: Kysely<unknown>, dialect: DialectName) {
  return (await migrator(db, dialect).getMigrations()).map((m) => ({
    name: m.name,
    executedAt: m.executedAt ?? null,
  }));
}

function outcome(result: MigrationResultSet): MigrationOutcome {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const message = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new PkimmError('DATABASE_UNAVAILABLE', `migration ${failed} failed: ${message}`, {
      cause: result.error,
    });
  }
  return {
    applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
