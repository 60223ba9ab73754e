/** Crosswalk views of one assessment for several packs, as the CLI and the server put them in reports. */
import type { Assessment } from '../core/assessment/assessment.types.js';
import { auditList } from '../core/crosswalk/audit-credits.js';
import { buildCrosswalkView, type CrosswalkView } from '../core/crosswalk/crosswalk-view.js';
import type { Model } from '../core/model/model.types.js';
import type { CrosswalkCatalog } from '../model-loader/crosswalks.js';
import { loadIdMapping } from './mapping.js';

export async function crosswalkViews(
  catalog: CrosswalkCatalog,
  packIds: readonly string[],
  model: Model,
  assessment: Assessment,
  threshold?: number,
): Promise<CrosswalkView[]> {
  const views: CrosswalkView[] = [];
  for (const id of new Set(packIds)) {
    const pack = await catalog.get(id);
    const mapping = model.version === pack.model ? undefined : await loadIdMapping(model.version, pack.model);
    const audits = auditList(assessment.audits);
    views.push(buildCrosswalkView({ pack, model, assessment, mapping, threshold, audits }));
  }
  return views;
}
