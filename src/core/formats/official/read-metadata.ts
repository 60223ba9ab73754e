import type { Assessment, AssessorDetails, AssessmentScope } from '../../assessment/assessment.types.js';
import { compactOrUndefined, isPlainObject } from '../../assessment/compact.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const oneOf = <T extends string>(value: unknown, options: readonly T[]): T | undefined =>
  options.find((option) => option === value);

/**
 * The export's report-tab fields as Assessment fields. A value of the wrong type or outside its
 * options is left out here; the caller keeps it verbatim because the writer cannot reproduce it.
 */
export function metadataOf(doc: Record<string, unknown>) {
  const assessor: AssessorDetails = {};
  const name = text(doc['assessorName']);
  const company = text(doc['assessorCompany']);
  const position = oneOf(doc['assessorPosition'], ['internal', 'external'] as const);
  if (name !== undefined) assessor.name = name;
  if (company !== undefined) assessor.company = company;
  if (position !== undefined) assessor.position = position;
  const env = isPlainObject(doc['pkiEnvironment']) ? doc['pkiEnvironment'] : {};
  const scope: AssessmentScope | undefined = compactOrUndefined({
    description: text(doc['useCaseDescription']),
    components: text(env['components']),
    outOfScope: text(env['outOfScopeConsiderations']),
    highLevelDesign: text(env['highLevelDesign']),
    pointsOfInteraction: text(env['pointsOfInteraction']),
  });
  const dates = compactOrUndefined({
    start: text(doc['startDate']),
    target: text(doc['targetDate']),
    finish: text(doc['finishDate']),
  });
  const id = text(doc['id']);
  const organisation = text(doc['organizationName']);
  const type = oneOf(doc['assessmentType'], ['self', 'formal', 'third-party'] as const);
  return {
    ...(id ? { id } : {}),
    title: text(doc['assessmentName']) ?? text(doc['name']) ?? '',
    ...(type ? { type } : {}),
    ...(organisation !== undefined ? { organisation } : {}),
    ...(Object.keys(assessor).length > 0 ? { assessor } : {}),
    ...(dates ? { dates } : {}),
    ...(scope ? { scope } : {}),
  };
}

/** `enabledExtensions`; a legacy list of bare ids means version 0.0.0, as in the app. */
export function extensionsOf(value: unknown): Assessment['extensions'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item === 'string') return [{ id: item, version: '0.0.0' }];
    if (isPlainObject(item) && typeof item['id'] === 'string' && typeof item['version'] === 'string') {
      return [{ id: item['id'], version: item['version'] }];
    }
    return [];
  });
}
