import { serializeAssessment, type SerializeFormat } from '../../assessment-io/serialize.js';
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
  await recordAudit(deps.database.db, {
    orgId: record.orgId,
    actorUserId: user.userId,
    event: 'assessment.exported',
    detail: { assessmentId: record.id, format },
    ip,
    at: deps.now(),
  });
  const type = FILE_TYPES[format];
  return { text, fileName: `${slug(assessment.title)}${type.extension}`, contentType: type.contentType };
}

/** A file name from the title: letters, digits and dashes, never empty. */
function slug(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 80);
  return base === '' ? 'assessment' : base;
}
