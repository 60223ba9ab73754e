import { PkimmError } from '../../core/errors.js';
import type { Inventory } from '../../core/scan/scan.types.js';
import {
  getEvidence,
  getEvidenceContent,
  listEvidence,
} from '../../persistence/repositories/assessments/evidence.js';
import { listSuggestions } from '../../persistence/repositories/scans.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from '../assessments/deps.js';
import { openAssessment } from '../assessments/open-assessment.js';
import {
  scanListItem,
  suggestionView,
  type ScanDetail,
  type ScanListItem,
  type SuggestionView,
} from './scan-views.js';

/** An assessment's scans, newest first (summaries only). */
export async function listScans(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
): Promise<ScanListItem[]> {
  await openAssessment(deps, principal, assessmentId, 'read');
  const evidence = await listEvidence(deps.database.db, assessmentId);
  return evidence
    .filter((e) => e.kind === 'scan')
    .map(scanListItem)
    .reverse();
}

/** One scan's whole inventory; 404 for a scan of another assessment. */
export async function getScan(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  scanId: string,
): Promise<ScanDetail> {
  await openAssessment(deps, principal, assessmentId, 'read');
  const record = await getEvidence(deps.database.db, scanId);
  if (!record || record.assessmentId !== assessmentId || record.kind !== 'scan')
    throw new PkimmError('NOT_FOUND', 'no such scan in this assessment');
  const content = await getEvidenceContent(deps.database.db, scanId);
  const inventory = JSON.parse(Buffer.from(content ?? new Uint8Array()).toString('utf8')) as Inventory;
  return { ...inventory, id: record.id, createdAt: record.createdAt, createdBy: record.createdBy };
}

/** Every suggestion of the assessment's scans with the requirement's current rating. */
export async function listSuggestionViews(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
): Promise<SuggestionView[]> {
  const opened = await openAssessment(deps, principal, assessmentId, 'read');
  const records = await listSuggestions(deps.database.db, assessmentId);
  return records.map((r) => suggestionView(r, opened.assessment));
}
