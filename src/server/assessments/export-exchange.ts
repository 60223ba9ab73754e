import {
  erambaFile,
  exportAssessmentAs,
  type ExchangeFormat,
  type ExportedFile,
} from '../../exchange/export-formats.js';
import { listEvidence } from '../../persistence/repositories/assessments/evidence.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from './deps.js';
import { recordExport } from './export-assessment.js';
import { openAssessment } from './open-assessment.js';

/**
 * Writes a stored assessment in one of the exchange formats (xlsx, csv, oscal, and our own and
 * the official format). The CSV counts the evidence attached to each requirement; OSCAL's
 * document version is the assessment's revision. Each export is an audit event.
 */
export async function exportExchange(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
  format: ExchangeFormat,
  ip: string,
  options: { satisfiedFrom?: number | undefined } = {},
): Promise<ExportedFile> {
  const { record, assessment, model, principal: user } = await openAssessment(deps, principal, id, 'read');
  const evidenceItems = format === 'csv' ? await evidenceCounts(deps, record.id) : undefined;
  const file = await exportAssessmentAs(assessment, model, format, {
    now: deps.now(),
    documentVersion: String(record.version),
    ...(evidenceItems ? { evidenceItems } : {}),
    ...(options.satisfiedFrom === undefined ? {} : { satisfiedFrom: options.satisfiedFrom }),
  });
  await recordExport(deps, { orgId: record.orgId, assessmentId: record.id, userId: user.userId }, format, ip);
  return file;
}

async function evidenceCounts(deps: ServiceDeps, assessmentId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const item of await listEvidence(deps.database.db, assessmentId)) {
    for (const key of item.requirementKeys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The Eramba CSV of a model version; model texts are public, so no access check. */
export async function erambaExport(
  deps: ServiceDeps,
  modelId: string,
  version: string,
): Promise<ExportedFile> {
  return erambaFile(await deps.registry.get(modelId, version));
}
