/**
 * The extension file shape (extension schema "1.0.0"), in both variants found in the wild:
 * numeric category and requirement ids with markdown references (for model 1.1.0), and
 * kebab-case ids with reference-id lists (for 2.0.0). Ids are checked against a model later,
 * in extension-from-file.ts; here only the shape and the overlay rules are checked.
 */
import { z } from 'zod';
import { MODULE_IDS } from '../model/model.types.js';
import {
  ALWAYS,
  describeValue,
  expected,
  fiveLevels,
  isRecord,
  kebabId,
  list,
  nonEmptyText,
  pattern,
  records,
  semver,
  text,
  wholeNumber,
} from '../model/schema-parts.js';
import { ReferenceEntrySchema } from '../model/support-files-schema.js';
import { checkLevelOrder, checkUniqueIds } from '../model/model-checks.js';

export const OVERLAY_FIELDS = ['multiplier', 'addition', 'override'] as const;
type Path = (string | number)[];
type AddIssue = (path: Path, message: string) => void;

const itemId = (label: string) =>
  pattern(
    label,
    /^(?:[1-9][0-9]*|[a-z][a-z0-9-]*)$/,
    'a number in quotes like "1", or a kebab-case id like "compliance"',
  );
const moduleId = z.enum(MODULE_IDS, { error: expected('id', 'one of G, M, O, R') });
const atLeastZero = (label: string) => {
  const error = expected(label, 'a number of at least 0');
  return z.number({ error }).min(0, { error });
};
const overlayType = z.enum(OVERLAY_FIELDS, {
  error: expected('type', 'one of multiplier, addition, override'),
});
const overlayValues = {
  multiplier: atLeastZero('multiplier').optional(),
  addition: z.number({ error: expected('addition', 'a number') }).optional(),
  override: atLeastZero('override').optional(),
  rationale: text('rationale').optional(),
};

const requirementOverlay = z.object(
  { id: itemId('id'), type: overlayType, ...overlayValues },
  { error: expected('requirement overlay', 'a mapping of fields') },
);
const categoryOverlay = z.object(
  {
    id: itemId('id'),
    type: overlayType.optional(),
    ...overlayValues,
    requirements: list('requirements', requirementOverlay, 'a list of requirement overlays', 0).optional(),
  },
  { error: expected('category overlay', 'a mapping of fields') },
);

const relevanceLevel = z.object(
  { number: wholeNumber('number', 1, 5), name: nonEmptyText('name'), description: text('description') },
  { error: expected('level', 'a mapping with number, name and description') },
);
const relevanceCategory = z.object(
  {
    id: itemId('id'),
    weight: wholeNumber('weight', 0),
    guidance: text('guidance'),
    assessment: text('assessment'),
    references: z.union([z.string(), z.array(z.string())], {
      error: expected('references', 'a text or a list of reference ids'),
    }),
    levels: fiveLevels(relevanceLevel),
  },
  { error: expected('relevance category', 'a mapping of fields') },
);

const modulesOf = <T extends z.ZodType>(label: string, category: T, what: string) =>
  z.object(
    {
      modules: list(
        'modules',
        z.object(
          { id: moduleId, categories: list('categories', category, `a list of ${what}`, 0) },
          { error: expected('module', 'a mapping with id and categories') },
        ),
        'a list of modules',
        0,
      ),
    },
    { error: expected(label, 'a mapping with modules') },
  );

export const ExtensionFileSchema = z
  .object(
    {
      schemaVersion: z.literal('1.0.0', { error: expected('schemaVersion', '"1.0.0"') }),
      extension: z.object(
        {
          id: kebabId('id'),
          name: nonEmptyText('name'),
          version: semver('version'),
          description: text('description'),
          documentation: text('documentation').optional(),
          compatibility: list(
            'compatibility',
            semver('model version'),
            'a list of at least one model version',
            1,
          ),
          floorScore: z.boolean({ error: expected('floorScore', 'true or false') }).optional(),
        },
        { error: expected('extension', 'a mapping with id, name, version, description and compatibility') },
      ),
      relevance: modulesOf('relevance', relevanceCategory, 'relevance categories'),
      overlays: modulesOf('overlays', categoryOverlay, 'category overlays').optional(),
      references: list('references', ReferenceEntrySchema, 'a list of references', 0).optional(),
    },
    { error: expected('the extension file', 'a mapping with schemaVersion, extension and relevance') },
  )
  .superRefine((value, ctx) => {
    crossCheckExtension(value, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  }, ALWAYS);
export type ExtensionFile = z.output<typeof ExtensionFileSchema>;

// Cross-checks on possibly invalid data: modules once per block, each category and requirement
// once (one overlay per item), levels in order, and exactly one value field per overlay.
function crossCheckExtension(value: unknown, add: AddIssue): void {
  for (const block of ['relevance', 'overlays'] as const) {
    const modules = records(isRecord(value) ? value[block] : undefined, 'modules');
    checkUniqueIds(modules, [block, 'modules'], 'module', block, add);
    modules.forEach((module, m) => {
      const path: Path = [block, 'modules', m, 'categories'];
      const categories = records(module, 'categories');
      checkUniqueIds(categories, path, 'category', `${block} of this module`, add);
      categories.forEach((category, c) => {
        if (block === 'relevance')
          return checkLevelOrder(records(category, 'levels'), [...path, c, 'levels'], undefined, add);
        checkOverlayValue(category, [...path, c], true, add);
        const requirements = records(category, 'requirements');
        checkUniqueIds(
          requirements,
          [...path, c, 'requirements'],
          'requirement',
          'this category overlay',
          add,
        );
        requirements.forEach((requirement, r) =>
          checkOverlayValue(requirement, [...path, c, 'requirements', r], false, add),
        );
      });
    });
  }
}

function checkOverlayValue(overlay: unknown, path: Path, mayBeEmpty: boolean, add: AddIssue): void {
  if (!isRecord(overlay)) return;
  const given = OVERLAY_FIELDS.filter((field) => overlay[field] !== undefined);
  const type = overlay.type;
  if (given.length > 1) {
    add(
      path,
      `an overlay takes exactly one of multiplier, addition or override (got ${given.join(' and ')})`,
    );
  } else if (given.length === 0 && (type !== undefined || !mayBeEmpty)) {
    const needed =
      typeof type === 'string' && (OVERLAY_FIELDS as readonly string[]).includes(type)
        ? type
        : 'multiplier, addition or override';
    add(path, `an overlay needs a value: give ${needed} (got none)`);
  } else if (given.length === 1 && typeof type === 'string' && type !== given[0]) {
    add([...path, 'type'], `type is ${describeValue(type)} but the value is given as ${given[0] ?? ''}`);
  }
}
