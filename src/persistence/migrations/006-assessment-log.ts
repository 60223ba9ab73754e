import type { Kysely, Migration } from 'kysely';

/**
 * The tamper-evident record of each assessment: one entry per change and workflow step, each
 * carrying the hash of the one before (docs/audit-log.md). `seq` counts per assessment, so the
 * unique index also proves that no two writers extended the chain from the same entry.
 */
export function assessmentLog(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('assessment_log')
        // The log goes with its assessment: deleting a draft removes its whole history.
        .addColumn('assessment_id', 'text', (c) =>
          c.notNull().references('assessments.id').onDelete('cascade'),
        )
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        // JSON object; its canonical form is what is hashed.
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('assessment_log_pk', ['assessment_id', 'seq'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('assessment_log').execute();
    },
  };
}
