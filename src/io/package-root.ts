import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PkimmError } from '../core/errors.js';

let cached: string | undefined;

/**
 * The directory of pkimm's package.json, found by walking up from this file. Works the same
 * from `src/` (tsx, vitest) and from the compiled `dist/`, so bundled data is found either way.
 */
export function packageRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  if (cached) return cached;
  for (let dir = start; ; dir = dirname(dir)) {
    if (isPkimmPackage(join(dir, 'package.json'))) return (cached = dir);
    if (dirname(dir) === dir) {
      throw new PkimmError(
        'FILE_UNREADABLE',
        `cannot find the pkimm package (its package.json) above ${start}`,
      );
    }
  }
}

function isPkimmPackage(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'pkimm';
  } catch {
    return false; // an unreadable or foreign package.json: keep walking up
  }
}
