/**
 * An Assessment as the official app's export object, before any `x-pkimm` block: the keys in
 * the app's order (official-tool.md §3.1), a `progress` entry for every core category, and the
 * kept `preserved` values and key order of a file that came from the app.
 */
import type { Assessment } from '../../assessment/assessment.types.js';
import type { Model } from '../../model/model.types.js';
import { indexModel } from '../../model/model-index.js';
import { plansToOfficial } from '../../plans/official-plans.js';
import { preservedOf } from './preserved.js';
import { layOut, type Slot } from './slots.js';
import { stateSchemaVersionOf } from './state-schema-version.js';
import { progressMap, requirementProgressMap } from './write-maps.js';

export const X_PKIMM = 'x-pkimm';

/** Keys whose value the writer derives from the assessment (everything else is kept verbatim). */
export const DERIVED_TOP_LEVEL_KEYS = [
  'stateSchemaVersion',
  'dataVersion',
  'name',
  'id',
  'progress',
  'enabledExtensions',
  'assessmentName',
  'assessorName',
  'useCaseDescription',
  'sourceStructure',
  'requirementProgress',
  'organizationName',
  'assessorCompany',
  'assessorPosition',
  'assessmentType',
  'startDate',
  'targetDate',
  'finishDate',
  'pkiEnvironment',
  'actionPlans',
];

export function projectOfficial(assessment: Assessment, model: Model): Record<string, unknown> {
  const a = assessment;
  const { official, keyOrder } = preservedOf(a);
  const kept = (key: string) => Object.prototype.hasOwnProperty.call(official, key);
  // A kept value always wins: it is what the file said where pkimm's derivation would differ.
  const slot = (key: string, value: unknown, kind: Slot['kind'] = 'data'): Slot =>
    kept(key) ? { key, value: official[key], kind: 'data' } : { key, value, kind };
  const name = kept('name') ? official['name'] : a.title;
  const progress = progressMap(a, model, keyOrder);
  const requirementProgress = requirementProgressMap(a, model, keyOrder);
  const environment = pkiEnvironmentOf(a);
  const body: Slot[] = [
    slot('dataVersion', model.version, 'default'),
    slot('name', a.title, 'default'),
    slot('id', a.id),
    slot('progress', progress, hasCategoryData(a) ? 'data' : 'default'),
    slot(
      'enabledExtensions',
      a.extensions.map(({ id, version }) => ({ id, version })),
      a.extensions.length > 0 ? 'data' : 'default',
    ),
    slot('assessmentName', a.title, a.title === '' || a.title === name ? 'default' : 'data'),
    slot('assessorName', a.assessor?.name),
    slot('useCaseDescription', a.scope?.description),
    slot('sourceStructure', { byKey: {} }, 'default'),
    ...['meta', 'lastView', 'lastPosition', 'exportedAt'].map((key) => slot(key, undefined)),
    slot(
      'requirementProgress',
      requirementProgress,
      Object.keys(requirementProgress).length > 0 ? 'data' : 'empty',
    ),
    slot('organizationName', a.organisation),
    slot('assessorCompany', a.assessor?.company),
    slot('assessorPosition', a.assessor?.position),
    slot('assessmentType', a.type),
    slot('startDate', a.dates?.start),
    slot('targetDate', a.dates?.target),
    slot('finishDate', a.dates?.finish),
    slot('pkiEnvironment', environment, Object.keys(environment).length > 0 ? 'data' : 'empty'),
    slot('workspace', undefined),
    slot(
      'actionPlans',
      plansToOfficial(a.plans, (key) => indexModel(model).categoryByKey.has(key)),
    ),
  ];
  const placed = new Set(['stateSchemaVersion', ...body.map((s) => s.key), X_PKIMM]);
  for (const [key, value] of Object.entries(official))
    if (!placed.has(key)) body.push({ key, value, kind: 'data' });
  const state = slot('stateSchemaVersion', stateSchemaVersionOf(layOut(body, keyOrder.top)), 'default');
  return layOut([state, ...body], keyOrder.top);
}

function hasCategoryData(a: Assessment): boolean {
  return (
    Object.keys(a.categories).length > 0 ||
    Object.keys(a.relevance).length > 0 ||
    Object.keys(a.modules).length > 0
  );
}

/** The four PKI-environment texts, in the app's order; our `outOfScope` is its `outOfScopeConsiderations`. */
function pkiEnvironmentOf(a: Assessment): Record<string, string> {
  const scope = a.scope ?? {};
  const pairs: [string, string | undefined][] = [
    ['components', scope.components],
    ['outOfScopeConsiderations', scope.outOfScope],
    ['highLevelDesign', scope.highLevelDesign],
    ['pointsOfInteraction', scope.pointsOfInteraction],
  ];
  return Object.fromEntries(pairs.filter((pair): pair is [string, string] => pair[1] !== undefined));
}
