import type { Kysely, Migration } from 'kysely';

/**
 * The benchmark pool and the server's benchmark secret. A submission holds only coarse profile
 * codes, the assessment type, the quarter and the category levels; the organisation is known
 * only by an HMAC of its id, so one organisation replaces its earlier submission per model version.
 */
export function benchmark(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('benchmark_submissions')
        .addColumn('pool', 'text', (c) => c.notNull())
        .addColumn('org_hash', 'text', (c) => c.notNull())
        .addColumn('model_version', 'text', (c) => c.notNull())
        .addColumn('quarter', 'text', (c) => c.notNull())
        .addColumn('industry', 'text', (c) => c.notNull())
        .addColumn('size', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('cas', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        // JSON object: category key → raw level or "n/a".
        .addColumn('levels', 'text', (c) => c.notNull())
        .addColumn('synthetic', 'integer', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('benchmark_submissions_pk', ['pool', 'org_hash', 'model_version'])
        .execute();
      // A comparison filters by pool and model version and then by any profile fields; the
      // counts of the privacy checks run on this index alone.
      await db.schema
        .createIndex('benchmark_submissions_group')
        .on('benchmark_submissions')
        .columns(['pool', 'model_version', 'industry', 'size', 'region', 'role', 'cas', 'type'])
        .execute();
      await db.schema
        .createTable('benchmark_secrets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('benchmark_secrets').execute();
      await db.schema.dropTable('benchmark_submissions').execute();
    },
  };
}
