import { describe, expect, it } from 'vitest';
import type { Model } from '../model/model.types.js';
import { extensionFromFile } from './extension-from-file.js';

const requirement = (key: string, id: string) => ({
  id,
  key,
  position: '',
  weight: 1,
  name: id,
  guidance: '',
  assessment: '',
  references: [],
});
const MODEL: Model = {
  id: 'pkimm',
  version: '2.0.0',
  schemaVersion: '2.0.0',
  origin: 'bundled',
  levels: [],
  references: [{ id: 'iso-27001', title: 'ISO/IEC 27001' }],
  modules: [
    {
      id: 'G',
      name: 'Governance',
      description: '',
      categories: [
        {
          id: 'compliance',
          key: 'G.compliance',
          position: 'G.1',
          moduleId: 'G',
          weight: 2,
          name: 'Compliance',
          description: '',
          levels: [],
          requirements: [requirement('G.compliance.monitoring', 'monitoring')],
        },
      ],
    },
    { id: 'M', name: 'Management', description: '', categories: [] },
  ],
};

const ladder = ['1 - Initial', 'Foundational', 'Advanced', 'Managed', 'Optimized'].map((name, i) => ({
  number: i + 1,
  name,
  description: `d${i + 1}`,
}));
const relevance = (id: string, references: unknown = []) => ({
  id,
  weight: 0,
  guidance: 'g',
  assessment: 'a',
  references,
  levels: ladder,
});
function extension(overlayCategories: unknown[], relevanceCategories: unknown[] = [relevance('compliance')]) {
  return {
    schemaVersion: '1.0.0',
    extension: {
      id: 'demo',
      name: 'Demo',
      version: '0.1.0',
      description: 'd',
      compatibility: ['1.1.0', '2.0.0'],
    },
    relevance: { modules: [{ id: 'G', categories: relevanceCategories }] },
    overlays: { modules: [{ id: 'G', categories: overlayCategories }] },
  };
}
const messages = (value: unknown) =>
  extensionFromFile(value, MODEL).issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('extensionFromFile', () => {
  it('builds overlays keyed like the model, inferring a missing category type', () => {
    const value = extension([
      {
        id: 'compliance',
        addition: -1,
        requirements: [{ id: 'monitoring', type: 'override', override: 0, rationale: 'r' }],
      },
    ]);
    const { extension: result, issues } = extensionFromFile(value, MODEL);
    expect(issues).toEqual([]);
    expect(result).toMatchObject({
      id: 'demo',
      floorScore: false,
      categoryOverlays: { 'G.compliance': { type: 'addition', value: -1 } },
      requirementOverlays: { 'G.compliance.monitoring': { type: 'override', value: 0, rationale: 'r' } },
    });
    expect(result?.relevance[0]).toMatchObject({ categoryKey: 'G.compliance', weight: 0, references: [] });
    expect(result?.relevance[0]?.levels[0]).toEqual({ number: 1, name: 'Initial', description: 'd1' });
    expect(result && 'documentation' in result).toBe(false);
  });

  it('reports ids that are not in the model, with a hint when the category is in another module', () => {
    const value = extension(
      [{ id: 'compliance', requirements: [{ id: 'foo', type: 'multiplier', multiplier: 2 }] }],
      [relevance('compliance', ['iso-27001', 'unknown-ref'])],
    );
    value.relevance.modules.push({ id: 'M', categories: [relevance('compliance')] });
    expect(messages(value)).toEqual([
      'relevance.modules.0.categories.0.references.1: unknown reference "unknown-ref": not in this extension\'s references nor in the pkimm 2.0.0 catalog',
      'relevance.modules.1.categories.0.id: no category "compliance" in module M of pkimm 2.0.0 (it is in module G)',
      'overlays.modules.0.categories.0.requirements.0.id: no requirement "foo" in category G.compliance of pkimm 2.0.0',
    ]);
  });

  it('reports an incompatible model version instead of id problems', () => {
    const value = extension([{ id: 'nowhere' }]);
    value.extension.compatibility = ['1.1.0'];
    expect(messages(value)).toEqual([
      'extension.compatibility: extension demo 0.1.0 is for pkimm 1.1.0, not 2.0.0',
    ]);
  });

  it('enforces exactly one matching value per overlay and one overlay per item', () => {
    const value = extension([
      { id: 'compliance', type: 'multiplier' },
      { id: 'compliance', multiplier: 1, override: 2 },
    ]);
    value.overlays.modules[0]!.categories.push({
      id: 'other',
      requirements: [
        { id: 'a', type: 'addition', multiplier: 2 },
        { id: 'a', type: 'multiplier' },
      ],
    });
    expect(messages(value)).toEqual([
      'overlays.modules.0.categories.1.id: category id "compliance" is used twice in overlays of this module (first at overlays.modules.0.categories.0)',
      'overlays.modules.0.categories.0: an overlay needs a value: give multiplier (got none)',
      'overlays.modules.0.categories.1: an overlay takes exactly one of multiplier, addition or override (got multiplier and override)',
      'overlays.modules.0.categories.2.requirements.1.id: requirement id "a" is used twice in this category overlay (first at overlays.modules.0.categories.2.requirements.0)',
      'overlays.modules.0.categories.2.requirements.0.type: type is "addition" but the value is given as multiplier',
      'overlays.modules.0.categories.2.requirements.1: an overlay needs a value: give multiplier (got none)',
    ]);
  });

  it('explains shape problems without throwing', () => {
    expect(messages({ schemaVersion: '1.0.0', extension: { id: 'Demo' }, relevance: 'x' })).toEqual([
      'extension.id: id must be a lower-case id of letters, digits and hyphens, like "key-management" (got "Demo")',
      'extension.name: name is missing; it must be a non-empty text',
      'extension.version: version is missing; it must be a version like "2.0.0"',
      'extension.description: description is missing; it must be a text',
      'extension.compatibility: compatibility is missing; it must be a list of at least one model version',
      'relevance: relevance must be a mapping with modules (got "x")',
    ]);
    expect(messages(42)).toEqual([
      ': the extension file must be a mapping with schemaVersion, extension and relevance (got 42)',
    ]);
  });
});
