import { randomUUID } from 'node:crypto';
import { parseAssessmentText } from '../../assessment-io/read-assessment.js';
import type { Principal } from '../auth/principal.js';
import type { AssessmentView } from './assessment-view.js';
import { storeNewAssessment } from './create-assessment.js';
import type { ServiceDeps } from './deps.js';
import type { KeepResponse, ServiceResponse } from './idempotency.js';
import { requireOrgCapability } from './org-access.js';

/** The name uploaded text goes by in messages (`import:12 requirements.x: …`). */
const SOURCE = 'import';

/**
 * Imports a whole assessment from YAML or JSON text in our format or the official export
 * (detected from the content). Every problem is reported at once with its line, and nothing
 * is stored unless the whole file is valid.
 */
export async function importAssessment(
  deps: ServiceDeps,
  principal: Principal | null,
  orgId: string,
  text: string,
  keep: KeepResponse = () => undefined,
): Promise<ServiceResponse<AssessmentView>> {
  // Who may import is checked before the text is parsed, so outsiders learn nothing from errors.
  const user = await requireOrgCapability(deps, principal, orgId, 'rate');
  const { assessment, model } = await parseAssessmentText(text, SOURCE, deps.registry);
  return storeNewAssessment(deps, user, orgId, { id: randomUUID(), assessment, model, kind: 'import' }, keep);
}
