import type { Assessment } from '../../core/assessment/assessment.types.js';
import { validateAgainstModel } from '../../core/assessment/validate-against-model.js';
import { PkimmError } from '../../core/errors.js';
import {
  importReport,
  mergeAssessments,
  replaceAssessment,
  type ImportReport,
} from '../../exchange/merge/merge-assessments.js';
import { readAssessmentBytes, type ImportFormat } from '../../exchange/read-assessment-bytes.js';
import { recordAudit } from '../../persistence/repositories/audit.js';
import type { Principal } from '../auth/principal.js';
import { assessmentView, type AssessmentView } from './assessment-view.js';
import { commitAndReply } from './commit-change.js';
import type { ServiceDeps } from './deps.js';
import { etagOf } from './etag.js';
import { runIdempotent, type IdempotencyRequest, type ServiceResponse } from './idempotency.js';
import { uploadLimits } from './import-assessment.js';
import { documentOf, type LoadedAssessment } from './loaded-assessment.js';
import { assertNoIssues } from './model-issues.js';
import { assertNotFinal, assertVersion, openAssessment } from './open-assessment.js';

export type ExistingImportMode = 'replace' | 'merge';

export interface ImportIntoInput {
  assessmentId: string;
  mode: ExistingImportMode;
  content: Buffer;
  /** The version the caller saw (If-Match); the CLI passes the current one. */
  expectedVersion: number;
  /** The upload's file name, for messages. */
  source?: string;
  idempotency?: IdempotencyRequest | undefined;
}

export interface ImportIntoResult {
  assessment: AssessmentView;
  format: ImportFormat;
  report: ImportReport;
}

/**
 * Imports a file into an existing assessment. `replace` makes the file's content the stored
 * content; `merge` lets the file fill in and override (mergeAssessments says exactly how).
 * Either is one revision (kind `import-replace` / `import-merge`) holding the whole document
 * before and after, like a restore, so it can be undone; and an audit event. A file for
 * another model version, or naming another assessment, is refused with 422 before anything
 * is written; an import that changes nothing writes nothing.
 */
export async function importIntoAssessment(
  deps: ServiceDeps,
  principal: Principal | null,
  input: ImportIntoInput,
  ip = 'cli',
): Promise<ServiceResponse<ImportIntoResult>> {
  return runIdempotent(deps, input.idempotency, async (keep) => {
    // The access check comes first, so outsiders learn nothing from the file's problems.
    const opened = await openAssessment(deps, principal, input.assessmentId, 'rate');
    assertNotFinal(opened);
    assertVersion(opened, input.expectedVersion);
    const source = input.source ?? 'import';
    const file = await readAssessmentBytes(input.content, source, deps.registry, uploadLimits(deps));
    assertFits(opened, file.assessment, source);
    const { record, model, assessment: stored } = opened;
    const next =
      input.mode === 'replace'
        ? replaceAssessment(stored, file.assessment)
        : mergeAssessments(stored, file.assessment);
    assertNoIssues(validateAgainstModel(next, model), `the ${input.mode}d assessment would not be valid`);
    const before = documentOf(stored, model);
    const after = documentOf(next, model);
    const report = importReport(input.mode, stored, file.assessment, next);
    if (JSON.stringify(before) === JSON.stringify(after)) {
      return {
        status: 200,
        etag: etagOf(record.version),
        body: { assessment: assessmentView(record, stored), format: file.format, report },
      };
    }
    const at = deps.now().toISOString();
    const version = input.expectedVersion + 1;
    const body: ImportIntoResult = {
      assessment: assessmentView(
        {
          ...record,
          title: next.title,
          mode: next.mode,
          type: next.type ?? null,
          version,
          document: after,
          updatedAt: at,
        },
        next,
      ),
      format: file.format,
      report,
    };
    const response = await commitAndReply(deps, keep, body, {
      assessmentId: record.id,
      expectedVersion: input.expectedVersion,
      actor: opened.principal.userId,
      at,
      kind: `import-${input.mode}`,
      change: { path: [], before, after },
      nextDocument: after,
      nextColumns: { title: next.title, type: next.type ?? null, mode: next.mode },
    });
    await recordAudit(deps.database.db, {
      orgId: record.orgId,
      actorUserId: opened.principal.userId,
      event: 'assessment.imported',
      detail: {
        assessmentId: record.id,
        mode: input.mode,
        format: file.format,
        version,
        added: report.added.length,
        changed: report.changed.length,
        removed: report.removed.length,
      },
      ip,
      at: deps.now(),
    });
    return response;
  });
}

/** The file must be for the assessment's model version and must not name another assessment. */
function assertFits(opened: LoadedAssessment, file: Assessment, source: string): void {
  const { record, assessment: stored } = opened;
  const target = `${record.modelId} ${record.modelVersion}`;
  if (file.model.id !== record.modelId || file.model.version !== record.modelVersion) {
    throw new PkimmError(
      'ASSESSMENT_INVALID',
      `the file is for ${file.model.id} ${file.model.version}, but assessment ${record.id} is ${target}; migrate the file first (pkimm migrate) or import it as a new assessment`,
      { source, issues: [{ path: 'model', message: `expected ${target}` }] },
    );
  }
  if (file.id !== undefined && file.id !== record.id && file.id !== stored.id) {
    throw new PkimmError(
      'ASSESSMENT_INVALID',
      `the file is assessment ${file.id}, not ${record.id}; import it as a new assessment, or remove its id to apply it here`,
      { source, issues: [{ path: 'id', message: `expected ${stored.id ?? record.id} or no id` }] },
    );
  }
}
