/**
 * Assessment files through the entry point the CLI and the import API share
 * (readAssessmentBytes): our format and the official export, generated and mutated (fields
 * dropped, duplicated, renamed to "__proto__", retyped), spliced text, YAML-specific attacks
 * (alias bombs, tags, duplicate and merge keys) and raw bytes. Each read succeeds with an
 * assessment that survives write→read unchanged, or fails with a PkimmError of a known code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serializeAssessment } from '../../src/assessment-io/serialize.js';
import type { ErrorCode } from '../../src/core/errors.js';
import type { Model } from '../../src/core/model/model.types.js';
import { readAssessmentBytes, type ReadImport } from '../../src/exchange/read-assessment-bytes.js';
import { assessmentArbitrary, officialArbitrary } from '../helpers/arbitraries.js';
import { bundledRegistry, EXAMPLES } from '../helpers/registry.js';
import {
  expectPkimmError,
  expectPrototypeUntouched,
  expectSameData,
  mutateAll,
  mutation,
  PROTOTYPE_KEYS,
  runs,
  withinTime,
} from './support/hostile.js';

const registry = bundledRegistry();
const CODES: ErrorCode[] = [
  'PARSE_ERROR',
  'FORMAT_UNKNOWN',
  'ASSESSMENT_INVALID',
  'UNKNOWN_ID',
  'MODEL_NOT_FOUND',
  'MIGRATION_UNSUPPORTED',
  'EXTENSION_INVALID',
  'FILE_TOO_LARGE',
];
const texts = [
  'sample-assessment-2.0.0.yaml',
  'official-export-2.0.0-full.yaml',
  'sample-self-assessment-1.0.0.yaml',
].map((name) => readFileSync(join(EXAMPLES, name), 'utf8'));
let model: Model;

beforeAll(async () => {
  model = await registry.get('pkimm', '2.0.0');
});

/** Reads `text`; a success must round-trip through our YAML and JSON files unchanged. */
async function readsOrRefuses(bytes: Buffer | string): Promise<ReadImport | undefined> {
  const input = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  try {
    const read = await withinTime(5000, 'reading one assessment', () =>
      readAssessmentBytes(input, 'fuzz.yaml', registry),
    );
    for (const format of ['pkimm-yaml', 'pkimm-json'] as const) {
      const again = await readAssessmentBytes(
        Buffer.from(serializeAssessment(read.assessment, read.model, format)),
        'again',
        registry,
      );
      expectSameData(again.assessment, read.assessment);
    }
    return read;
  } catch (error) {
    expectPkimmError(error, CODES);
    return undefined;
  } finally {
    expectPrototypeUntouched();
  }
}

const asText = fc.constantFrom<'json' | 'yaml'>('json', 'yaml');
const toText = (value: unknown, how: 'json' | 'yaml') =>
  how === 'json' ? (JSON.stringify(value) ?? 'null') : serializeYaml(value);

function serializeYaml(value: unknown): string {
  // JSON is YAML; pretty block YAML comes from the same `yaml` package the reader uses.
  return JSON.stringify(value, null, 1) ?? 'null';
}

describe('assessment files under fuzzing', () => {
  it('reads generated assessments of our format and writes them back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(assessmentArbitrary(model), asText, async (assessment, how) => {
        const text =
          how === 'json'
            ? serializeAssessment(assessment, model, 'pkimm-json')
            : serializeAssessment(assessment, model, 'pkimm-yaml');
        const read = await readsOrRefuses(text);
        expect(read?.format).toBe('pkimm');
      }),
      { numRuns: runs(60) },
    );
  });

  it('never fails untyped on mutated documents of both formats', async () => {
    const documents = [
      ...texts.map((text) => fc.constant(parse(text) as unknown)),
      assessmentArbitrary(model).map((a) => parse(serializeAssessment(a, model, 'pkimm-yaml')) as unknown),
      officialArbitrary(model),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(...documents),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        asText,
        async (document, mutations, how) => {
          await readsOrRefuses(toText(mutateAll(document, mutations), how));
        },
      ),
      { numRuns: runs(120) },
    );
  });

  it('never fails untyped on characters spliced into real files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...texts),
        fc.nat(),
        fc.nat(40),
        fc.string({ maxLength: 8 }),
        async (text, at, remove, insert) => {
          const cut = at % (text.length + 1);
          await readsOrRefuses(text.slice(0, cut) + insert + text.slice(cut + remove));
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('refuses YAML attacks: alias bombs, tags, duplicate and merge keys, many documents', async () => {
    const head = texts[0]!.split('\n').slice(0, 6).join('\n');
    const attacks = fc.oneof(
      fc.integer({ min: 2, max: 12 }).map((n) => {
        let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
        for (let i = 1; i < n; i += 1)
          bomb += `a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]\n`;
        return `${head}\nnotes: *a${n - 1}\n${bomb}`;
      }),
      fc
        .constantFrom(
          '!!js/function "function(){ return 1 }"',
          '!!binary aGVsbG8=',
          '!!set {a, b}',
          '!!omap [a: 1]',
          '!!timestamp 2026-01-01',
          '!custom thing',
          '!<tag:yaml.org,2002:str> 12',
          '!!float .nan',
          '!!int 0x7fffffffffffffffffff',
          '&x [*x]',
          '{<<: {a: 1}}',
        )
        .map((value) => `${head}\ntitle: ${value}\n`),
      fc.constantFrom('title', 'model', 'format', 'requirements').map((key) => `${head}\n${key}: again\n`),
      fc.constant(`${head}\n---\n${head}\n`),
      fc.constant(`${head}\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n`),
      fc.constant(`${head}\nrequirements:\n  __proto__: {level: 3}\n`),
      fc.nat({ max: 400 }).map((n) => `${head}\nnotes: ${'['.repeat(n)}${']'.repeat(n)}\n`),
    );
    await fc.assert(
      fc.asyncProperty(attacks, async (text) => {
        await readsOrRefuses(text);
      }),
      { numRuns: runs(100) },
    );
  });

  it('reads or refuses official entries keyed like Object.prototype members', async () => {
    // Found by this fuzz: an entry keyed "constructor" picked up Object's function as its key order.
    const official = parse(texts[1]!) as Record<string, Record<string, unknown>>;
    for (const map of ['progress', 'requirementProgress'] as const) {
      for (const key of PROTOTYPE_KEYS) {
        const entries = Object.entries(official[map]!);
        const document = { ...official, [map]: Object.fromEntries([...entries, [key, entries[0]![1]]]) };
        const read = await readsOrRefuses(JSON.stringify(document));
        expect(read === undefined || read.format === 'official').toBe(true);
      }
    }
  });

  it('never fails untyped on random text and bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
          fc.string({ unit: 'grapheme', maxLength: 100 }).map((s) => Buffer.from(s)),
          fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
          fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.concat([Buffer.from('PK'), b])),
        ),
        async (bytes) => {
          await readsOrRefuses(bytes);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
