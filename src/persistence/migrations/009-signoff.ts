import { sql, type Kysely, type Migration } from 'kysely';
import { addSerialId, SIGNED_OFF_MESSAGE, type DialectName } from '../dialect.js';

/**
 * Tables that belong to one assessment through `assessment_id` and must not change once it is
 * signed off. The assessment row itself is guarded separately (its key column is `id`).
 */
const FROZEN_CHILDREN = [
  'revisions',
  'evidence',
  'assessment_log',
  'scan_suggestions',
  'approvals',
  'assurance_profiles',
] as const;

/**
 * Four-eyes sign-off (docs/assurance.md): the assurance profile, the approvals, the sign-off
 * itself and corrections. A sign-off row freezes its assessment; the database enforces that
 * with triggers, so even a direct SQL write (or a code path that forgot to check) is refused.
 */
export function signoff(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('assurance_profiles')
        .addColumn('assessment_id', 'text', (c) =>
          c.primaryKey().references('assessments.id').onDelete('cascade'),
        )
        .addColumn('evidence_from_level', 'integer', (c) => c.notNull())
        // JSON array of user ids, in the order the owner named them.
        .addColumn('approvers', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await addSerialId(db.schema.createTable('approvals'), dialect)
        .addColumn('assessment_id', 'text', (c) =>
          c.notNull().references('assessments.id').onDelete('cascade'),
        )
        // The assessment version the decision was made on; any later change voids it.
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        // approve | reject
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('approvals_assessment')
        .on('approvals')
        .columns(['assessment_id', 'version'])
        .execute();
      await db.schema
        .createTable('sign_offs')
        // No cascade: a signed-off assessment cannot be deleted (the triggers refuse it anyway).
        .addColumn('assessment_id', 'text', (c) => c.primaryKey().references('assessments.id'))
        .addColumn('org_id', 'text', (c) => c.notNull())
        // The version the approvers approved, and the final version the sign-off produced.
        .addColumn('approved_version', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        // JSON array of user ids.
        .addColumn('approvers', 'text', (c) => c.notNull())
        .addColumn('attestation_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('corrections')
        .addColumn('correction_id', 'text', (c) =>
          c.primaryKey().references('assessments.id').onDelete('cascade'),
        )
        .addColumn('original_id', 'text', (c) => c.notNull().references('assessments.id'))
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('corrections_original').on('corrections').column('original_id').execute();
      if (dialect === 'sqlite') await sqliteTriggers(db);
      else await postgresTriggers(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'sqlite') {
        for (const name of triggerNames()) await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db);
      } else {
        await sql.raw('DROP FUNCTION IF EXISTS pkimm_refuse_signed_off() CASCADE').execute(db);
        await sql.raw('DROP FUNCTION IF EXISTS pkimm_refuse_sign_off_change() CASCADE').execute(db);
      }
      for (const table of ['corrections', 'sign_offs', 'approvals', 'assurance_profiles']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

function triggerNames(): string[] {
  const operations = ['insert', 'update', 'delete'];
  return [
    'assessments_frozen_update',
    'assessments_frozen_delete',
    'sign_offs_immutable_update',
    'sign_offs_immutable_delete',
    ...FROZEN_CHILDREN.flatMap((table) => operations.map((op) => `${table}_frozen_${op}`)),
  ];
}

const abort = `SELECT RAISE(ABORT, '${SIGNED_OFF_MESSAGE}');`;

async function sqliteTriggers(db: Kysely<unknown>) {
  const statements = [
    `CREATE TRIGGER assessments_frozen_update BEFORE UPDATE ON assessments
       WHEN EXISTS (SELECT 1 FROM sign_offs WHERE assessment_id = OLD.id) BEGIN ${abort} END`,
    `CREATE TRIGGER assessments_frozen_delete BEFORE DELETE ON assessments
       WHEN EXISTS (SELECT 1 FROM sign_offs WHERE assessment_id = OLD.id) BEGIN ${abort} END`,
    // A sign-off is permanent: removing it would thaw the assessment.
    `CREATE TRIGGER sign_offs_immutable_update BEFORE UPDATE ON sign_offs BEGIN ${abort} END`,
    `CREATE TRIGGER sign_offs_immutable_delete BEFORE DELETE ON sign_offs BEGIN ${abort} END`,
  ];
  for (const table of FROZEN_CHILDREN) {
    statements.push(
      `CREATE TRIGGER ${table}_frozen_insert BEFORE INSERT ON ${table}
         WHEN EXISTS (SELECT 1 FROM sign_offs WHERE assessment_id = NEW.assessment_id) BEGIN ${abort} END`,
      `CREATE TRIGGER ${table}_frozen_update BEFORE UPDATE ON ${table}
         WHEN EXISTS (SELECT 1 FROM sign_offs WHERE assessment_id = OLD.assessment_id) BEGIN ${abort} END`,
      `CREATE TRIGGER ${table}_frozen_delete BEFORE DELETE ON ${table}
         WHEN EXISTS (SELECT 1 FROM sign_offs WHERE assessment_id = OLD.assessment_id) BEGIN ${abort} END`,
    );
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function postgresTriggers(db: Kysely<unknown>) {
  // One function for every guarded table: the assessment row is keyed by `id`, the others by
  // `assessment_id`. P0001 (raise_exception) plus the message is what dialect.ts matches.
  // AFTER row triggers, because a BEFORE UPDATE trigger makes PostgreSQL lock the row as for a
  // key change when the statement names the key (appendLog's `SET id = id`), which deadlocks
  // against concurrent writers holding the foreign-key share lock. Raising still aborts the write.
  await sql
    .raw(
      `CREATE FUNCTION pkimm_refuse_signed_off() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE target text;
       BEGIN
         IF TG_TABLE_NAME = 'assessments' THEN
           target := OLD.id;
         ELSIF TG_OP = 'INSERT' THEN
           target := NEW.assessment_id;
         ELSE
           target := OLD.assessment_id;
         END IF;
         IF EXISTS (SELECT 1 FROM sign_offs WHERE assessment_id = target) THEN
           RAISE EXCEPTION '${SIGNED_OFF_MESSAGE}' USING ERRCODE = 'P0001';
         END IF;
         -- Ignored by AFTER triggers; a BEFORE DELETE must return OLD to let the delete go on.
         IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
         RETURN NEW;
       END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE FUNCTION pkimm_refuse_sign_off_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION '${SIGNED_OFF_MESSAGE}' USING ERRCODE = 'P0001';
       END $$`,
    )
    .execute(db);
  const statements = [
    `CREATE TRIGGER assessments_frozen AFTER UPDATE ON assessments
       FOR EACH ROW EXECUTE FUNCTION pkimm_refuse_signed_off()`,
    // Before, so it answers ahead of the foreign-key checks (also AFTER triggers) of a delete.
    `CREATE TRIGGER assessments_frozen_delete BEFORE DELETE ON assessments
       FOR EACH ROW EXECUTE FUNCTION pkimm_refuse_signed_off()`,
    `CREATE TRIGGER sign_offs_immutable AFTER UPDATE OR DELETE ON sign_offs
       FOR EACH ROW EXECUTE FUNCTION pkimm_refuse_sign_off_change()`,
    ...FROZEN_CHILDREN.map(
      (table) => `CREATE TRIGGER ${table}_frozen AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION pkimm_refuse_signed_off()`,
    ),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
