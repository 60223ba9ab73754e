import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { useDateTime } from '../scan/format.js';
import { reviewApi, type QuestionView } from './review-api.js';
import { useStep, type Step } from './useStep.js';

/**
 * Questions sent back to the respondents about one requirement, oldest first, with their answers.
 * Assessors and reviewers ask; respondents answer each open question once.
 */
export function Questions({
  assessmentId,
  requirementKey,
  canAsk,
  canAnswer,
  nameOf,
}: {
  assessmentId: string;
  requirementKey: string;
  canAsk: boolean;
  canAnswer: boolean;
  nameOf: (userId: string | null) => string;
}) {
  const t = useT();
  const when = useDateTime();
  const list = useAsync(
    () => reviewApi.questions(assessmentId, requirementKey),
    [assessmentId, requirementKey],
  );
  const step = useStep();
  const [question, setQuestion] = useState('');
  const questions = list.data?.questions ?? [];
  return (
    <div className="review-part">
      <h4>{t('review.questions.heading')}</h4>
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {list.data && questions.length === 0 && <p>{t('review.questions.none')}</p>}
      {questions.length > 0 && (
        <ol className="plan-task-list" data-testid="questions">
          {questions.map((q) => (
            <li key={q.id} className="plan-card" data-status={q.status}>
              <p className="prewrap" id={`question-${q.id}`}>
                {q.question}
              </p>
              <p className="muted">
                {t('review.questions.asked', { name: nameOf(q.askedBy), date: when(q.askedAt) })} ·{' '}
                {t(`review.questions.state.${q.status}`)}
              </p>
              {q.status === 'answered' && (
                <>
                  <p>
                    {t('review.questions.answeredBy', {
                      name: nameOf(q.answeredBy),
                      date: when(q.answeredAt ?? undefined),
                    })}
                  </p>
                  <p className="prewrap" data-testid="question-answer">
                    {q.answer}
                  </p>
                </>
              )}
              {q.status === 'open' && canAnswer && (
                <AnswerForm assessmentId={assessmentId} question={q} step={step} onSent={list.reload} />
              )}
            </li>
          ))}
        </ol>
      )}
      {canAsk && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void step
              .run(() => reviewApi.ask(assessmentId, requirementKey, question), t('review.questions.sent'))
              .then((ok) => {
                if (!ok) return;
                setQuestion('');
                list.reload();
              });
          }}
        >
          <p className="plan-field">
            <label htmlFor={`ask-${requirementKey}`}>{t('review.questions.ask')}</label>
            <textarea
              id={`ask-${requirementKey}`}
              rows={3}
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
            />
          </p>
          <p>
            <button type="submit" disabled={step.busy || question.trim() === ''}>
              {t('review.questions.send')}
            </button>
          </p>
        </form>
      )}
      {(canAsk || canAnswer) && (
        <>
          <ErrorAlert error={step.error} />
          <p role="status">{step.done}</p>
        </>
      )}
    </div>
  );
}

function AnswerForm({
  assessmentId,
  question,
  step,
  onSent,
}: {
  assessmentId: string;
  question: QuestionView;
  step: Step;
  onSent: () => void;
}) {
  const t = useT();
  const [answer, setAnswer] = useState('');
  const id = `answer-${question.id}`;
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void step
          .run(() => reviewApi.answer(assessmentId, question.id, answer), t('review.questions.answered'))
          .then((ok) => ok && onSent());
      }}
    >
      <p className="plan-field">
        <label htmlFor={id}>{t('review.questions.answerField')}</label>
        {/* Described by its question, so several open ones stay told apart. */}
        <textarea
          id={id}
          rows={3}
          value={answer}
          aria-describedby={`question-${question.id}`}
          onChange={(e) => setAnswer(e.target.value)}
        />
      </p>
      <p>
        <button type="submit" disabled={step.busy || answer.trim() === ''}>
          {t('review.questions.answer')}
        </button>
      </p>
    </form>
  );
}
