import type { SerializeFormat } from './serialize.js';

/**
 * The output format for a path: the official export when asked for, otherwise our format as
 * JSON for `.json` and as YAML for anything else (`.yaml`, `.yml`, no extension).
 */
export function formatFromPath(path: string, target: 'pkimm' | 'official' = 'pkimm'): SerializeFormat {
  if (target === 'official') return 'official';
  return path.toLowerCase().endsWith('.json') ? 'pkimm-json' : 'pkimm-yaml';
}
