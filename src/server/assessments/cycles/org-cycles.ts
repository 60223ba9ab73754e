import { listAssessments } from '../../../persistence/repositories/assessments/assessments.js';
import { defaultCycle, listCycles, type CycleRecord } from '../../../persistence/repositories/cycles.js';
import type { ServiceDeps } from '../deps.js';
import { loadAssessment, type LoadedAssessment } from '../loaded-assessment.js';

export interface CycledAssessment extends LoadedAssessment {
  cycle: CycleRecord;
  /** Where it sits in time: its finish date when given, else its last change (for a final one, when it was made final). */
  at: string;
}

/** Every assessment of an organisation with its scope and cycle data, oldest first. */
export async function loadOrgCycles(deps: ServiceDeps, orgId: string): Promise<CycledAssessment[]> {
  const [records, cycles] = await Promise.all([
    listAssessments(deps.database.db, orgId),
    listCycles(deps.database.db, orgId),
  ]);
  const loaded = await Promise.all(
    records.map(async (record): Promise<CycledAssessment> => {
      const opened = await loadAssessment(deps, record);
      const cycle = cycles.get(record.id) ?? defaultCycle(record.id, orgId);
      return { ...opened, cycle, at: placedAt(opened) };
    }),
  );
  return loaded.sort((a, b) => a.at.localeCompare(b.at) || a.record.id.localeCompare(b.record.id));
}

export function placedAt({ record, assessment }: LoadedAssessment): string {
  return assessment.dates?.finish ?? record.updatedAt;
}
