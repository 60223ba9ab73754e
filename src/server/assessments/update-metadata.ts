import { PkimmError } from '../../core/errors.js';
import type { RevisionChange } from '../../persistence/repositories/assessments/revisions.js';
import type { Principal } from '../auth/principal.js';
import { assessmentView, type AssessmentView } from './assessment-view.js';
import { commitAndReply } from './commit-change.js';
import type { ServiceDeps } from './deps.js';
import { runIdempotent, type IdempotencyRequest, type ServiceResponse } from './idempotency.js';
import { documentOf } from './loaded-assessment.js';
import { applyMetadata, patchedFields, type MetadataPatch } from './metadata.js';
import { openForWrite } from './open-assessment.js';

export interface UpdateMetadataInput {
  assessmentId: string;
  expectedVersion: number;
  patch: MetadataPatch;
  idempotency?: IdempotencyRequest | undefined;
}

/** Changes the assessment's details (title, type, organisation, assessor, dates, scope) as one revision. */
export async function updateMetadata(
  deps: ServiceDeps,
  principal: Principal | null,
  input: UpdateMetadataInput,
): Promise<ServiceResponse<AssessmentView>> {
  const fields = patchedFields(input.patch);
  if (fields.length === 0) {
    throw new PkimmError('VALIDATION_FAILED', 'the request body is invalid', {
      issues: [
        { path: 'body', message: 'name at least one of title, type, organisation, assessor, dates, scope' },
      ],
    });
  }
  return runIdempotent(deps, input.idempotency, async (keep) => {
    const opened = await openForWrite(deps, principal, input.assessmentId, 'rate', input.expectedVersion);
    const { assessment, model, record } = opened;
    const next = applyMetadata(assessment, input.patch);
    const before = documentOf(assessment, model);
    const after = documentOf(next, model);
    const at = deps.now().toISOString();
    const version = input.expectedVersion + 1;
    const body = assessmentView(
      { ...record, title: next.title, type: next.type ?? null, version, document: after, updatedAt: at },
      next,
    );
    return commitAndReply(deps, keep, body, {
      assessmentId: record.id,
      expectedVersion: input.expectedVersion,
      actor: opened.principal.userId,
      at,
      kind: 'metadata',
      change: topLevelChange(before, after, fields),
      nextDocument: after,
      nextColumns: { title: next.title, type: next.type ?? null },
    });
  });
}

/** One field: its path and values; several: the changed top-level keys side by side. */
function topLevelChange(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  keys: readonly string[],
): RevisionChange {
  const value = (doc: Record<string, unknown>, key: string) => (Object.hasOwn(doc, key) ? doc[key] : null);
  const [only] = keys;
  if (keys.length === 1 && only !== undefined)
    return { path: [only], before: value(before, only), after: value(after, only) };
  return {
    path: [],
    before: Object.fromEntries(keys.map((k) => [k, value(before, k)])),
    after: Object.fromEntries(keys.map((k) => [k, value(after, k)])),
  };
}
