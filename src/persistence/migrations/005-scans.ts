import type { Kysely, Migration } from 'kysely';

/**
 * Suggested ratings from automated scans. The scan itself is an evidence item (kind `scan`,
 * its inventory as the JSON content); each suggestion belongs to that item and goes with it,
 * and records the assessor's decision so the report can say which ratings came from one.
 */
export function scans(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('scan_suggestions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('assessment_id', 'text', (c) =>
          c.notNull().references('assessments.id').onDelete('cascade'),
        )
        .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
        // The key in the assessment's own model version.
        .addColumn('requirement_key', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        // JSON array of sentences.
        .addColumn('reasoning', 'text', (c) => c.notNull())
        // open | accepted | changed | rejected
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_level', 'integer')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('scan_suggestions_assessment')
        .on('scan_suggestions')
        .columns(['assessment_id', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('scan_suggestions').execute();
    },
  };
}
