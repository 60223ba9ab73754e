import { randomUUID } from 'node:crypto';
import type { QuestionStatus } from '../../../core/assurance/workflow/workflow.types.js';
import { PkimmError } from '../../../core/errors.js';
import {
  answerQuestion,
  getQuestion,
  insertQuestion,
  listQuestions,
  type QuestionRecord,
} from '../../../persistence/repositories/workflow-questions.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { openAssessment } from '../../assessments/open-assessment.js';
import { assertRequirementKey, openForStep, writeStep } from './workflow-context.js';

export type QuestionView = Omit<QuestionRecord, 'assessmentId'>;

const view = ({ assessmentId: _, ...rest }: QuestionRecord): QuestionView => rest;

/** An assessor sends a requirement back to the respondents with a question. */
export async function askQuestion(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  input: { key: string; question: string },
): Promise<QuestionView> {
  const opened = await openForStep(deps, principal, assessmentId, 'ask');
  assertRequirementKey(opened, input.key);
  const question: QuestionRecord = {
    id: randomUUID(),
    assessmentId,
    key: input.key,
    question: input.question.trim(),
    askedBy: opened.principal.userId,
    askedAt: deps.now().toISOString(),
    status: 'open',
    answer: null,
    answeredBy: null,
    answeredAt: null,
  };
  await writeStep(
    deps,
    opened,
    {
      event: 'question.asked',
      at: question.askedAt,
      detail: { id: question.id, key: question.key, question: question.question },
    },
    (trx) => insertQuestion(trx, question),
  );
  return view(question);
}

export async function listQuestionViews(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  filter: { status?: QuestionStatus | undefined; key?: string | undefined },
): Promise<QuestionView[]> {
  await openAssessment(deps, principal, assessmentId, 'read');
  return (await listQuestions(deps.database.db, assessmentId, filter)).map(view);
}

/** A respondent answers an open question once; a second answer is a conflict. */
export async function answer(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  questionId: string,
  text: string,
): Promise<QuestionView> {
  const opened = await openForStep(deps, principal, assessmentId, 'answer');
  const { db } = deps.database;
  const question = await getQuestion(db, assessmentId, questionId);
  if (!question) throw new PkimmError('NOT_FOUND', `no question ${questionId} in this assessment`);
  const at = deps.now().toISOString();
  const trimmed = text.trim();
  await writeStep(
    deps,
    opened,
    { event: 'question.answered', at, detail: { id: questionId, key: question.key, answer: trimmed } },
    async (trx) => {
      if (
        !(await answerQuestion(trx, assessmentId, questionId, {
          text: trimmed,
          by: opened.principal.userId,
          at,
        }))
      )
        throw new PkimmError('CONFLICT', 'this question has been answered already');
    },
  );
  const after = await getQuestion(db, assessmentId, questionId);
  if (!after) throw new Error('the question just answered is missing');
  return view(after);
}
