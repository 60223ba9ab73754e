/**
 * The on-disk store of imported files: `<dataDir>/models/pkimm-model-<version>.yaml` and
 * `<dataDir>/models/extensions/<id>-<version>.yaml`. Writes are atomic (a temporary file in the
 * same directory, then a rename), so a reader never sees half a file.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PkimmError } from '../core/errors.js';

const MODEL_FILE = /^pkimm-model-(\d+\.\d+\.\d+)\.yaml$/;
const EXTENSION_FILE = /^([a-z][a-z0-9-]*)-(\d+\.\d+\.\d+)\.yaml$/;

export interface StoredExtension {
  id: string;
  version: string;
  path: string;
}

export class ModelStore {
  readonly modelsDir: string;
  readonly extensionsDir: string;

  constructor(dataDir: string) {
    this.modelsDir = join(dataDir, 'models');
    this.extensionsDir = join(this.modelsDir, 'extensions');
  }

  modelPath(version: string): string {
    return join(this.modelsDir, `pkimm-model-${version}.yaml`);
  }

  extensionPath(id: string, version: string): string {
    return join(this.extensionsDir, `${id}-${version}.yaml`);
  }

  async modelVersions(): Promise<string[]> {
    return (await names(this.modelsDir)).flatMap((name) => MODEL_FILE.exec(name)?.[1] ?? []);
  }

  async extensions(): Promise<StoredExtension[]> {
    return (await names(this.extensionsDir)).flatMap((name) => {
      const match = EXTENSION_FILE.exec(name);
      return match?.[1] && match[2]
        ? [{ id: match[1], version: match[2], path: join(this.extensionsDir, name) }]
        : [];
    });
  }

  /** Writes `text` to `target` atomically; true when it replaced an existing file. */
  async write(target: string, text: string): Promise<boolean> {
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomUUID()}.tmp`);
    try {
      await mkdir(dirname(target), { recursive: true });
      const replaced = await exists(target);
      await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
      await rename(temp, target);
      forgetListings();
      return replaced;
    } catch (error) {
      await rm(temp, { force: true });
      const reason = error instanceof Error ? error.message : String(error);
      throw new PkimmError('FILE_UNREADABLE', `cannot store the file: ${reason}`, {
        source: target,
        cause: error,
      });
    }
  }
}

/**
 * Directory listings are remembered for a moment: the server asks for a model on every request,
 * and a listing per request was a measurable share of autosave time. A file imported by another
 * process is still seen within LISTING_TTL_MS; one written here is seen at once.
 */
const LISTING_TTL_MS = 2_000;
const listings = new Map<string, { at: number; names: Promise<string[]> }>();

function names(dir: string): Promise<string[]> {
  const now = Date.now();
  const known = listings.get(dir);
  if (known && now - known.at < LISTING_TTL_MS) return known.names;
  const fresh = listDir(dir);
  listings.set(dir, { at: now, names: fresh });
  fresh.catch(() => listings.delete(dir));
  return fresh;
}

export function forgetListings(): void {
  listings.clear();
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw new PkimmError('FILE_UNREADABLE', 'cannot list the model store', { source: dir, cause: error });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
