import { PkimmError } from '../../../core/errors.js';
import {
  deleteEvidence as deleteRecord,
  getEvidence,
  getEvidenceContent,
  listEvidence as listRecords,
  type EvidenceRecord,
} from '../../../persistence/repositories/assessments/evidence.js';
import type { Capability, Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../deps.js';
import { assertNotFinal, openAssessment, type OpenedAssessment } from '../open-assessment.js';

/**
 * An evidence item with its assessment, if the principal may act on that assessment. An
 * outsider gets "no evidence …", never the assessment's id.
 */
async function openEvidence(
  deps: ServiceDeps,
  principal: Principal | null,
  evidenceId: string,
  capability: Capability,
): Promise<{ evidence: EvidenceRecord; opened: OpenedAssessment }> {
  const missing = new PkimmError('NOT_FOUND', `no evidence ${evidenceId}`);
  const evidence = await getEvidence(deps.database.db, evidenceId);
  if (!evidence) throw missing;
  try {
    return { evidence, opened: await openAssessment(deps, principal, evidence.assessmentId, capability) };
  } catch (error) {
    if (error instanceof PkimmError && error.code === 'NOT_FOUND') throw missing;
    throw error;
  }
}

export async function listEvidence(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
): Promise<EvidenceRecord[]> {
  await openAssessment(deps, principal, assessmentId, 'read');
  return listRecords(deps.database.db, assessmentId);
}

/** A file item's bytes with what is needed to serve them safely. */
export async function evidenceContent(
  deps: ServiceDeps,
  principal: Principal | null,
  evidenceId: string,
): Promise<{ evidence: EvidenceRecord; content: Uint8Array }> {
  const { evidence } = await openEvidence(deps, principal, evidenceId, 'read');
  const content =
    evidence.kind === 'file' || evidence.kind === 'scan'
      ? await getEvidenceContent(deps.database.db, evidenceId)
      : null;
  if (!content) throw new PkimmError('NOT_FOUND', `evidence ${evidenceId} is a ${evidence.kind}, not a file`);
  return { evidence, content };
}

export async function deleteEvidence(
  deps: ServiceDeps,
  principal: Principal | null,
  evidenceId: string,
): Promise<void> {
  const { opened } = await openEvidence(deps, principal, evidenceId, 'annotate');
  assertNotFinal(opened);
  await deleteRecord(deps.database.db, evidenceId, {
    actor: opened.principal.userId,
    at: deps.now().toISOString(),
  });
}
