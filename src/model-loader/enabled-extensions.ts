import type { Assessment } from '../core/assessment/assessment.types.js';
import { PkimmError } from '../core/errors.js';
import type { Extension } from '../core/extensions/extension.types.js';
import type { ModelRegistry } from './registry.js';

/**
 * The installed extensions an assessment enables, and the ones it enables that are not
 * installed (so the caller can say so); any other failure to load one is an error.
 */
export async function enabledExtensions(
  registry: Pick<ModelRegistry, 'getExtension'>,
  assessment: Assessment,
): Promise<{ installed: Extension[]; missing: { id: string; version: string }[] }> {
  const installed: Extension[] = [];
  const missing: { id: string; version: string }[] = [];
  for (const enabled of assessment.extensions) {
    try {
      installed.push(await registry.getExtension(enabled.id, enabled.version));
    } catch (error) {
      if (!(error instanceof PkimmError) || error.code !== 'MODEL_NOT_FOUND') throw error;
      missing.push(enabled);
    }
  }
  return { installed, missing };
}
