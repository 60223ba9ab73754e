/** The workflow endpoints the review panel uses; the shapes come from the server's route schemas. */
import type { z } from 'zod';
import type {
  ParticipantSchema,
  QuestionSchema,
  RespondentRatingsSchema,
  ReviewSchema,
} from '../../server/routes/workflow-schemas.js';
import type { ReviewStatus } from '../../core/assurance/workflow/workflow.types.js';
import { request } from '../api/client.js';

export type { ParticipantRole, ReviewStatus } from '../../core/assurance/workflow/workflow.types.js';
export { REVIEW_STATUSES } from '../../core/assurance/workflow/workflow.types.js';

export type Participant = z.output<typeof ParticipantSchema>;
export type ReviewView = z.output<typeof ReviewSchema>;
export type QuestionView = z.output<typeof QuestionSchema>;
export type RespondentRatings = z.output<typeof RespondentRatingsSchema>;

const enc = encodeURIComponent;

export const reviewApi = {
  participants: (id: string) =>
    request<{ participants: Participant[] }>(`/assessments/${enc(id)}/participants`),
  review: (id: string, key: string) => request<ReviewView>(`/assessments/${enc(id)}/reviews/${enc(key)}`),
  setReview: (id: string, key: string, status: ReviewStatus, comment: string) =>
    request<ReviewView>(`/assessments/${enc(id)}/reviews/${enc(key)}`, {
      method: 'PUT',
      body: { status, comment },
    }),
  questions: (id: string, key: string) =>
    request<{ questions: QuestionView[] }>(`/assessments/${enc(id)}/questions?key=${enc(key)}`),
  ask: (id: string, key: string, question: string) =>
    request<QuestionView>(`/assessments/${enc(id)}/questions`, { method: 'POST', body: { key, question } }),
  answer: (id: string, questionId: string, answer: string) =>
    request<QuestionView>(`/assessments/${enc(id)}/questions/${enc(questionId)}/answer`, {
      method: 'POST',
      body: { answer },
    }),
  ratings: (id: string, key: string) =>
    request<RespondentRatings>(`/assessments/${enc(id)}/respondent-ratings/${enc(key)}`),
  rateOwn: (id: string, key: string, level: number, note: string) =>
    request<RespondentRatings>(`/assessments/${enc(id)}/respondent-ratings/${enc(key)}/me`, {
      method: 'PUT',
      // An empty note is no note.
      body: note.trim() ? { level, note } : { level },
    }),
  consensus: (id: string, version: number, key: string, level: number, note: string) =>
    request<RespondentRatings & { version: number }>(`/assessments/${enc(id)}/consensus/${enc(key)}`, {
      method: 'POST',
      body: note.trim() ? { level, note } : { level },
      headers: { 'if-match': `"${version}"` },
    }),
};
