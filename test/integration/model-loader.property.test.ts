/**
 * Robustness: whatever a user does to a valid model file, loading it either succeeds or throws
 * a PkimmError. No zod, YAML or TypeError may escape.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { PkimmError } from '../../src/core/errors.js';
import {
  parseLevelFileText,
  parseModelText,
  parseReferenceCatalogText,
} from '../../src/model-loader/parse-model.js';

const read = (name: string) => readFileSync(`test/fixtures/model/valid/${name}`, 'utf8');
const options = {
  levels: parseLevelFileText(read('levels.yaml'), 'levels.yaml'),
  references: parseReferenceCatalogText(read('references.yaml'), 'references.yaml'),
  origin: 'imported' as const,
};
type Path = (string | number)[];

/** Every path to a value inside the document, the root included. */
function paths(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, i) => paths(item, [...at, i]))];
  if (typeof value === 'object' && value !== null) {
    return [at, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...at, key]))];
  }
  return [at];
}

function mutate(document: unknown, path: Path, junk: unknown, renameTo: string | undefined): unknown {
  if (path.length === 0) return junk;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (renameTo !== undefined && !Array.isArray(parent)) {
    parent[renameTo] = parent[last];
    delete parent[last];
  } else if (junk === undefined) delete parent[last];
  else parent[last] = junk;
  return copy;
}

const junk = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    undefined,
    null,
    '',
    0,
    -1,
    1.5,
    1e308,
    [],
    {},
    '2 - Basic',
    'Basic',
    'G',
    '1',
    '__proto__',
  ),
);
const mutation = fc.record({
  pick: fc.nat(),
  junk,
  rename: fc.option(fc.constantFrom('__proto__', 'constructor', 'weigth', 'id', ''), { nil: undefined }),
});

function load(text: string): void {
  try {
    parseModelText(text, 'mutated.yaml', options);
  } catch (error) {
    if (!(error instanceof PkimmError)) throw error;
    expect(error.code === 'MODEL_INVALID' || error.code === 'PARSE_ERROR').toBe(true);
    expect(error.issues.length + (error.code === 'PARSE_ERROR' ? 1 : 0)).toBeGreaterThan(0);
  }
}

describe('loading mutated model documents', () => {
  for (const name of ['small-2.0.0.yaml', 'small-1.0.0.yaml']) {
    const document: unknown = parse(read(name));
    const all = paths(document);

    it(`never throws anything but PkimmError for ${name} with junk at random paths`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          let current = document;
          for (const { pick, junk: value, rename } of mutations) {
            const options = paths(current);
            current = mutate(current, options[pick % options.length] ?? all[0]!, value, rename);
          }
          // stringify(undefined) is undefined, not text: an emptied document is an empty file.
          load(stringify(current) ?? '');
        }),
        { numRuns: 300 },
      );
    });

    it(`never throws anything but PkimmError for ${name} with characters spliced into the text`, () => {
      const text = read(name);
      fc.assert(
        fc.property(fc.nat(text.length), fc.nat(20), fc.string({ maxLength: 8 }), (at, remove, insert) => {
          load(text.slice(0, at) + insert + text.slice(at + remove));
        }),
        { numRuns: 300 },
      );
    });
  }
});
