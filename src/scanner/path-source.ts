import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceEvent } from '../core/scan/scan.types.js';
import { fileInput, type ByteInput } from './input.js';
import type { ScanSource } from './source.js';
import { eventsOfInput, type InputReaderOptions } from './input-kind.js';

/**
 * Every file under the given paths, read one at a time in directory order, so a tree of
 * 100,000 certificate files is never listed in memory whole. A path that does not exist or
 * cannot be read is a skipped item, not the end of the scan.
 */
export function pathSource(paths: readonly string[], options: InputReaderOptions = {}): ScanSource {
  return {
    kind: 'file',
    name: paths.length === 1 ? (paths[0] ?? '') : `${paths.length} paths`,
    async countInputs() {
      let count = 0;
      for (const path of paths) for await (const _ of walk(path)) count += 1;
      return count;
    },
    async *events(): AsyncIterable<SourceEvent> {
      for (const path of paths) {
        for await (const item of walk(path)) {
          if ('reason' in item) yield { type: 'skipped', item };
          else yield* eventsOfInput(item, options);
        }
      }
    },
  };
}

type WalkItem = ByteInput | { location: string; reason: string };

async function* walk(path: string, depth = 0): AsyncIterable<WalkItem> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield { location: path, reason: describe(error) };
    return;
  }
  if (info.isFile()) {
    yield fileInput(path, info.size);
    return;
  }
  if (!info.isDirectory()) {
    yield { location: path, reason: 'neither a file nor a directory' };
    return;
  }
  // Symbolic links are followed by stat, so a loop would recurse forever without a limit.
  if (depth >= 32) {
    yield { location: path, reason: 'more than 32 directory levels deep (a symbolic-link loop?)' };
    return;
  }
  let dir;
  try {
    dir = await opendir(path);
  } catch (error) {
    yield { location: path, reason: describe(error) };
    return;
  }
  const names: string[] = [];
  for await (const entry of dir) names.push(entry.name);
  // A stable order makes two scans of the same tree report in the same order.
  names.sort();
  for (const name of names) {
    if (name.startsWith('.')) continue;
    yield* walk(join(path, name), depth + 1);
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
