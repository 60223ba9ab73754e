import type { Inventory, RatingSuggestion } from '../core/scan/scan.types.js';
import { createInventoryBuilder } from '../core/scan/inventory-builder.js';
import { suggestRatings } from '../core/scan/rules/index.js';
import type { ScanSource } from './source.js';

export interface ScanProgress {
  /** Certificate occurrences read so far. */
  certificates: number;
  skipped: number;
  /** Inputs (files, endpoints, exports) finished, and how many there are when every source could tell. */
  inputs: number;
  totalInputs?: number;
  /** The source being read. */
  source: string;
}

export interface RunScanOptions {
  /** ISO instant the expiry indicators are measured against. */
  now: string;
  knownIssuers?: string[];
  automatedIssuers?: string[];
  /** Called after every item; cheap to call, so a bar can redraw at its own rate. */
  onProgress?: (progress: ScanProgress) => void;
}

export interface ScanResult {
  inventory: Inventory;
  suggestions: RatingSuggestion[];
}

/**
 * Reads every source in turn and folds what they emit into one inventory. Sources report
 * unreadable items themselves; an exception here means a source could not start at all.
 */
export async function runScan(sources: readonly ScanSource[], options: RunScanOptions): Promise<ScanResult> {
  const builder = createInventoryBuilder({
    now: options.now,
    ...(options.knownIssuers ? { knownIssuers: options.knownIssuers } : {}),
    ...(options.automatedIssuers ? { automatedIssuers: options.automatedIssuers } : {}),
  });
  const totalInputs = options.onProgress ? await countInputs(sources) : undefined;
  let inputs = 0;
  for (const source of sources) {
    for await (const event of source.events()) {
      builder.add(event);
      if (event.type === 'input') inputs += 1;
      if (options.onProgress && event.type !== 'algorithm' && event.type !== 'key') {
        const done = totalInputs === undefined ? inputs : Math.min(inputs, totalInputs);
        options.onProgress({
          ...builder.counts(),
          inputs: done,
          ...(totalInputs === undefined ? {} : { totalInputs }),
          source: source.name,
        });
      }
    }
  }
  const inventory = builder.finish();
  return { inventory, suggestions: suggestRatings(inventory) };
}

async function countInputs(sources: readonly ScanSource[]): Promise<number | undefined> {
  let total = 0;
  for (const source of sources) {
    if (!source.countInputs) return undefined;
    total += await source.countInputs();
  }
  return total;
}
