import { isPlainObject, setOwn } from '../../core/assessment/compact.js';
import type { RevisionRecord } from '../../persistence/repositories/assessments/revisions.js';

type Doc = Record<string, unknown>;

/**
 * The document as it was before `revisions` were made, given the document after them and
 * the revisions newest first. Each revision holds whole entries, so putting its `before`
 * back at its path is an exact undo; status revisions do not touch the document.
 */
export function undoRevisions(current: unknown, revisions: readonly RevisionRecord[]): Doc {
  let doc = structuredClone(current) as Doc;
  for (const revision of revisions) {
    if (revision.kind === 'status') continue;
    doc = undoOne(doc, revision.change.path, revision.change.before, revision.change.after);
  }
  return doc;
}

function undoOne(doc: Doc, path: readonly string[], before: unknown, after: unknown): Doc {
  if (path.length === 0) {
    // The top-level keys either side held; a key only `after` has did not exist before.
    const keys = new Set([
      ...Object.keys(isPlainObject(before) ? before : {}),
      ...Object.keys(isPlainObject(after) ? after : {}),
    ]);
    const previous = isPlainObject(before) ? before : {};
    for (const key of keys) put(doc, key, Object.hasOwn(previous, key) ? previous[key] : null);
    return doc;
  }
  let parent = doc;
  for (const segment of path.slice(0, -1)) {
    const child = Object.hasOwn(parent, segment) ? parent[segment] : undefined;
    if (!isPlainObject(child)) {
      const created: Doc = {};
      setOwn(parent, segment, created);
      parent = created;
    } else parent = child;
  }
  put(parent, path[path.length - 1] as string, before);
  return doc;
}

function put(target: Doc, key: string, value: unknown): void {
  if (value === null || value === undefined) delete target[key];
  else setOwn(target, key, structuredClone(value));
}
