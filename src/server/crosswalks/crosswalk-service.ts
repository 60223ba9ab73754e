/**
 * Crosswalk views of stored assessments: the pack, the assessment as the caller may read it,
 * the id mapping when the assessment is on another model version, and the audits recorded on it.
 */
import type { CrosswalkView } from '../../core/crosswalk/crosswalk-view.js';
import { crosswalkViews } from '../../assessment-io/crosswalk-views.js';
import { CrosswalkCatalog } from '../../model-loader/crosswalks.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from '../assessments/deps.js';
import { openAssessment } from '../assessments/open-assessment.js';

const catalogs = new WeakMap<ServiceDeps['registry'], CrosswalkCatalog>();

/** One catalog per model registry (so per app), loaded on first use and kept. */
export function crosswalkCatalog(deps: Pick<ServiceDeps, 'registry' | 'config'>): CrosswalkCatalog {
  let catalog = catalogs.get(deps.registry);
  if (!catalog) {
    const dir = deps.config.crosswalksDir;
    catalog = new CrosswalkCatalog(deps.registry, dir === undefined ? {} : { userDir: dir });
    catalogs.set(deps.registry, catalog);
  }
  return catalog;
}

export async function readCrosswalkView(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  packId: string,
  threshold: number,
): Promise<CrosswalkView & { version: number }> {
  const { model, assessment, record } = await openAssessment(deps, principal, assessmentId, 'read');
  const [view] = await crosswalkViews(crosswalkCatalog(deps), [packId], model, assessment, threshold);
  return { ...view!, version: record.version };
}
