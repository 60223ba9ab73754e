/**
 * Where the model files shipped with pkimm live (under the package root, see io/package-root.ts).
 */
import { join } from 'node:path';
import type { LevelFile, ReferenceCatalog } from '../core/model/support-files-schema.js';
import { packageRoot } from '../io/package-root.js';
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

export function bundledFiles(): BundledFiles {
  const root = packageRoot();
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
