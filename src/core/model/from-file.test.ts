import { describe, expect, it } from 'vitest';
import { modelFromFile, type ModelFileOptions } from './from-file.js';
import type { LevelFile, ReferenceCatalog } from './support-files-schema.js';

const LEVELS: LevelFile = {
  levels: ['Initial', 'Foundational', 'Advanced', 'Managed', 'Optimized'].map((name, i) => ({
    number: i + 1,
    name,
    ...(i === 1 ? { names: { '1.0.0': 'Basic' } } : {}),
    meaning: `meaning ${i + 1}`,
    indicators: [`indicator ${i + 1}`],
    risks: `risks ${i + 1}`,
  })),
};
const CATALOG: ReferenceCatalog = {
  schemaVersion: '1.0.0',
  version: '2.0.0',
  references: [
    { id: 'iso-27001', title: 'ISO/IEC 27001', url: 'https://iso.example' },
    { id: 'togaf', title: 'TOGAF' },
  ],
};
const options: ModelFileOptions = { levels: LEVELS, references: CATALOG, origin: 'bundled' };

const ladder = (names: string[]) =>
  names.map((name, i) => ({ number: i + 1, name, description: `step ${i + 1}` }));
const requirement = (id: string, weight: number, references: unknown) => ({
  id,
  weight,
  description: `name of ${id}`,
  guidance: 'g',
  assessment: 'a',
  references,
});

function file(schemaVersion: '1.0.0' | '2.0.0', version: string) {
  const v2 = schemaVersion === '2.0.0';
  const levels = ladder(
    v2
      ? ['Initial', 'Foundational', 'Advanced', 'Managed', 'Optimized']
      : ['1 - Initial', '2 - Basic', '3 - Advanced', '4 - Managed', '5 - Optimized'],
  );
  const refs = (ids: string[]) => (v2 ? ids : ids.length === 0 ? '' : '- [A text](https://a.example)\n');
  return {
    schemaVersion,
    version,
    modules: [
      {
        id: 'G',
        name: 'Governance',
        description: 'gov',
        categories: [
          {
            id: v2 ? 'strategy' : '1',
            weight: 5,
            name: 'Strategy',
            description: 's',
            levels,
            requirements: [
              requirement(v2 ? 'sponsor' : '1', 3, refs(['iso-27001'])),
              requirement(v2 ? 'owner' : '2', 2, refs([])),
            ],
          },
        ],
      },
      {
        id: 'M',
        name: 'Management',
        description: 'man',
        categories: [
          // 1.0.0 allows a category without its own ladder.
          {
            id: v2 ? 'keys' : '2',
            weight: 4,
            name: 'Keys',
            description: 'k',
            ...(v2 ? { levels } : {}),
            requirements: [requirement(v2 ? 'roles' : '1', 2, refs(['togaf']))],
          },
        ],
      },
    ],
  };
}

describe('modelFromFile', () => {
  it('builds keys, positions and level names for 2.0.0', () => {
    const { model, issues } = modelFromFile(file('2.0.0', '2.0.0'), options);
    expect(issues).toEqual([]);
    expect(model).toMatchObject({ id: 'pkimm', version: '2.0.0', schemaVersion: '2.0.0', origin: 'bundled' });
    expect(model?.levels.map((l) => l.name)).toEqual([
      'Initial',
      'Foundational',
      'Advanced',
      'Managed',
      'Optimized',
    ]);
    const keys = model?.modules[1]?.categories[0];
    expect(keys).toMatchObject({ key: 'M.keys', position: 'M.2', moduleId: 'M', weight: 4 });
    expect(keys?.requirements[0]).toMatchObject({
      key: 'M.keys.roles',
      position: 'M.2.1',
      name: 'name of roles',
      references: ['togaf'],
    });
    expect(model?.modules[0]?.categories[0]?.requirements[1]).toMatchObject({
      key: 'G.strategy.owner',
      position: 'G.1.2',
    });
    expect(model?.references).toEqual([
      { id: 'iso-27001', title: 'ISO/IEC 27001', url: 'https://iso.example' },
      { id: 'togaf', title: 'TOGAF' },
    ]);
  });

  it.each(['1.0.0', '1.1.0'])('names level 2 "Basic" for %s and strips "2 - " from ladders', (version) => {
    const { model } = modelFromFile(file('1.0.0', version), options);
    expect(model?.levels[1]?.name).toBe('Basic');
    const strategy = model?.modules[0]?.categories[0];
    expect(strategy?.levels.map((l) => l.name)).toEqual([
      'Initial',
      'Basic',
      'Advanced',
      'Managed',
      'Optimized',
    ]);
    expect(strategy?.requirements.map((r) => [r.key, r.position, r.references])).toEqual([
      ['G.1.1', 'G.1.1', ['- [A text](https://a.example)\n']],
      ['G.1.2', 'G.1.2', []],
    ]);
    expect(model?.references).toEqual([]);
  });

  it('gives a 1.0.0 category without a ladder the generic level meanings', () => {
    const { model } = modelFromFile(file('1.0.0', '1.0.0'), options);
    expect(model?.modules[1]?.categories[0]?.levels[1]).toEqual({
      number: 2,
      name: 'Basic',
      description: 'meaning 2',
    });
  });

  it('reports 2.0.0 reference ids missing from the catalog, together with other problems', () => {
    const value = file('2.0.0', '2.0.0');
    const strategy = value.modules[0]!.categories[0]!;
    strategy.weight = 0;
    strategy.requirements[0]!.references = ['iso-27001', 'nope'];
    expect(modelFromFile(value, options)).toEqual({
      issues: [
        {
          path: ['modules', 0, 'categories', 0, 'weight'],
          message: 'weight must be a whole number of at least 1 (got 0)',
        },
        {
          path: ['modules', 0, 'categories', 0, 'requirements', 0, 'references', 1],
          message: 'unknown reference "nope": it is not in the references catalog 2.0.0',
        },
      ],
    });
  });

  it('does not check reference ids without a catalog', () => {
    const value = file('2.0.0', '2.0.0');
    value.modules[0]!.categories[0]!.requirements[0]!.references = ['nope'];
    expect(modelFromFile(value, { levels: LEVELS, origin: 'imported' }).issues).toEqual([]);
  });

  it.each([
    [
      null,
      [],
      'the model file must be a mapping with schemaVersion, version and modules (got an empty value)',
    ],
    [[1], [], 'the model file must be a mapping with schemaVersion, version and modules (got a list of 1)'],
    [{ version: '1.0.0' }, ['schemaVersion'], 'schemaVersion is missing; it must be "1.0.0" or "2.0.0"'],
    [{ schemaVersion: 2 }, ['schemaVersion'], 'schemaVersion must be "1.0.0" or "2.0.0" (got 2)'],
  ])('never throws on junk: %j', (value, path, message) => {
    expect(modelFromFile(value, options)).toEqual({ issues: [{ path, message }] });
  });
});
