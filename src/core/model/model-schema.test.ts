import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { LevelFileSchema, ReferenceCatalogSchema } from './support-files-schema.js';
import { ModelFile1Schema, ModelFile2Schema } from './model-schema.js';
import { describeValue, toSchemaIssues } from './schema-parts.js';

const levels = (names: string[]) =>
  names.map((name, i) => ({ number: i + 1, name, description: `level ${i + 1}` }));
const requirement = (id: string, weight: unknown = 1) => ({
  id,
  weight,
  description: 'A requirement',
  guidance: 'Why',
  assessment: 'How',
  references: [],
});
const file2 = (categoryPatch: Record<string, unknown> = {}) => ({
  schemaVersion: '2.0.0',
  version: '2.0.0',
  modules: [
    {
      id: 'G',
      name: 'Governance',
      description: 'Direction',
      categories: [
        {
          id: 'strategy-and-vision',
          weight: 5,
          name: 'Strategy and vision',
          description: 'Where to go',
          levels: levels(['Initial', 'Foundational', 'Advanced', 'Managed', 'Optimized']),
          requirements: [requirement('sponsor-support', 3)],
          ...categoryPatch,
        },
      ],
    },
  ],
});

function issuesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : toSchemaIssues(result.error).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const WEIGHT = 'modules.0.categories.0.weight';

describe('model file schema 2.0.0', () => {
  it('accepts a well-formed file', () => {
    expect(issuesOf(ModelFile2Schema, file2())).toEqual([]);
  });

  it.each([
    [0, `${WEIGHT}: weight must be a whole number of at least 1 (got 0)`],
    [1.5, `${WEIGHT}: weight must be a whole number of at least 1 (got 1.5)`],
    ['3', `${WEIGHT}: weight must be a whole number of at least 1 (got "3")`],
    [undefined, `${WEIGHT}: weight is missing; it must be a whole number of at least 1`],
  ])('explains a bad category weight %j', (weight, message) => {
    expect(issuesOf(ModelFile2Schema, file2({ weight }))).toEqual([message]);
  });

  it('requires kebab-case ids and at least one requirement', () => {
    expect(issuesOf(ModelFile2Schema, file2({ id: 'Strategy', requirements: [] }))).toEqual([
      'modules.0.categories.0.id: id must be a lower-case id of letters, digits and hyphens, like "key-management" (got "Strategy")',
      'modules.0.categories.0.requirements: requirements must be a list of at least one requirement (got an empty list)',
    ]);
  });

  it('checks level names against their numbers, and says what the 2.0.0 names are', () => {
    const swapped = levels(['Initial', 'Advanced', 'Foundational', 'Managed', 'Optimized']);
    expect(issuesOf(ModelFile2Schema, file2({ levels: swapped }))).toEqual([
      'modules.0.categories.0.levels.1.name: level 2 must be named "Foundational" (got "Advanced")',
      'modules.0.categories.0.levels.2.name: level 3 must be named "Advanced" (got "Foundational")',
    ]);
    const old = levels(['Initial', 'Basic', 'Advanced', 'Managed', 'Optimized']);
    expect(issuesOf(ModelFile2Schema, file2({ levels: old }))).toEqual([
      'modules.0.categories.0.levels.1.name: name must be one of Initial, Foundational, Advanced, Managed, Optimized (got "Basic")',
    ]);
  });

  it('finds duplicate requirement ids and duplicate levels even when other fields are broken', () => {
    const twice = levels(['Initial', 'Foundational', 'Advanced', 'Managed', 'Optimized']);
    twice[4] = { number: 4, name: 'Managed', description: 'again' };
    const value = file2({
      weight: 'x',
      levels: twice,
      requirements: [requirement('a'), requirement('a', 2)],
    });
    expect(issuesOf(ModelFile2Schema, value)).toEqual([
      'modules.0.categories.0.weight: weight must be a whole number of at least 1 (got "x")',
      'modules.0.categories.0.requirements.1.id: requirement id "a" is used twice in category G.strategy-and-vision (first at modules.0.categories.0.requirements.0)',
      'modules.0.categories.0.levels.4.number: level 4 is listed twice; levels must be numbered 1 to 5, once each, in order',
    ]);
  });

  it('lists a module only once and checks its name', () => {
    const value = file2();
    const module = value.modules[0]!;
    value.modules.push({
      ...module,
      name: 'Management',
      categories: [{ ...module.categories[0]!, id: 'other' }],
    });
    expect(issuesOf(ModelFile2Schema, value)).toEqual([
      'modules.1.id: module G is listed twice (first at modules.0)',
      'modules.1.name: module G must be named "Governance" (got "Management")',
    ]);
  });
});

describe('model file schema 1.0.0', () => {
  const file1 = (category: Record<string, unknown>) => ({
    schemaVersion: '1.0.0',
    version: '1.1.0',
    modules: [{ id: 'G', name: 'Governance', description: '', categories: [category] }],
  });
  const category = { id: '1', weight: 5, name: 'Strategy', description: '', requirements: [] as unknown[] };

  it('accepts numeric ids, markdown references and no levels', () => {
    const value = file1({
      ...category,
      requirements: [{ ...requirement('1'), references: '- [A](https://a.example)' }],
    });
    expect(issuesOf(ModelFile1Schema, value)).toEqual([]);
  });

  it('rejects an unquoted id, a numbered level name that does not match, and list references', () => {
    const value = file1({
      ...category,
      id: 1,
      levels: levels(['1 - Initial', '3 - Basic', '3 - Advanced', '4 - Managed', '5 - Optimized']),
      requirements: [requirement('1')],
    });
    expect(issuesOf(ModelFile1Schema, value)).toEqual([
      'modules.0.categories.0.id: id must be a number in quotes, like "1" (got 1)',
      'modules.0.categories.0.requirements.0.references: references must be a text (got an empty list)',
      'modules.0.categories.0.levels.1.name: name "3 - Basic" carries the number 3 but this is level 2',
    ]);
  });
});

describe('references catalog and level file', () => {
  it('rejects duplicate reference ids', () => {
    const value = {
      schemaVersion: '1.0.0',
      version: '2.0.0',
      references: [
        { id: 'a', title: 'A' },
        { id: 'a', title: 'B' },
      ],
    };
    expect(issuesOf(ReferenceCatalogSchema, value)).toEqual([
      'references.1.id: reference id "a" is used twice in the catalog (first at references.0)',
    ]);
  });

  it('needs exactly five levels with meanings', () => {
    const level = { number: 1, name: 'Initial', meaning: 'm', indicators: ['i'], risks: 'r' };
    expect(
      issuesOf(LevelFileSchema, { levels: [level, { ...level, number: 2, names: { '1.0.0': 'Basic' } }] }),
    ).toEqual(['levels: levels must be a list of exactly 5 levels, numbered 1 to 5 (got a list of 2)']);
  });
});

describe('describeValue', () => {
  it('keeps "(got …)" short', () => {
    expect([null, true, {}, [1, 2], 'x'.repeat(50)].map(describeValue)).toEqual([
      'an empty value',
      'true',
      'a mapping',
      'a list of 2',
      JSON.stringify(`${'x'.repeat(37)}...`),
    ]);
  });
});
