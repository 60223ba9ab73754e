import type { CreateTableBuilder, Kysely, Migration } from 'kysely';

/** The columns every register entry has: its assessment, the requirements it informs, who wrote it when. */
function registerTable<T extends string>(table: CreateTableBuilder<T, never>) {
  return (
    table
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
      // JSON array of requirement keys in the assessment's model version.
      .addColumn('requirement_keys', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
  );
}

/**
 * The on-site path (docs/assurance.md, "On-site assessment"): registers of contacts, artifacts
 * and interviews, and workshops with their items and votes. Interviewees are a table of their
 * own, so the database refuses to delete a contact an interview still names.
 */
export function onsite(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await registerTable(db.schema.createTable('onsite_contacts'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('team', 'text', (c) => c.notNull())
        .execute();
      await registerTable(db.schema.createTable('onsite_artifacts'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('document_date', 'text')
        .addColumn('locator', 'text', (c) => c.notNull())
        .execute();
      await registerTable(db.schema.createTable('onsite_interviews'))
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('onsite_interviewees')
        .addColumn('interview_id', 'text', (c) =>
          c.notNull().references('onsite_interviews.id').onDelete('cascade'),
        )
        .addColumn('contact_id', 'text', (c) =>
          c.notNull().references('onsite_contacts.id').onDelete('restrict'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('onsite_interviewees_pk', ['interview_id', 'contact_id'])
        .execute();
      await db.schema
        .createIndex('onsite_interviewees_contact')
        .on('onsite_interviewees')
        .column('contact_id')
        .execute();
      for (const table of ['onsite_contacts', 'onsite_artifacts', 'onsite_interviews']) {
        await db.schema.createIndex(`${table}_assessment`).on(table).column('assessment_id').execute();
      }

      await db.schema
        .createTable('workshops')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('assessment_id', 'text', (c) =>
          c.notNull().references('assessments.id').onDelete('cascade'),
        )
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('facilitator_user_id', 'text', (c) => c.notNull())
        // open | closed
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('current_key', 'text')
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema.createIndex('workshops_assessment').on('workshops').column('assessment_id').execute();
      // One item per requirement the workshop discussed, in the order they came up.
      await db.schema
        .createTable('workshop_items')
        .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
        .addColumn('requirement_key', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('agreed_level', 'integer')
        .addColumn('notes', 'text')
        .addColumn('agreed_by', 'text')
        .addColumn('agreed_at', 'text')
        // The assessment version the agreed rating produced.
        .addColumn('agreed_version', 'integer')
        .addPrimaryKeyConstraint('workshop_items_pk', ['workshop_id', 'requirement_key'])
        .execute();
      await db.schema
        .createTable('workshop_votes')
        .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
        .addColumn('requirement_key', 'text', (c) => c.notNull())
        // member:<user id> or named:<lower-cased name> (src/core/assurance/onsite/participants.ts).
        .addColumn('participant_key', 'text', (c) => c.notNull())
        .addColumn('participant_name', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('workshop_votes_pk', ['workshop_id', 'requirement_key', 'participant_key'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'workshop_votes',
        'workshop_items',
        'workshops',
        'onsite_interviewees',
        'onsite_interviews',
        'onsite_artifacts',
        'onsite_contacts',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
