import type { Kysely, Migration } from 'kysely';

/**
 * Cycles and portfolios: which scope an assessment belongs to, the previous cycle it was
 * started from, its re-assessment reminder, the assessment it shares Governance and Resources
 * answers with, and the organisation's per-scope weights.
 * An assessment without a row here is in the default scope with no baseline, so nothing
 * created before this migration needs rewriting.
 */
export function cycles(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('assessment_cycles')
        .addColumn('assessment_id', 'text', (c) =>
          c.primaryKey().references('assessments.id').onDelete('cascade'),
        )
        .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
        .addColumn('scope_key', 'text', (c) => c.notNull())
        .addColumn('baseline_id', 'text', (c) => c.references('assessments.id').onDelete('set null'))
        .addColumn('reminder_on', 'text')
        // Governance and Resources answers come from this assessment instead (docs/cycles.md).
        .addColumn('shared_source_id', 'text', (c) => c.references('assessments.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('assessment_cycles_scope')
        .on('assessment_cycles')
        .columns(['org_id', 'scope_key'])
        .execute();
      await db.schema
        .createTable('portfolio_scopes')
        .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
        .addColumn('scope_key', 'text', (c) => c.notNull())
        // "double precision" is a float on PostgreSQL and has REAL affinity on SQLite.
        .addColumn('weight', 'double precision', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('portfolio_scopes_pk', ['org_id', 'scope_key'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('portfolio_scopes').execute();
      await db.schema.dropTable('assessment_cycles').execute();
    },
  };
}
