/** Small pieces of the registry that need no registry state. */
import type { Extension } from '../core/extensions/extension.types.js';
import { indexModel } from '../core/model/model-index.js';
import { isRecord } from '../core/model/schema-parts.js';
import type { Model } from '../core/model/model.types.js';
import { readInputFile } from '../io/read-input.js';
import { parseYamlDocument, type SourceDocument } from '../io/yaml-document.js';

export interface RegistryEntry {
  id: string;
  version: string;
  origin: Model['origin'];
  /** For an extension: the categories it rates or overlays. */
  categories: number;
  /** For an extension: the requirements it overlays. */
  requirements: number;
  kind: 'model' | 'extension';
}

export function modelEntry(model: Model): RegistryEntry {
  const { categories, requirements } = indexModel(model);
  const counts = { categories: categories.length, requirements: requirements.length };
  return { id: model.id, version: model.version, origin: model.origin, ...counts, kind: 'model' };
}

export function extensionEntry(extension: Extension): RegistryEntry {
  const categories = new Set([
    ...extension.relevance.map((criterion) => criterion.categoryKey),
    ...Object.keys(extension.categoryOverlays),
    ...Object.keys(extension.requirementOverlays).map((key) => key.split('.').slice(0, 2).join('.')),
  ]);
  const requirements = Object.keys(extension.requirementOverlays).length;
  const { id, version } = extension;
  return { id, version, origin: 'imported', categories: categories.size, requirements, kind: 'extension' };
}

export async function readDocument(path: string): Promise<SourceDocument> {
  return parseYamlDocument(await readInputFile(path), path);
}

/** `extension.compatibility` read leniently before validation, to pick the model to validate against. */
export function peekCompatibility(value: unknown): string[] {
  const extension = isRecord(value) ? value['extension'] : undefined;
  const list = isRecord(extension) ? extension['compatibility'] : undefined;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/** Orders `x.y.z` versions numerically (1.10.0 after 1.9.0). */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => v.split('.').map(Number)) as [number[], number[]];
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Memoises a load; a failed load is forgotten so that a fixed file can be read again. */
export function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  const promise = load();
  cache.set(key, promise);
  promise.catch(() => cache.delete(key));
  return promise;
}
