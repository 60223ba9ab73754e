import { sql, type Kysely, type Migration } from 'kysely';
import { SIGNED_OFF_MESSAGE, type DialectName } from '../dialect.js';

type Row = 'NEW' | 'OLD';

/** The SQL condition "the assessment with this id is signed off". */
const signedOff = (assessmentId: string) =>
  `EXISTS (SELECT 1 FROM sign_offs WHERE assessment_id = ${assessmentId})`;

/** The same for a row that reaches its assessment through a parent row (`parent.id = row.column`). */
const signedOffVia = (parent: string, column: string) => (row: Row) =>
  `EXISTS (SELECT 1 FROM sign_offs s JOIN ${parent} p ON p.assessment_id = s.assessment_id
           WHERE p.id = ${row}.${column})`;

/** When a write of each kind must be refused; each condition names NEW and OLD itself. */
interface Guard {
  table: string;
  insert: string;
  update: string;
  delete: string;
}

/**
 * A table whose rows belong to a frozen assessment through `frozen(row)`. An UPDATE is checked
 * on both sides, so a row can neither leave a signed-off assessment nor be moved into one.
 */
function guard(table: string, frozen: (row: Row) => string): Guard {
  return {
    table,
    insert: frozen('NEW'),
    update: `${frozen('OLD')} OR ${frozen('NEW')}`,
    delete: frozen('OLD'),
  };
}

const byAssessment = (row: Row) => signedOff(`${row}.assessment_id`);

/**
 * The workflow and on-site tables of migrations 007 and 008 (migration 009 froze the rest).
 * Interviewees, workshop items and votes have no assessment column and are reached through
 * their interview or workshop.
 */
const GUARDS: Guard[] = [
  ...[
    'assessment_participants',
    'participant_statements',
    'requirement_reviews',
    'requirement_questions',
    'respondent_ratings',
    'requirement_consensus',
    'onsite_contacts',
    'onsite_artifacts',
    'onsite_interviews',
    'workshops',
  ].map((table) => guard(table, byAssessment)),
  guard('onsite_interviewees', signedOffVia('onsite_interviews', 'interview_id')),
  guard('workshop_items', signedOffVia('workshops', 'workshop_id')),
  guard('workshop_votes', signedOffVia('workshops', 'workshop_id')),
  // A correction link is created precisely because its original is signed off, so an INSERT is
  // refused only for a signed-off correcting assessment. Once in place the link cannot be
  // rewritten or removed, except by deleting the (unsigned) correcting draft itself: its
  // cascade finds that assessment already gone.
  {
    table: 'corrections',
    insert: signedOff('NEW.correction_id'),
    update: [
      signedOff('OLD.original_id'),
      signedOff('OLD.correction_id'),
      signedOff('NEW.original_id'),
      signedOff('NEW.correction_id'),
    ].join(' OR '),
    delete: `${signedOff('OLD.correction_id')} OR (${signedOff('OLD.original_id')}
             AND EXISTS (SELECT 1 FROM assessments WHERE id = OLD.correction_id))`,
  },
];

const OPERATIONS = ['insert', 'update', 'delete'] as const;

/**
 * Extends the freeze of migration 009 to everything else recorded about an assessment: its
 * participants and their statements, reviews, questions, respondent ratings and consensus,
 * the on-site registers and workshops, and the correction links. The triggers raise the same
 * message as 009's, so `isSignedOffViolation` recognises them and the API answers 409.
 */
export function freezeAssurance(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const statements = dialect === 'sqlite' ? sqliteTriggers() : postgresTriggers();
      for (const statement of statements) await sql.raw(statement).execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const { table } of GUARDS) {
        if (dialect === 'sqlite') {
          for (const op of OPERATIONS)
            await sql.raw(`DROP TRIGGER IF EXISTS ${table}_frozen_${op}`).execute(db);
        } else {
          await sql.raw(`DROP FUNCTION IF EXISTS pkimm_frozen_${table}() CASCADE`).execute(db);
        }
      }
    },
  };
}

function sqliteTriggers(): string[] {
  const abort = `SELECT RAISE(ABORT, '${SIGNED_OFF_MESSAGE}');`;
  return GUARDS.flatMap((g) =>
    OPERATIONS.map(
      (op) => `CREATE TRIGGER ${g.table}_frozen_${op} BEFORE ${op.toUpperCase()} ON ${g.table}
         WHEN ${g[op]} BEGIN ${abort} END`,
    ),
  );
}

/**
 * One plpgsql function per table, because the conditions name that table's columns. AFTER row
 * triggers like migration 009's: raising there still aborts the statement, and no extra row
 * lock is taken ahead of the write.
 */
function postgresTriggers(): string[] {
  const raise = `RAISE EXCEPTION '${SIGNED_OFF_MESSAGE}' USING ERRCODE = 'P0001';`;
  return GUARDS.flatMap((g) => [
    `CREATE FUNCTION pkimm_frozen_${g.table}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       -- Separate branches: NEW is not set in a DELETE trigger, nor OLD in an INSERT trigger.
       IF TG_OP = 'INSERT' THEN
         IF ${g.insert} THEN ${raise} END IF;
       ELSIF TG_OP = 'UPDATE' THEN
         IF ${g.update} THEN ${raise} END IF;
       ELSE
         IF ${g.delete} THEN ${raise} END IF;
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER ${g.table}_frozen AFTER INSERT OR UPDATE OR DELETE ON ${g.table}
       FOR EACH ROW EXECUTE FUNCTION pkimm_frozen_${g.table}()`,
  ]);
}
