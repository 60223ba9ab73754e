/**
 * Marking requirements as already answered by an existing audit. Each write is one revision
 * (kind `audit-set` / `audit-remove`, the entry before and after at `audits.<key>`), so undo,
 * restore, the hash-chained log and the sign-off freeze cover it like any other change.
 * Recording audit evidence is an annotation: contributors may do it, viewers may not.
 */
import type { Assessment } from '../../core/assessment/assessment.types.js';
import { setOwn } from '../../core/assessment/compact.js';
import { zodIssuesToPathIssues } from '../../core/assessment/zod-issues.js';
import {
  auditCreditSchema,
  normaliseAudits,
  type AuditCreditEntry,
  type AuditCredits,
} from '../../core/crosswalk/audit-credits.js';
import { PkimmError } from '../../core/errors.js';
import { indexModel } from '../../core/model/model-index.js';
import type { Principal } from '../auth/principal.js';
import { commitAndReply } from '../assessments/commit-change.js';
import type { ServiceDeps } from '../assessments/deps.js';
import { runIdempotent, type IdempotencyRequest, type ServiceResponse } from '../assessments/idempotency.js';
import { documentOf } from '../assessments/loaded-assessment.js';
import { openAssessment, openForWrite } from '../assessments/open-assessment.js';

export interface AuditReply {
  key: string;
  credit: AuditCreditEntry | null;
  version: number;
}

export interface ChangeAuditInput {
  assessmentId: string;
  key: string;
  expectedVersion: number;
  /** The new entry; null removes it. */
  credit: unknown;
  idempotency?: IdempotencyRequest | undefined;
}

export async function readAudits(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
): Promise<{ version: number; audits: AuditCredits }> {
  const { assessment, record } = await openAssessment(deps, principal, assessmentId, 'read');
  return { version: record.version, audits: assessment.audits ?? {} };
}

export async function changeAudit(
  deps: ServiceDeps,
  principal: Principal | null,
  input: ChangeAuditInput,
): Promise<ServiceResponse<AuditReply>> {
  return runIdempotent(deps, input.idempotency, async (keep) => {
    const opened = await openForWrite(deps, principal, input.assessmentId, 'annotate', input.expectedVersion);
    const { assessment, model, record } = opened;
    const { key } = input;
    if (!indexModel(model).requirementByKey.has(key))
      throw new PkimmError('UNKNOWN_ID', `no requirement "${key}" in ${model.id} ${model.version}`, {
        issues: [{ path: 'key', message: 'must be a requirement key of the assessment’s model version' }],
      });
    const audits = assessment.audits ?? {};
    const before = Object.hasOwn(audits, key) ? audits[key]! : null;
    const credit = input.credit === null ? null : checked(input.credit);
    if (credit === null && before === null)
      throw new PkimmError('NOT_FOUND', `requirement ${key} has no audit recorded`);
    const next: AuditCredits = {};
    for (const [k, v] of Object.entries(audits)) if (k !== key) setOwn(next, k, v);
    if (credit) setOwn(next, key, credit);
    const { audits: _old, ...rest } = assessment;
    const normalised = normaliseAudits(next);
    const nextAssessment: Assessment = normalised ? { ...rest, audits: normalised } : rest;
    const at = deps.now().toISOString();
    const version = input.expectedVersion + 1;
    return commitAndReply(
      deps,
      keep,
      { key, credit: normalised?.[key] ?? null, version },
      {
        assessmentId: record.id,
        expectedVersion: input.expectedVersion,
        actor: opened.principal.userId,
        at,
        kind: credit ? 'audit-set' : 'audit-remove',
        change: { path: ['audits', key], before, after: normalised?.[key] ?? null },
        nextDocument: documentOf(nextAssessment, model),
      },
    );
  });
}

function checked(body: unknown): AuditCreditEntry {
  const parsed = auditCreditSchema.safeParse(body);
  if (!parsed.success)
    throw new PkimmError('VALIDATION_FAILED', 'the audit entry is not valid', {
      issues: zodIssuesToPathIssues(parsed.error.issues).map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    });
  return parsed.data as AuditCreditEntry;
}
