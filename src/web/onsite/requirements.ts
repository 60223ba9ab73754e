import { indexModel } from '../../core/model/model-index.js';
import type { Model, Requirement } from '../../core/model/model.types.js';

/** "G.1.1 Sponsor support": how the registers and the workshop name a requirement. */
export function requirementLabel(model: Model, key: string): string {
  const requirement = indexModel(model).requirementByKey.get(key);
  return requirement ? `${requirement.position} ${requirement.name}` : key;
}

/** The requirements whose position, name or key contains `filter` (any case), in model order. */
export function matchingRequirements(model: Model, filter: string): Requirement[] {
  const needle = filter.trim().toLowerCase();
  const all = indexModel(model).requirements;
  if (!needle) return all;
  return all.filter((r) => [r.position, r.name, r.key].some((text) => text.toLowerCase().includes(needle)));
}
