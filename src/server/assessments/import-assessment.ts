import { randomUUID } from 'node:crypto';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../../exchange/limits.js';
import { readAssessmentBytes } from '../../exchange/read-assessment-bytes.js';
import type { Principal } from '../auth/principal.js';
import type { AssessmentView } from './assessment-view.js';
import { storeNewAssessment } from './create-assessment.js';
import type { ServiceDeps } from './deps.js';
import type { KeepResponse, ServiceResponse } from './idempotency.js';
import { requireOrgCapability } from './org-access.js';

/** The name uploaded text goes by in messages (`import:12 requirements.x: …`). */
const SOURCE = 'import';

/** The upload limits of this server: the configured upload size, the rest as by default. */
export function uploadLimits(deps: ServiceDeps): UploadLimits {
  return { ...DEFAULT_UPLOAD_LIMITS, maxFileBytes: deps.config.maxUploadBytes };
}

/**
 * Imports a whole assessment as a new one ("keep both"): YAML or JSON text in our format or
 * the official export (detected from the content), or an .xlsx workbook. Every problem is
 * reported at once with its line or cell, hostile files (zip bombs, deep nesting) are refused
 * before they are parsed, and nothing is stored unless the whole file is valid.
 */
export async function importAssessment(
  deps: ServiceDeps,
  principal: Principal | null,
  orgId: string,
  content: string | Buffer,
  keep: KeepResponse = () => undefined,
  source = SOURCE,
): Promise<ServiceResponse<AssessmentView>> {
  // Who may import is checked before the text is parsed, so outsiders learn nothing from errors.
  const user = await requireOrgCapability(deps, principal, orgId, 'rate');
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const { assessment, model } = await readAssessmentBytes(bytes, source, deps.registry, uploadLimits(deps));
  return storeNewAssessment(deps, user, orgId, { id: randomUUID(), assessment, model, kind: 'import' }, keep);
}
