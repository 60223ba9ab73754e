/**
 * The registry over the bundled files and a temporary data directory: what it lists, what
 * `get` returns, and that imports validate fully before anything is written.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PkimmError, formatError } from '../../src/core/errors.js';
import { indexModel } from '../../src/core/model/model-index.js';
import { ModelRegistry } from '../../src/model-loader/registry.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixture = (path: string) => join(FIXTURES, path);
const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pkimm-registry-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const freshRegistry = () => new ModelRegistry({ dataDir: tempDir() });

/** Every file under `dir` with its content, to prove a failed import changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

async function rejection(promise: Promise<unknown>): Promise<PkimmError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PkimmError) return error;
    throw error;
  }
  throw new Error('expected a PkimmError');
}

describe('bundled models', () => {
  const registry = freshRegistry();

  it('lists both bundled versions', async () => {
    expect(await registry.list()).toEqual([
      { id: 'pkimm', version: '1.0.0', origin: 'bundled', categories: 15, requirements: 72, kind: 'model' },
      { id: 'pkimm', version: '2.0.0', origin: 'bundled', categories: 16, requirements: 76, kind: 'model' },
    ]);
  });

  it('returns 1.0.0 with its numeric keys and weights', async () => {
    const model = await registry.get('pkimm', '1.0.0');
    const { categories, requirements, requirementByKey } = indexModel(model);
    expect([categories.length, requirements.length]).toEqual([15, 72]);
    expect(categories.reduce((sum, c) => sum + c.weight, 0)).toBe(47);
    expect(categories.map((c) => c.weight)).toEqual([5, 4, 2, 3, 4, 4, 2, 3, 4, 2, 2, 2, 4, 3, 3]);
    expect(requirementByKey.get('G.1.1')).toMatchObject({ id: '1', position: 'G.1.1', weight: 3 });
    expect(requirementByKey.get('M.5.5')).toMatchObject({ position: 'M.5.5', weight: 2 });
    expect(requirementByKey.get('M.6.2')).toMatchObject({ position: 'M.6.2', weight: 3 });
    expect(requirementByKey.get('O.9.1')?.weight).toBe(6);
    expect(model.levels[1]?.name).toBe('Basic');
    expect(categories[0]?.levels[1]?.name).toBe('Basic');
    expect(model.references).toEqual([]);
  });

  it('returns 2.0.0 with its kebab-case keys, weights and resolved references', async () => {
    const model = await registry.get('pkimm', '2.0.0');
    const { categories, requirements, requirementByKey, categoryByKey } = indexModel(model);
    expect([categories.length, requirements.length]).toEqual([16, 76]);
    expect(categories.reduce((sum, c) => sum + c.weight, 0)).toBe(52);
    expect(categoryByKey.get('G.cryptography')).toMatchObject({ position: 'G.5', weight: 5 });
    expect(requirementByKey.get('G.strategy-and-vision.sponsor-support')).toMatchObject({
      position: 'G.1.1',
      weight: 3,
    });
    expect(requirementByKey.get('O.resilience.risk-assessment')).toMatchObject({
      position: 'O.10.1',
      weight: 6,
    });
    expect(requirementByKey.get('M.certificate-management.pki-governance')).toMatchObject({
      position: 'M.7.6',
      weight: 2,
    });
    expect(requirementByKey.get('R.awareness.timely-communication')).toMatchObject({
      position: 'R.16.4',
      weight: 2,
    });
    expect(model.levels.map((l) => l.name)).toEqual([
      'Initial',
      'Foundational',
      'Advanced',
      'Managed',
      'Optimized',
    ]);
    const known = new Set(model.references.map((r) => r.id));
    expect(requirements.flatMap((r) => r.references).every((id) => known.has(id))).toBe(true);
  });

  it('parses each model once per registry', async () => {
    expect(await registry.get('pkimm', '2.0.0')).toBe(await registry.get('pkimm', '2.0.0'));
  });

  it('names what is available when a model is unknown', async () => {
    const error = await rejection(registry.get('pkimm', '9.9.9'));
    expect(error.code).toBe('MODEL_NOT_FOUND');
    expect(formatError(error)).toEqual(['no model pkimm@9.9.9; available: pkimm@1.0.0, pkimm@2.0.0']);
    expect((await rejection(registry.get('pqc', '2.0.0'))).message).toBe(
      'no model pqc@2.0.0; available: pkimm@1.0.0, pkimm@2.0.0',
    );
    expect((await rejection(registry.getExtension('pqc', '0.2.0'))).message).toBe(
      'no extension pqc@0.2.0; available: none',
    );
  });
});

describe('data directory', () => {
  it('defaults to PKIMM_HOME, then ./data', () => {
    const saved = process.env['PKIMM_HOME'];
    try {
      process.env['PKIMM_HOME'] = '/tmp/pkimm-home-for-test';
      expect(new ModelRegistry().dataDir).toBe('/tmp/pkimm-home-for-test');
      delete process.env['PKIMM_HOME'];
      expect(new ModelRegistry().dataDir).toBe(resolve('data'));
    } finally {
      if (saved === undefined) delete process.env['PKIMM_HOME'];
      else process.env['PKIMM_HOME'] = saved;
    }
  });
});

describe('importing model files', () => {
  it('stores a valid model, which then wins over the bundled one of its version', async () => {
    const dataDir = tempDir();
    const registry = new ModelRegistry({ dataDir });
    await registry.get('pkimm', '2.0.0'); // cached bundled copy, which the import must replace
    const source = fixture('model/valid/small-2.0.0.yaml');
    expect(await registry.importFile(source)).toEqual({
      kind: 'model',
      id: 'pkimm',
      version: '2.0.0',
      replaced: false,
    });
    expect(snapshot(dataDir)).toEqual({ 'models/pkimm-model-2.0.0.yaml': readFileSync(source, 'utf8') });

    for (const reader of [registry, new ModelRegistry({ dataDir })]) {
      const model = await reader.get('pkimm', '2.0.0');
      expect(model.origin).toBe('imported');
      expect(model.modules[0]?.description).toBe('Direction and accountability for the PKI.');
      expect(model.modules[0]?.categories[0]?.requirements[0]?.name).toBe('A sponsor backs the PKI');
    }
    expect((await registry.list()).find((entry) => entry.version === '2.0.0')).toEqual({
      id: 'pkimm',
      version: '2.0.0',
      origin: 'imported',
      categories: 3,
      requirements: 6,
      kind: 'model',
    });
    expect(await registry.importFile(source)).toMatchObject({ replaced: true });
  });

  it('leaves the store untouched when the file is invalid', async () => {
    const dataDir = tempDir();
    const registry = new ModelRegistry({ dataDir });
    const invalid = fixture('model/invalid/weight-zero.yaml');
    expect((await rejection(registry.importFile(invalid))).code).toBe('MODEL_INVALID');
    expect(snapshot(dataDir)).toEqual({});

    await registry.importFile(fixture('model/valid/small-2.0.0.yaml'));
    const before = snapshot(dataDir);
    const error = await rejection(registry.importFile(fixture('model/invalid/three-problems.yaml')));
    expect(error.issues).toHaveLength(3);
    expect(snapshot(dataDir)).toEqual(before);
    expect((await registry.get('pkimm', '2.0.0')).origin).toBe('imported');
  });

  it('validates without storing, and refuses files that are neither model nor extension', async () => {
    const dataDir = tempDir();
    const registry = new ModelRegistry({ dataDir });
    expect(await registry.validateFile(fixture('model/valid/small-1.0.0.yaml'))).toEqual({
      kind: 'model',
      id: 'pkimm',
      version: '1.0.0',
    });
    const path = fixture('model/valid/references.yaml');
    expect(formatError(await rejection(registry.importFile(path)))).toEqual([
      `${path}: not a PKIMM model or extension file: expected a top-level "modules" (model) or "extension" (extension)`,
    ]);
    expect(snapshot(dataDir)).toEqual({});
  });
});

describe('importing extension files', () => {
  it('stores a valid extension and finds it for its model version', async () => {
    const dataDir = tempDir();
    const registry = new ModelRegistry({ dataDir });
    const source = fixture('extensions/valid-kebab.yaml');
    expect(await registry.importFile(source)).toEqual({
      kind: 'extension',
      id: 'sample',
      version: '0.1.0',
      replaced: false,
    });
    expect(snapshot(dataDir)).toEqual({
      'models/extensions/sample-0.1.0.yaml': readFileSync(source, 'utf8'),
    });
    await registry.importFile(fixture('extensions/valid-numeric.yaml'));

    const extension = await registry.getExtension('sample', '0.1.0');
    expect(Object.keys(extension.requirementOverlays)).toEqual([
      'G.strategy-and-vision.sponsor-support',
      'G.strategy-and-vision.architecture',
    ]);
    expect((await registry.extensionsFor('2.0.0')).map((e) => e.id)).toEqual(['sample']);
    expect((await registry.extensionsFor('1.0.0')).map((e) => e.id)).toEqual(['sample-numeric']);
    expect((await registry.list()).filter((entry) => entry.kind === 'extension')).toEqual([
      {
        id: 'sample',
        version: '0.1.0',
        origin: 'imported',
        categories: 2,
        requirements: 2,
        kind: 'extension',
      },
      {
        id: 'sample-numeric',
        version: '0.1.0',
        origin: 'imported',
        categories: 1,
        requirements: 1,
        kind: 'extension',
      },
    ]);
  });

  it('leaves the store untouched when the extension is invalid', async () => {
    const dataDir = tempDir();
    const registry = new ModelRegistry({ dataDir });
    for (const name of ['two-value-fields.yaml', 'negative-multiplier.yaml', 'unknown-requirement-id.yaml']) {
      expect((await rejection(registry.importFile(fixture(`extensions/${name}`)))).code).toBe(
        'EXTENSION_INVALID',
      );
    }
    expect(snapshot(dataDir)).toEqual({});
  });

  it('asks for the model an extension needs when it is not available', async () => {
    const dir = tempDir();
    const path = join(dir, 'for-1.1.0.yaml');
    writeFileSync(
      path,
      readFileSync(fixture('extensions/valid-numeric.yaml'), 'utf8').replace('["1.0.0"]', '["1.1.0"]'),
    );
    const registry = freshRegistry();
    const error = await rejection(registry.importFile(path));
    expect(formatError(error)).toEqual([
      `${path}: the extension is for pkimm 1.1.0, which is not available (available: pkimm@1.0.0, pkimm@2.0.0); import that model first`,
    ]);
    // Once a 1.1.0 model is imported (a copy of the small 1.0.0 file, renumbered), the extension fits.
    const model = join(dir, 'model-1.1.0.yaml');
    copyFileSync(fixture('model/valid/small-1.0.0.yaml'), model);
    writeFileSync(model, readFileSync(model, 'utf8').replace('version: "1.0.0"', 'version: "1.1.0"'));
    await registry.importFile(model);
    expect(await registry.importFile(path)).toMatchObject({ kind: 'extension', id: 'sample-numeric' });
    expect((await registry.extensionsFor('1.1.0')).map((e) => e.compatibility)).toEqual([['1.1.0']]);
  });
});
