/**
 * Where the model files shipped with pkimm live. The package root is found by walking up from
 * this file to the `package.json` named "pkimm", so the same code works from `src/` (tsx,
 * vitest) and from the compiled `dist/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PkimmError } from '../core/errors.js';
import type { LevelFile, ReferenceCatalog } from '../core/model/model-schema.js';
import { readInputFile } from '../io/read-input.js';
import { parseLevelFileText, parseReferenceCatalogText } from './parse-model.js';

/** The model versions pkimm ships its own rendering of. */
export const BUNDLED_MODEL_VERSIONS: readonly string[] = ['1.0.0', '2.0.0'];

export interface BundledFiles {
  root: string;
  /** `model/pkimm-model-<version>.yaml`. */
  model(version: string): string;
  levels: string;
  /** The catalog that the 2.0.0 reference ids resolve in. */
  references: string;
}

let root: string | undefined;

export function findPackageRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (isPkimmPackage(join(dir, 'package.json'))) return dir;
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

export function bundledFiles(): BundledFiles {
  root ??= findPackageRoot();
  const modelDir = join(root, 'model');
  return {
    root,
    model: (version) => join(modelDir, `pkimm-model-${version}.yaml`),
    levels: join(modelDir, 'pkimm-levels.yaml'),
    references: join(modelDir, 'pkimm-references.yaml'),
  };
}

/** The generic levels and the references catalog every model is built with. */
export async function loadSupportFiles(): Promise<{ levels: LevelFile; references: ReferenceCatalog }> {
  const files = bundledFiles();
  const [levelsText, referencesText] = await Promise.all([
    readInputFile(files.levels),
    readInputFile(files.references),
  ]);
  return {
    levels: parseLevelFileText(levelsText, files.levels),
    references: parseReferenceCatalogText(referencesText, files.references),
  };
}
