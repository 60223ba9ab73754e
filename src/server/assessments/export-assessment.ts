import { serializeAssessment, type SerializeFormat } from '../../assessment-io/serialize.js';
import { fileSlug } from '../../exchange/export-formats.js';
import { recordAudit } from '../../persistence/repositories/audit.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from './deps.js';
import { openAssessment } from './open-assessment.js';

export interface ExportedFile {
  text: string;
  fileName: string;
  contentType: string;
}

const FILE_TYPES: Record<SerializeFormat, { extension: string; contentType: string }> = {
  'pkimm-yaml': { extension: '.pkimm.yaml', contentType: 'application/yaml; charset=utf-8' },
  'pkimm-json': { extension: '.pkimm.json', contentType: 'application/json; charset=utf-8' },
  official: { extension: '.yaml', contentType: 'application/yaml; charset=utf-8' },
};

/**
 * Writes the assessment as a file in our format or the official export. Exports take data
 * out of the platform, so each one is an audit event.
 */
export async function exportAssessment(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
  format: SerializeFormat,
  ip: string,
): Promise<ExportedFile> {
  const { record, assessment, model, principal: user } = await openAssessment(deps, principal, id, 'read');
  const text = serializeAssessment(assessment, model, format);
  await recordExport(deps, { orgId: record.orgId, assessmentId: record.id, userId: user.userId }, format, ip);
  const type = FILE_TYPES[format];
  return { text, fileName: `${fileSlug(assessment.title)}${type.extension}`, contentType: type.contentType };
}

/** Exports take data out of the platform: each one is an audit event, whatever the format. */
export async function recordExport(
  deps: ServiceDeps,
  what: { orgId: string; assessmentId: string; userId: string },
  format: string,
  ip: string,
): Promise<void> {
  await recordAudit(deps.database.db, {
    orgId: what.orgId,
    actorUserId: what.userId,
    event: 'assessment.exported',
    detail: { assessmentId: what.assessmentId, format },
    ip,
    at: deps.now(),
  });
}
