import type { Kysely, Migration } from 'kysely';

/**
 * The assurance workflow (docs/assurance.md#workflow): participants and their statements,
 * evidence reviews, questions sent back to respondents, respondents' own ratings and the
 * assessor's consensus. Workflow rows are bookkeeping next to the assessment document, not
 * answers, so they live in tables of their own and go with their assessment when it is deleted.
 */
export function assurance(): Migration {
  const assessmentRef = 'assessments.id';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('assessment_participants')
        .addColumn('assessment_id', 'text', (c) => c.notNull().references(assessmentRef).onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('assessment_participants_pk', ['assessment_id', 'user_id', 'role'])
        .execute();
      // One statement per person and assessment, whatever roles they hold there.
      await db.schema
        .createTable('participant_statements')
        .addColumn('assessment_id', 'text', (c) => c.notNull().references(assessmentRef).onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('independence', 'text', (c) => c.notNull())
        .addColumn('qualification', 'text', (c) => c.notNull())
        .addColumn('stated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('participant_statements_pk', ['assessment_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('requirement_reviews')
        .addColumn('assessment_id', 'text', (c) => c.notNull().references(assessmentRef).onDelete('cascade'))
        .addColumn('requirement_key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('reviewed_by', 'text', (c) => c.notNull())
        .addColumn('reviewed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('requirement_reviews_pk', ['assessment_id', 'requirement_key'])
        .execute();
      await db.schema
        .createTable('requirement_questions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('assessment_id', 'text', (c) => c.notNull().references(assessmentRef).onDelete('cascade'))
        .addColumn('requirement_key', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('asked_by', 'text', (c) => c.notNull())
        .addColumn('asked_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_by', 'text')
        .addColumn('answered_at', 'text')
        .execute();
      await db.schema
        .createIndex('requirement_questions_assessment')
        .on('requirement_questions')
        .columns(['assessment_id', 'asked_at'])
        .execute();
      await db.schema
        .createTable('respondent_ratings')
        .addColumn('assessment_id', 'text', (c) => c.notNull().references(assessmentRef).onDelete('cascade'))
        .addColumn('requirement_key', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('respondent_ratings_pk', ['assessment_id', 'requirement_key', 'user_id'])
        .execute();
      await db.schema
        .createTable('requirement_consensus')
        .addColumn('assessment_id', 'text', (c) => c.notNull().references(assessmentRef).onDelete('cascade'))
        .addColumn('requirement_key', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        // The assessment version the consensus rating was saved as.
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('requirement_consensus_pk', ['assessment_id', 'requirement_key'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'requirement_consensus',
        'respondent_ratings',
        'requirement_questions',
        'requirement_reviews',
        'participant_statements',
        'assessment_participants',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
