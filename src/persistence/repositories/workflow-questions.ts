import type { Kysely, Transaction } from 'kysely';
import type { QuestionStatus } from '../../core/assurance/workflow/workflow.types.js';
import type { Database, RequirementQuestionTable } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface QuestionRecord {
  id: string;
  assessmentId: string;
  key: string;
  question: string;
  askedBy: string;
  askedAt: string;
  status: QuestionStatus;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

function toRecord(row: RequirementQuestionTable): QuestionRecord {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    key: row.requirement_key,
    question: row.question,
    askedBy: row.asked_by,
    askedAt: row.asked_at,
    status: row.status,
    answer: row.answer,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
  };
}

export async function insertQuestion(db: Db, question: QuestionRecord): Promise<void> {
  await db
    .insertInto('requirement_questions')
    .values({
      id: question.id,
      assessment_id: question.assessmentId,
      requirement_key: question.key,
      question: question.question,
      asked_by: question.askedBy,
      asked_at: question.askedAt,
      status: question.status,
      answer: question.answer,
      answered_by: question.answeredBy,
      answered_at: question.answeredAt,
    })
    .execute();
}

/** An assessment's questions, oldest first, optionally of one status or requirement. */
export async function listQuestions(
  db: Db,
  assessmentId: string,
  filter: { status?: QuestionStatus | undefined; key?: string | undefined } = {},
): Promise<QuestionRecord[]> {
  let query = db.selectFrom('requirement_questions').selectAll().where('assessment_id', '=', assessmentId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.key !== undefined) query = query.where('requirement_key', '=', filter.key);
  const rows = await query.orderBy('asked_at').orderBy('id').execute();
  return rows.map(toRecord);
}

export async function getQuestion(
  db: Db,
  assessmentId: string,
  id: string,
): Promise<QuestionRecord | undefined> {
  const row = await db
    .selectFrom('requirement_questions')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Answers an open question; false when it was answered meanwhile, so one answer wins. */
export async function answerQuestion(
  db: Db,
  assessmentId: string,
  id: string,
  answer: { text: string; by: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('requirement_questions')
    .set({ status: 'answered', answer: answer.text, answered_by: answer.by, answered_at: answer.at })
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
