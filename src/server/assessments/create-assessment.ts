import { randomUUID } from 'node:crypto';
import type { Assessment } from '../../core/assessment/assessment.types.js';
import { validateAgainstModel } from '../../core/assessment/validate-against-model.js';
import type { Model } from '../../core/model/model.types.js';
import { createAssessment as insertAssessment } from '../../persistence/repositories/assessments/assessments.js';
import type { Principal } from '../auth/principal.js';
import { assessmentView, type AssessmentView } from './assessment-view.js';
import type { ServiceDeps } from './deps.js';
import { etagOf } from './etag.js';
import type { KeepResponse, ServiceResponse } from './idempotency.js';
import { documentOf } from './loaded-assessment.js';
import { assertNoIssues } from './model-issues.js';
import { requireOrgCapability } from './org-access.js';
import { nonEmpty, type Loose } from './non-empty.js';

/** Request-shaped: optional fields may be present as undefined (zod's output). */
export interface NewAssessmentInput {
  title: string;
  model: { id: string; version: string };
  mode: Assessment['mode'];
  type?: Assessment['type'] | undefined;
  organisation?: string | undefined;
  assessor?: Loose<NonNullable<Assessment['assessor']>> | undefined;
  dates?: Loose<NonNullable<Assessment['dates']>> | undefined;
  scope?: Loose<NonNullable<Assessment['scope']>> | undefined;
}

/** A new, empty assessment of a model version; its id is also written into the document. */
export async function createAssessment(
  deps: ServiceDeps,
  principal: Principal | null,
  orgId: string,
  input: NewAssessmentInput,
  keep: KeepResponse = () => undefined,
): Promise<ServiceResponse<AssessmentView>> {
  const user = await requireOrgCapability(deps, principal, orgId, 'rate');
  const id = randomUUID();
  const model = await deps.registry.get(input.model.id, input.model.version);
  const assessment: Assessment = {
    id,
    title: input.title,
    model: { id: model.id, version: model.version },
    mode: input.mode,
    ...optional(input),
    modules: {},
    categories: {},
    requirements: {},
    extensions: [],
    relevance: {},
  };
  return storeNewAssessment(deps, user, orgId, { id, assessment, model, kind: 'create' }, keep);
}

/**
 * Stores an assessment as version 1 of a new record: creation and import alike. The caller
 * has checked that `user` may do this in the organisation.
 */
export async function storeNewAssessment(
  deps: ServiceDeps,
  user: Principal,
  orgId: string,
  input: { id: string; assessment: Assessment; model: Model; kind: 'create' | 'import' },
  keep: KeepResponse = () => undefined,
): Promise<ServiceResponse<AssessmentView>> {
  const { assessment, model } = input;
  assertNoIssues(validateAgainstModel(assessment, model), 'the assessment is not valid');
  const draft = newDraft({ id: input.id, orgId, assessment, model, userId: user.userId, at: deps.now() });
  const body = draft.view;
  const etag = etagOf(1);
  const kept = keep({ status: 201, etag, body });
  await insertAssessment(deps.database.db, {
    ...draft.row,
    kind: input.kind,
    ...(kept ? { idempotency: kept } : {}),
  });
  return { status: 201, etag, body };
}

/** What a new draft is stored as (without the revision kind) and how the API shows it, from one set of facts. */
export function newDraft(input: {
  id: string;
  orgId: string;
  assessment: Assessment;
  model: Model;
  userId: string;
  at: Date;
}): { row: Omit<Parameters<typeof insertAssessment>[1], 'kind'>; view: AssessmentView } {
  const { id, orgId, assessment, model } = input;
  const at = input.at.toISOString();
  const document = documentOf(assessment, model);
  const facts = {
    id,
    orgId,
    title: assessment.title,
    modelId: model.id,
    modelVersion: model.version,
    mode: assessment.mode,
    type: assessment.type ?? null,
    document,
  };
  return {
    row: { ...facts, actor: input.userId, at },
    view: assessmentView(
      { ...facts, status: 'draft', version: 1, createdBy: input.userId, createdAt: at, updatedAt: at },
      assessment,
    ),
  };
}

/** The optional details that were given, empty objects and strings left out. */
function optional(input: NewAssessmentInput): Partial<Assessment> {
  const out: Partial<Assessment> = {};
  if (input.type !== undefined) out.type = input.type;
  if (input.organisation) out.organisation = input.organisation;
  const assessor = nonEmpty(input.assessor);
  const dates = nonEmpty(input.dates);
  const scope = nonEmpty(input.scope);
  if (assessor) out.assessor = assessor;
  if (dates) out.dates = dates;
  if (scope) out.scope = scope;
  return out;
}
