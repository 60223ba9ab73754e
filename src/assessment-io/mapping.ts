import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PkimmError } from '../core/errors.js';
import { parseIdMapping, type IdMapping } from '../core/migration/id-mapping.js';
import { packageRoot } from '../io/package-root.js';
import { readInputFile } from '../io/read-input.js';
import { parseYamlDocument } from '../io/yaml-document.js';

/** The bundled mapping file between two model versions, e.g. `model/mappings/pkimm-1.0.0-to-2.0.0.yaml`. */
export function mappingPath(from: string, to: string): string {
  let root: string;
  try {
    root = packageRoot();
  } catch (error) {
    throw new PkimmError('FILE_UNREADABLE', 'cannot find the pkimm package and its bundled id mappings', {
      cause: error,
    });
  }
  return join(root, 'model', 'mappings', `pkimm-${from}-to-${to}.yaml`);
}

/** Loads and validates the bundled id mapping between two model versions (1.0.0 → 2.0.0 by default). */
export async function loadIdMapping(from = '1.0.0', to = '2.0.0'): Promise<IdMapping> {
  const path = mappingPath(from, to);
  if (!existsSync(path))
    throw new PkimmError(
      'MIGRATION_UNSUPPORTED',
      `no migration from pkimm ${from} to ${to} (no mapping file)`,
      { source: path },
    );
  const doc = parseYamlDocument(await readInputFile(path), path);
  const { mapping, issues } = parseIdMapping(doc.value);
  if (!mapping)
    throw new PkimmError('MODEL_INVALID', 'the id mapping is not valid', {
      source: path,
      issues: doc.withLines(issues),
    });
  if (mapping.from !== from || mapping.to !== to) {
    throw new PkimmError(
      'MODEL_INVALID',
      `the file maps ${mapping.from} → ${mapping.to}, not ${from} → ${to}`,
      { source: path },
    );
  }
  return mapping;
}
