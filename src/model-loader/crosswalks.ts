/**
 * The crosswalk packs pkimm knows: those shipped in `model/crosswalks/` and, optionally, a
 * directory of the user's own (`PKIMM_CROSSWALKS_DIR`, `--crosswalks DIR`). Each pack is checked
 * in full (format, then every requirement key against the model version it names) before it is
 * offered; a user pack may not reuse a bundled id, so an id always means one pack.
 */
import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { checkPackAgainstModel } from '../core/crosswalk/crosswalk-checks.js';
import { parseCrosswalkPack } from '../core/crosswalk/crosswalk-schema.js';
import {
  summarisePack,
  type CrosswalkPack,
  type CrosswalkSummary,
} from '../core/crosswalk/crosswalk.types.js';
import { PkimmError } from '../core/errors.js';
import type { Model } from '../core/model/model.types.js';
import { packageRoot } from '../io/package-root.js';
import { readInputFile } from '../io/read-input.js';
import { parseYamlDocument } from '../io/yaml-document.js';

/** What checking a pack needs from the model registry. */
export interface ModelSource {
  get(id: string, version: string): Promise<Model>;
}

export interface LoadedPack {
  pack: CrosswalkPack;
  path: string;
  bundled: boolean;
}

export function bundledCrosswalksDir(): string {
  return join(packageRoot(), 'model', 'crosswalks');
}

/** Reads and validates one pack file; throws CROSSWALK_INVALID with every issue and its line. */
export async function readPackFile(path: string, models: ModelSource): Promise<CrosswalkPack> {
  const doc = parseYamlDocument(await readInputFile(path), path);
  const { pack, issues } = parseCrosswalkPack(doc.value);
  if (!pack)
    throw new PkimmError('CROSSWALK_INVALID', 'the crosswalk pack is not valid', {
      source: path,
      issues: doc.withLines(issues),
    });
  let model: Model;
  try {
    model = await models.get('pkimm', pack.model);
  } catch (error) {
    throw new PkimmError(
      'CROSSWALK_INVALID',
      `the pack names model ${pack.model}, which pkimm does not have`,
      {
        source: path,
        issues: doc.withLines([{ path: ['model'], message: (error as Error).message }]),
        cause: error,
      },
    );
  }
  const modelIssues = checkPackAgainstModel(pack, model);
  if (modelIssues.length > 0)
    throw new PkimmError(
      'CROSSWALK_INVALID',
      `the crosswalk pack names requirements model ${pack.model} lacks`,
      {
        source: path,
        issues: doc.withLines(modelIssues),
      },
    );
  return pack;
}

async function packFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export class CrosswalkCatalog {
  private loaded: Promise<LoadedPack[]> | undefined;

  constructor(
    private readonly models: ModelSource,
    private readonly options: { userDir?: string; bundledDir?: string } = {},
  ) {}

  /** Every pack, bundled first, each in file-name order. Loaded once; a broken pack fails the whole load. */
  all(): Promise<LoadedPack[]> {
    this.loaded ??= this.load().catch((error: unknown) => {
      this.loaded = undefined; // a fixed file is picked up on the next call
      throw error;
    });
    return this.loaded;
  }

  async list(): Promise<CrosswalkSummary[]> {
    return (await this.all()).map((entry) => summarisePack(entry.pack, entry.bundled));
  }

  async get(id: string): Promise<CrosswalkPack> {
    const all = await this.all();
    const found = all.find((entry) => entry.pack.id === id);
    if (!found)
      throw new PkimmError(
        'NOT_FOUND',
        `no crosswalk pack "${id}"; available: ${all.map((e) => e.pack.id).join(', ') || 'none'}`,
      );
    return found.pack;
  }

  private async load(): Promise<LoadedPack[]> {
    const bundledDir = this.options.bundledDir ?? bundledCrosswalksDir();
    const entries: LoadedPack[] = [];
    for (const path of await packFiles(bundledDir))
      entries.push({ pack: await readPackFile(path, this.models), path, bundled: true });
    if (this.options.userDir !== undefined) {
      const dir = resolve(this.options.userDir);
      let files: string[];
      try {
        files = await packFiles(dir);
      } catch (error) {
        throw new PkimmError('CONFIG_INVALID', `cannot read the crosswalk directory ${dir}`, {
          cause: error,
        });
      }
      for (const path of files) {
        const pack = await readPackFile(path, this.models);
        const clash = entries.find((e) => e.pack.id === pack.id);
        if (clash)
          throw new PkimmError(
            'CROSSWALK_INVALID',
            `pack id "${pack.id}" is already used by ${basename(clash.path)}`,
            {
              source: path,
              issues: [{ path: 'id', message: 'choose an id no other pack uses' }],
            },
          );
        entries.push({ pack, path, bundled: false });
      }
    }
    return entries;
  }
}
