import type { Kysely, Migration } from 'kysely';

/** Signed attestations of final assessments, and the server-generated signing identity. */
export function attestations(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('attestations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('assessment_id', 'text', (c) =>
          c.notNull().references('assessments.id').onDelete('cascade'),
        )
        .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
        .addColumn('jws', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('attestations_assessment')
        .on('attestations')
        .columns(['assessment_id', 'created_at'])
        .execute();
      // One row with a fixed id: the primary key makes first-use creation race-safe across processes.
      await db.schema
        .createTable('attestation_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('private_key_pem', 'text', (c) => c.notNull())
        .addColumn('certificate_pem', 'text', (c) => c.notNull())
        .addColumn('ca_certificate_pem', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('attestation_keys').execute();
      await db.schema.dropTable('attestations').execute();
    },
  };
}
