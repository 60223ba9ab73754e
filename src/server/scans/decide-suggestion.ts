import { PkimmError } from '../../core/errors.js';
import type { Rating } from '../../core/assessment/assessment.types.js';
import { recordAudit } from '../../persistence/repositories/audit.js';
import { appendLogEntry } from '../../persistence/repositories/assessment-log.js';
import { decideSuggestion, getSuggestion } from '../../persistence/repositories/scans.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from '../assessments/deps.js';
import { assertNotFinal, openAssessment } from '../assessments/open-assessment.js';
import { saveAnswer } from '../assessments/save-answer.js';
import { suggestionView, type SuggestionView } from './scan-views.js';

export type SuggestionDecision =
  { action: 'accept' } | { action: 'change'; level: Exclude<Rating, 0> } | { action: 'reject' };

/**
 * An assessor's answer to a suggestion. Accepting or changing rates the requirement through
 * the ordinary autosave path (one revision, the same checks); rejecting changes no answer.
 * Only a person's decision ever writes a rating, and each suggestion is decided once.
 */
export async function decide(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  suggestionId: string,
  decision: SuggestionDecision,
): Promise<SuggestionView> {
  const opened = await openAssessment(deps, principal, assessmentId, 'rate');
  assertNotFinal(opened);
  const suggestion = await getSuggestion(deps.database.db, suggestionId);
  if (!suggestion || suggestion.assessmentId !== assessmentId)
    throw new PkimmError('NOT_FOUND', 'no such suggestion in this assessment');
  if (suggestion.status !== 'open')
    throw new PkimmError('CONFLICT', `this suggestion was already ${suggestion.status}`);
  const level =
    decision.action === 'accept' ? suggestion.level : decision.action === 'change' ? decision.level : null;
  if (level !== null) {
    await saveAnswer(deps, principal, {
      assessmentId,
      expectedVersion: opened.record.version,
      change: { target: 'requirement', key: suggestion.requirement, field: 'level', value: level as Rating },
    });
  }
  const status =
    decision.action === 'accept' ? 'accepted' : decision.action === 'change' ? 'changed' : 'rejected';
  const at = deps.now();
  const decided = await decideSuggestion(deps.database.db, suggestionId, {
    status,
    level,
    by: opened.principal.userId,
    at: at.toISOString(),
  });
  if (!decided) throw new PkimmError('CONFLICT', 'this suggestion was decided by someone else meanwhile');
  await appendLogEntry(deps.database.db, {
    assessmentId,
    orgId: opened.record.orgId,
    at: at.toISOString(),
    actor: opened.principal.userId,
    event: `suggestion.${status}`,
    detail: {
      suggestion: suggestionId,
      requirement: suggestion.requirement,
      suggested: suggestion.level,
      level,
    },
  });
  await recordAudit(deps.database.db, {
    orgId: opened.record.orgId,
    actorUserId: opened.principal.userId,
    event: `scan.suggestion.${status}`,
    detail: {
      assessmentId,
      suggestionId,
      requirement: suggestion.requirement,
      suggested: suggestion.level,
      level,
    },
    at,
  });
  const after = await openAssessment(deps, principal, assessmentId, 'read');
  const record = await getSuggestion(deps.database.db, suggestionId);
  return suggestionView(record ?? suggestion, after.assessment);
}
