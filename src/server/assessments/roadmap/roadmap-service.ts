import { indexModel } from '../../../core/model/model-index.js';
import { PkimmError } from '../../../core/errors.js';
import { diffAssessments, type AssessmentDiff } from '../../../core/diff/diff-assessments.js';
import { buildRoadmap } from '../../../core/roadmap/build-roadmap.js';
import {
  compactRoadmapSettings,
  validateRoadmapSettings,
  type RoadmapSettings,
} from '../../../core/roadmap/roadmap-settings.js';
import type { Roadmap } from '../../../core/roadmap/roadmap.types.js';
import { loadIdMapping } from '../../../assessment-io/mapping.js';
import type { Principal } from '../../auth/principal.js';
import { assessmentView, type AssessmentView } from '../assessment-view.js';
import { commitAndReply } from '../commit-change.js';
import type { ServiceDeps } from '../deps.js';
import { runIdempotent, type IdempotencyRequest, type ServiceResponse } from '../idempotency.js';
import { documentOf } from '../loaded-assessment.js';
import { openAssessment, openForWrite } from '../open-assessment.js';

export interface SetRoadmapInput {
  assessmentId: string;
  expectedVersion: number;
  settings: RoadmapSettings;
  idempotency?: IdempotencyRequest | undefined;
}

/**
 * Replaces the assessment's targets and track overrides as one revision (kind `roadmap`), so
 * undo and the audit log cover it. Keys the model does not have are refused with their path.
 */
export async function setRoadmapSettings(
  deps: ServiceDeps,
  principal: Principal | null,
  input: SetRoadmapInput,
): Promise<ServiceResponse<AssessmentView>> {
  return runIdempotent(deps, input.idempotency, async (keep) => {
    const opened = await openForWrite(deps, principal, input.assessmentId, 'rate', input.expectedVersion);
    const { assessment, model, record } = opened;
    const issues = validateRoadmapSettings(input.settings, indexModel(model), `${model.id} ${model.version}`);
    if (issues.length > 0)
      throw new PkimmError('ASSESSMENT_INVALID', 'the roadmap settings do not fit the model', {
        issues: issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
    const roadmap = compactRoadmapSettings(input.settings);
    const { roadmap: _old, ...rest } = assessment;
    const next = roadmap ? { ...rest, roadmap } : rest;
    const after = documentOf(next, model);
    const at = deps.now().toISOString();
    const version = input.expectedVersion + 1;
    const body = assessmentView({ ...record, version, document: after, updatedAt: at }, next);
    return commitAndReply(deps, keep, body, {
      assessmentId: record.id,
      expectedVersion: input.expectedVersion,
      actor: opened.principal.userId,
      at,
      kind: 'roadmap',
      change: { path: ['roadmap'], before: assessment.roadmap ?? null, after: roadmap ?? null },
      nextDocument: after,
    });
  });
}

/** The roadmap computed on read; `overallTarget` replaces the stored overall target for this answer only. */
export async function readRoadmap(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
  overallTarget?: 1 | 2 | 3 | 4 | 5,
): Promise<Roadmap & { version: number; mode: 'self' | 'full' }> {
  const { model, assessment, record } = await openAssessment(deps, principal, id, 'read');
  const roadmap = buildRoadmap(model, assessment, overallTarget === undefined ? {} : { overallTarget });
  return { ...roadmap, version: record.version, mode: assessment.mode };
}

/** Two assessments the caller may read (else 404), compared; across 1.0.0 and 2.0.0 through the mapping. */
export async function diffStored(
  deps: ServiceDeps,
  principal: Principal | null,
  a: string,
  b: string,
): Promise<AssessmentDiff> {
  const first = await openAssessment(deps, principal, a, 'read');
  const second = await openAssessment(deps, principal, b, 'read');
  const mapping = first.model.version === second.model.version ? undefined : await loadIdMapping();
  return diffAssessments(first, second, mapping);
}
