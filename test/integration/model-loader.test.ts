/**
 * Model and extension files from text: every broken rule has its own small fixture, and each is
 * reported with the exact `file:line path: message` lines a user sees.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PkimmError, formatError } from '../../src/core/errors.js';
import type { Model } from '../../src/core/model/model.types.js';
import {
  parseExtensionText,
  parseLevelFileText,
  parseModelText,
  parseReferenceCatalogText,
} from '../../src/model-loader/parse-model.js';

const MODELS = 'test/fixtures/model';
const EXTENSIONS = 'test/fixtures/extensions';
const read = (path: string) => readFileSync(path, 'utf8');
const levels = parseLevelFileText(read(`${MODELS}/valid/levels.yaml`), `${MODELS}/valid/levels.yaml`);
const references = parseReferenceCatalogText(
  read(`${MODELS}/valid/references.yaml`),
  `${MODELS}/valid/references.yaml`,
);
const options = { levels, references, origin: 'imported' as const };
const small = (version: '1.0.0' | '2.0.0'): Model =>
  parseModelText(read(`${MODELS}/valid/small-${version}.yaml`), 'small', options);

/** The error thrown by `run`, which must be a PkimmError. */
function failure(run: () => unknown): PkimmError {
  try {
    run();
  } catch (error) {
    if (error instanceof PkimmError) return error;
    throw error;
  }
  throw new Error('expected a PkimmError');
}
const modelLines = (name: string) => {
  const path = `${MODELS}/invalid/${name}`;
  return formatError(failure(() => parseModelText(read(path), path, options)));
};

describe('valid model files', () => {
  it('reads the small 2.0.0 fixture', () => {
    const model = small('2.0.0');
    const categories = model.modules.flatMap((m) => m.categories);
    expect(categories.map((c) => [c.key, c.position, c.weight])).toEqual([
      ['G.strategy-and-vision', 'G.1', 5],
      ['G.compliance', 'G.2', 2],
      ['M.certificate-management', 'M.3', 4],
    ]);
    expect(categories[2]?.requirements[1]).toMatchObject({
      key: 'M.certificate-management.pki-governance',
      position: 'M.3.2',
      weight: 2,
      name: 'Several PKIs are overseen together',
      references: [],
    });
    expect(model.levels[1]?.name).toBe('Foundational');
  });

  it('reads the small 1.0.0 fixture', () => {
    const model = small('1.0.0');
    const [strategy, keys] = model.modules.flatMap((m) => m.categories);
    expect(model.levels[1]?.name).toBe('Basic');
    expect(strategy?.levels[1]).toEqual({
      number: 2,
      name: 'Basic',
      description: 'Some goals are written down.',
    });
    expect(strategy?.requirements.map((r) => [r.key, r.references])).toEqual([
      ['G.1.1', ['- [A management standard](https://example.org/standard)\n']],
      ['G.1.2', []],
    ]);
    expect(keys).toMatchObject({ key: 'M.2', position: 'M.2' });
    expect(keys?.levels.map((l) => l.description)).toEqual(levels.levels.map((l) => l.meaning));
  });
});

describe('invalid model files', () => {
  const at = (name: string, line: number, rest: string) => `${MODELS}/invalid/${name}:${line} ${rest}`;
  it.each([
    [
      'weight-zero.yaml',
      10,
      'modules.0.categories.0.weight: weight must be a whole number of at least 1 (got 0)',
    ],
    [
      'duplicate-category-id.yaml',
      26,
      'modules.0.categories.1.id: category id "strategy-and-vision" is already used at modules.0.categories.0; category ids must be unique',
    ],
    [
      'duplicate-requirement-id.yaml',
      26,
      'modules.0.categories.0.requirements.1.id: requirement id "sponsor-support" is used twice in category G.strategy-and-vision (first at modules.0.categories.0.requirements.0)',
    ],
    [
      'level-name-wrong.yaml',
      15,
      'modules.0.categories.0.levels.1.name: name must be one of Initial, Foundational, Advanced, Managed, Optimized (got "Basic")',
    ],
    [
      'level-missing.yaml',
      14,
      'modules.0.categories.0.levels: levels must be a list of exactly 5 levels, numbered 1 to 5 (got a list of 4)',
    ],
    [
      'missing-requirements.yaml',
      9,
      'modules.0.categories.0.requirements: requirements is missing; it must be a list of at least one requirement',
    ],
    [
      'unknown-reference.yaml',
      25,
      'modules.0.categories.0.requirements.0.references.1: unknown reference "no-such-standard": it is not in the references catalog 2.0.0',
    ],
    [
      'id-not-kebab.yaml',
      9,
      'modules.0.categories.0.id: id must be a lower-case id of letters, digits and hyphens, like "key-management" (got "Strategy_Vision")',
    ],
    [
      'id-unquoted-1.0.0.yaml',
      9,
      'modules.0.categories.0.id: id must be a number in quotes, like "1" (got 1)',
    ],
    [
      'module-name-mismatch.yaml',
      6,
      'modules.0.name: module G must be named "Governance" (got "Management")',
    ],
    [
      'schema-version-unknown.yaml',
      2,
      'schemaVersion: schemaVersion must be "1.0.0" or "2.0.0" (got "3.0.0")',
    ],
    ['version-not-semver.yaml', 3, 'version: version must be a version like "2.0.0" (got 2)'],
  ])('%s', (name, line, rest) => {
    expect(modelLines(name)).toEqual([
      `${MODELS}/invalid/${name}: model file has 1 problem`,
      at(name, line, rest),
    ]);
  });

  it('reports levels out of order once per misplaced level', () => {
    const name = 'levels-out-of-order.yaml';
    expect(modelLines(name)).toEqual([
      `${MODELS}/invalid/${name}: model file has 2 problems`,
      at(
        name,
        16,
        'modules.0.categories.0.levels.2.number: expected level 3 here (got 4); levels must be numbered 1 to 5, once each, in order',
      ),
      at(
        name,
        17,
        'modules.0.categories.0.levels.3.number: expected level 4 here (got 3); levels must be numbered 1 to 5, once each, in order',
      ),
    ]);
  });

  it('reports all three problems of a file, in file order', () => {
    const name = 'three-problems.yaml';
    expect(modelLines(name)).toEqual([
      `${MODELS}/invalid/${name}: model file has 3 problems`,
      at(name, 10, 'modules.0.categories.0.weight: weight must be a whole number of at least 1 (got 0)'),
      at(name, 20, 'modules.0.categories.0.requirements.0.guidance: guidance is missing; it must be a text'),
      at(
        name,
        25,
        'modules.0.categories.0.requirements.1.id: requirement id "sponsor-support" is used twice in category G.strategy-and-vision (first at modules.0.categories.0.requirements.0)',
      ),
    ]);
  });

  it('refuses bad YAML with the line of the problem', () => {
    const path = `${MODELS}/invalid/bad-yaml-syntax.yaml`;
    const error = failure(() => parseModelText(read(path), path, options));
    expect(error.code).toBe('PARSE_ERROR');
    expect(formatError(error)).toEqual([
      `${path}: not valid YAML or JSON`,
      `${path}:6: Flow map in block collection must be sufficiently indented and end with a }`,
      `${path}:6: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it('refuses an alias bomb quickly', () => {
    const path = `${MODELS}/invalid/alias-bomb.yaml`;
    const started = performance.now();
    const error = failure(() => parseModelText(read(path), path, options));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('PARSE_ERROR');
    expect(formatError(error)).toEqual([
      `${path}: cannot be read: Excessive alias count indicates a resource exhaustion attack`,
    ]);
  });
});

describe('extension files', () => {
  it('reads the kebab-case variant: overlays of every kind and two relevance categories', () => {
    const extension = parseExtensionText(
      read(`${EXTENSIONS}/valid-kebab.yaml`),
      'valid-kebab.yaml',
      small('2.0.0'),
    );
    expect(extension).toMatchObject({
      id: 'sample',
      version: '0.1.0',
      floorScore: true,
      documentation: 'https://example.org/sample',
    });
    expect(extension.relevance.map((r) => [r.categoryKey, r.weight, r.references])).toEqual([
      ['G.strategy-and-vision', 5, ['sample-guide', 'iso-27001']],
      ['G.compliance', 3, []],
    ]);
    expect(extension.categoryOverlays).toEqual({
      'G.compliance': { type: 'override', value: 3, rationale: 'Compliance matters more here.' },
    });
    expect(extension.requirementOverlays).toEqual({
      'G.strategy-and-vision.sponsor-support': {
        type: 'multiplier',
        value: 2,
        rationale: 'Needs more backing.',
      },
      'G.strategy-and-vision.architecture': { type: 'addition', value: 1 },
    });
  });

  it('reads the numeric-id variant', () => {
    const extension = parseExtensionText(
      read(`${EXTENSIONS}/valid-numeric.yaml`),
      'valid-numeric.yaml',
      small('1.0.0'),
    );
    expect(extension.relevance[0]).toMatchObject({ categoryKey: 'G.1', references: ['- A sample guide\n'] });
    expect(extension.relevance[0]?.levels.map((l) => l.name)).toEqual([
      'Initial',
      'Basic',
      'Advanced',
      'Managed',
      'Optimized',
    ]);
    expect(extension.requirementOverlays).toEqual({
      'G.1.1': { type: 'multiplier', value: 1.5, rationale: 'More backing.' },
    });
  });

  const extensionLines = (name: string, model: Model) => {
    const path = `${EXTENSIONS}/${name}`;
    const error = failure(() => parseExtensionText(read(path), path, model));
    expect(error.code).toBe('EXTENSION_INVALID');
    return formatError(error);
  };

  it.each([
    [
      'two-value-fields.yaml',
      46,
      'overlays.modules.0.categories.0.requirements.1: an overlay takes exactly one of multiplier, addition or override (got multiplier and addition)',
    ],
    [
      'negative-multiplier.yaml',
      45,
      'overlays.modules.0.categories.0.requirements.0.multiplier: multiplier must be a number of at least 0 (got -1)',
    ],
    [
      'unknown-requirement-id.yaml',
      46,
      'overlays.modules.0.categories.0.requirements.1.id: no requirement "foo" in category G.strategy-and-vision of pkimm 2.0.0',
    ],
  ])('%s', (name, line, rest) => {
    expect(extensionLines(name, small('2.0.0'))).toEqual([
      `${EXTENSIONS}/${name}: extension file has 1 problem`,
      `${EXTENSIONS}/${name}:${line} ${rest}`,
    ]);
  });

  it('reports an extension for another model version', () => {
    expect(extensionLines('valid-kebab.yaml', small('1.0.0'))).toEqual([
      `${EXTENSIONS}/valid-kebab.yaml: extension file has 1 problem`,
      `${EXTENSIONS}/valid-kebab.yaml:9 extension.compatibility: extension sample 0.1.0 is for pkimm 2.0.0, not 1.0.0`,
    ]);
  });
});
