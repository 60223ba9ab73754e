import type { Assessment } from '../assessment/assessment.types.js';
import type { ModuleId } from '../model/model.types.js';

/**
 * The modules one assessment may take from another of the same organisation: Governance and
 * Resources describe the organisation (strategy, policy, people, training), which is usually
 * the same for every PKI it runs; Management and Operations are per PKI.
 */
export const SHARED_MODULES: readonly ModuleId[] = ['G', 'R'];

/** The module a module, category or requirement key belongs to (`G`, `G.strategy-and-vision`, …). */
export function moduleOfKey(key: string): string {
  return key.split('.')[0] ?? key;
}

export function isSharedKey(key: string): boolean {
  return (SHARED_MODULES as readonly string[]).includes(moduleOfKey(key));
}

/**
 * The consumer with its Governance and Resources answers (module decisions, categories,
 * requirements) replaced by the source's; everything else stays the consumer's own.
 */
export function withSharedAnswers(consumer: Assessment, source: Assessment): Assessment {
  const modules = { ...consumer.modules };
  for (const id of SHARED_MODULES) {
    const decision = source.modules[id];
    if (decision) modules[id] = decision;
    else delete modules[id];
  }
  return {
    ...consumer,
    modules,
    categories: merged(consumer.categories, source.categories),
    requirements: merged(consumer.requirements, source.requirements),
  };
}

function merged<T>(own: Record<string, T>, shared: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(own)) if (!isSharedKey(key)) out[key] = value;
  for (const [key, value] of Object.entries(shared)) if (isSharedKey(key)) out[key] = value;
  return out;
}
