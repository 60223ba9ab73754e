/**
 * Model, extension and crosswalk files under fuzzing, beyond model-loader.property.test.ts
 * (which replaces, deletes and renames values in the small fixtures): duplicated and retyped
 * fields and prototype keys in the bundled 2.0.0 model too, YAML attacks (alias bombs, tags,
 * duplicate and merge keys, several documents), random text and bytes, mutated extensions and
 * crosswalk packs. Each either loads or fails with a PkimmError of its own kind.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ErrorCode } from '../../src/core/errors.js';
import type { Model } from '../../src/core/model/model.types.js';
import { readPackFile } from '../../src/model-loader/crosswalks.js';
import {
  parseExtensionText,
  parseLevelFileText,
  parseModelText,
  parseReferenceCatalogText,
} from '../../src/model-loader/parse-model.js';
import { bundledRegistry } from '../helpers/registry.js';
import { expectPkimmError, expectPrototypeUntouched, mutateAll, mutation, runs } from './support/hostile.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const options = {
  levels: parseLevelFileText(read('model/pkimm-levels.yaml'), 'levels.yaml'),
  references: parseReferenceCatalogText(read('model/pkimm-references.yaml'), 'references.yaml'),
  origin: 'imported' as const,
};
const MODELS = ['test/fixtures/model/valid/small-2.0.0.yaml', 'model/pkimm-model-2.0.0.yaml'].map(read);
const registry = bundledRegistry();
let model: Model;
beforeAll(async () => {
  model = await registry.get('pkimm', '2.0.0');
});

/** Runs `load`; a result must be an object, a failure a PkimmError with one of `codes`. */
async function loadsOrRefuses(codes: ErrorCode[], load: () => unknown): Promise<void> {
  try {
    const result = await load();
    expect(typeof result).toBe('object');
  } catch (error) {
    expectPkimmError(error, codes);
  } finally {
    expectPrototypeUntouched();
  }
}

const loadModel = (text: string) =>
  loadsOrRefuses(['MODEL_INVALID', 'PARSE_ERROR'], () => parseModelText(text, 'fuzz.yaml', options));

/** YAML that attacks the parser rather than the schema, placed after a real file's first lines. */
function yamlAttack(text: string): fc.Arbitrary<string> {
  const head = text.split('\n').slice(0, 8).join('\n');
  return fc.oneof(
    fc.integer({ min: 2, max: 12 }).map((n) => {
      let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
      for (let i = 1; i < n; i += 1)
        bomb += `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]\n`;
      return `${bomb}${head}\nextra: *a${n - 1}\n`;
    }),
    fc
      .constantFrom(
        '!!binary aGVsbG8=',
        '!!set {a, b}',
        '!custom x',
        '!!js/regexp /x/',
        '&x [*x]',
        '*nothing',
      )
      .map((value) => `${head}\nname: ${value}\n`),
    fc.constantFrom('schemaVersion', 'modules', 'id', 'name').map((key) => `${head}\n${key}: twice\n`),
    fc.constant(`${head}\n<<: {polluted: true}\n__proto__: {polluted: true}\n`),
    fc.constant(`${text}\n---\n${text}`),
    fc.nat({ max: 300 }).map((n) => `${head}\nname: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`),
  );
}

const randomText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

describe('model files under fuzzing', () => {
  it('loads or refuses mutated models (duplicated, retyped, prototype keys)', async () => {
    const documents = MODELS.map((text) => parse(text) as unknown);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...documents),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (document, mutations) => {
          await loadModel(stringify(mutateAll(document, mutations)) ?? '');
        },
      ),
      { numRuns: runs(60) },
    );
  });

  it('refuses YAML attacks and random text with a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(yamlAttack(MODELS[0]!), randomText), async (text) => {
        await loadModel(text);
      }),
      { numRuns: runs(200) },
    );
  });

  it('loads or refuses mutated extensions', async () => {
    const text = read('test/fixtures/extensions/valid-kebab.yaml');
    const document = parse(text) as unknown;
    const extension = fc.oneof(
      fc.array(mutation, { minLength: 1, maxLength: 4 }).map((m) => stringify(mutateAll(document, m)) ?? ''),
      yamlAttack(text),
      randomText,
    );
    await fc.assert(
      fc.asyncProperty(extension, async (candidate) => {
        await loadsOrRefuses(['EXTENSION_INVALID', 'PARSE_ERROR'], () =>
          parseExtensionText(candidate, 'fuzz-extension.yaml', model),
        );
      }),
      { numRuns: runs(200) },
    );
  });

  it('loads or refuses mutated crosswalk packs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pkimm-fuzz-pack-'));
    const text = read('model/crosswalks/iso-27001-2022.yaml');
    const document = parse(text) as unknown;
    let n = 0;
    const pack = fc.oneof(
      fc.array(mutation, { minLength: 1, maxLength: 3 }).map((m) => stringify(mutateAll(document, m)) ?? ''),
      yamlAttack(text),
      randomText,
    );
    await fc.assert(
      fc.asyncProperty(pack, async (candidate) => {
        const path = join(dir, `pack-${(n += 1)}.yaml`);
        writeFileSync(path, candidate);
        await loadsOrRefuses(['CROSSWALK_INVALID', 'PARSE_ERROR', 'FILE_TOO_LARGE'], () =>
          readPackFile(path, registry),
        );
      }),
      { numRuns: runs(100) },
    );
  });
});
