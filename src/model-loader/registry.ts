/**
 * The models and extensions pkimm knows: its bundled renderings plus official files the user
 * imported into `<dataDir>/models/`. An imported model of a version wins over the bundled one.
 * Everything is parsed at most once per registry instance.
 */
import { resolve } from 'node:path';
import { PkimmError } from '../core/errors.js';
import type { Extension } from '../core/extensions/extension.types.js';
import { isRecord } from '../core/model/schema-parts.js';
import type { Model } from '../core/model/model.types.js';
import { readInputFile } from '../io/read-input.js';
import { parseYamlDocument, type SourceDocument } from '../io/yaml-document.js';
import { BUNDLED_MODEL_VERSIONS, bundledFiles, loadSupportFiles } from './bundled.js';
import { extensionFromDocument, modelFromDocument } from './parse-model.js';
import {
  cached,
  compareVersions,
  extensionEntry,
  modelEntry,
  peekCompatibility,
  readDocument,
  type RegistryEntry,
} from './registry-support.js';
import { ModelStore, type StoredExtension } from './store.js';

export type { RegistryEntry };

export interface CheckedFile {
  kind: 'model' | 'extension';
  id: string;
  version: string;
}

export class ModelRegistry {
  readonly dataDir: string;
  private readonly store: ModelStore;
  private readonly models = new Map<string, Promise<Model>>();
  private readonly extensions = new Map<string, Promise<Extension>>();
  private readonly support = new Map<string, ReturnType<typeof loadSupportFiles>>();

  constructor(options: { dataDir?: string } = {}) {
    this.dataDir = resolve(options.dataDir ?? process.env['PKIMM_HOME'] ?? 'data');
    this.store = new ModelStore(this.dataDir);
  }

  async list(): Promise<RegistryEntry[]> {
    const models = await Promise.all(
      (await this.modelVersions()).map((version) => this.get('pkimm', version)),
    );
    const extensions = await Promise.all(
      (await this.store.extensions()).map((e) => this.getExtension(e.id, e.version)),
    );
    return [...models.map(modelEntry), ...extensions.map(extensionEntry)];
  }

  async get(id: string, version: string): Promise<Model> {
    const versions = await this.modelVersions();
    if (id !== 'pkimm' || !versions.includes(version)) {
      const available = versions.map((v) => `pkimm@${v}`).join(', ') || 'none';
      throw new PkimmError('MODEL_NOT_FOUND', `no model ${id}@${version}; available: ${available}`);
    }
    return cached(this.models, version, async () => {
      const imported = (await this.store.modelVersions()).includes(version);
      const path = imported ? this.store.modelPath(version) : bundledFiles().model(version);
      const model = modelFromDocument(await readDocument(path), path, await this.options(imported));
      if (model.version !== version) {
        throw new PkimmError('MODEL_INVALID', `the file holds version ${model.version}, not ${version}`, {
          source: path,
        });
      }
      return model;
    });
  }

  async getExtension(id: string, version: string): Promise<Extension> {
    const stored = await this.store.extensions();
    const entry = stored.find((e) => e.id === id && e.version === version);
    if (!entry) {
      const available = stored.map((e) => `${e.id}@${e.version}`).join(', ') || 'none';
      throw new PkimmError('MODEL_NOT_FOUND', `no extension ${id}@${version}; available: ${available}`);
    }
    return this.loadExtension(entry);
  }

  /** The stored extensions that declare `modelVersion` compatible, checked against that model. */
  async extensionsFor(modelVersion: string): Promise<Extension[]> {
    const found: Extension[] = [];
    for (const entry of await this.store.extensions()) {
      const doc = await readDocument(entry.path);
      if (peekCompatibility(doc.value).includes(modelVersion))
        found.push(await this.loadExtension(entry, modelVersion, doc));
    }
    return found;
  }

  /** Validates a model or extension file fully, without storing it. */
  async validateFile(path: string): Promise<CheckedFile> {
    const { kind, id, version } = await this.check(path);
    return { kind, id, version };
  }

  /** Validates a file fully, then stores it atomically; an invalid file leaves the store as it was. */
  async importFile(path: string): Promise<CheckedFile & { replaced: boolean }> {
    const { text, target, ...checked } = await this.check(path);
    const replaced = await this.store.write(target, text);
    if (checked.kind === 'model') this.models.delete(checked.version);
    this.extensions.clear(); // they were resolved against models that may just have changed
    return { ...checked, replaced };
  }

  private async check(path: string): Promise<CheckedFile & { text: string; target: string }> {
    const text = await readInputFile(path);
    const doc = parseYamlDocument(text, path);
    const value = doc.value;
    // Detected by the top-level keys: only extension files have `extension`, `relevance` or `overlays`.
    if (isRecord(value) && ['extension', 'relevance', 'overlays'].some((key) => key in value)) {
      const model = await this.modelFor(peekCompatibility(value), path);
      const extension = extensionFromDocument(doc, path, model);
      const { id, version } = extension;
      return { kind: 'extension', id, version, text, target: this.store.extensionPath(id, version) };
    }
    if (isRecord(value) && 'modules' in value) {
      const model = modelFromDocument(doc, path, await this.options(true));
      return {
        kind: 'model',
        id: model.id,
        version: model.version,
        text,
        target: this.store.modelPath(model.version),
      };
    }
    const message =
      'not a PKIMM model or extension file: expected a top-level "modules" (model) or "extension" (extension)';
    throw new PkimmError('FORMAT_UNKNOWN', message, { source: path });
  }

  private async loadExtension(
    entry: StoredExtension,
    modelVersion?: string,
    doc?: SourceDocument,
  ): Promise<Extension> {
    const source = doc ?? (await readDocument(entry.path));
    const model = modelVersion
      ? await this.get('pkimm', modelVersion)
      : await this.modelFor(peekCompatibility(source.value), entry.path);
    const key = `${entry.id}@${entry.version}>${model.version}`;
    return cached(this.extensions, key, () =>
      Promise.resolve(extensionFromDocument(source, entry.path, model)),
    );
  }

  /** The newest available model the extension declares itself compatible with. */
  private async modelFor(compatible: string[], source: string): Promise<Model> {
    const versions = await this.modelVersions();
    const usable = versions.filter((version) => compatible.includes(version));
    // With no readable compatibility list, check against the newest model so the file's own problems get reported.
    const version = usable.at(-1) ?? (compatible.length === 0 ? versions.at(-1) : undefined);
    if (version === undefined) {
      const available = versions.map((v) => `pkimm@${v}`).join(', ') || 'none';
      const message = `the extension is for pkimm ${compatible.join(' or ')}, which is not available (available: ${available}); import that model first`;
      throw new PkimmError('MODEL_NOT_FOUND', message, { source });
    }
    return this.get('pkimm', version);
  }

  private async modelVersions(): Promise<string[]> {
    const versions = new Set([...BUNDLED_MODEL_VERSIONS, ...(await this.store.modelVersions())]);
    return [...versions].sort(compareVersions);
  }

  private async options(imported: boolean) {
    const { levels, references } = await cached(this.support, 'bundled', loadSupportFiles);
    return { levels, references, origin: imported ? ('imported' as const) : ('bundled' as const) };
  }
}
