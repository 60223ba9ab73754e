import { isPlainObject } from '../../assessment/compact.js';

/** Report-tab scalars that only a stateSchemaVersion 2 file carries. */
const V2_SCALARS = [
  'organizationName',
  'assessorCompany',
  'assessorPosition',
  'assessmentType',
  'startDate',
  'targetDate',
  'finishDate',
];

/**
 * The app's `hasV2Content` rule over an export: any requirement entry, any report-tab scalar,
 * any non-empty PKI-environment value, any workspace content or any action plan makes it 2.
 */
export function stateSchemaVersionOf(doc: Record<string, unknown>): 1 | 2 {
  const requirements = doc['requirementProgress'];
  if (isPlainObject(requirements) && Object.keys(requirements).length > 0) return 2;
  if (V2_SCALARS.some((key) => hasContent(doc[key]))) return 2;
  if (hasContent(doc['pkiEnvironment']) || hasContent(doc['workspace'])) return 2;
  const plans = doc['actionPlans'];
  if (isPlainObject(plans) && hasContent(plans['categories'])) return 2;
  return 1;
}

function hasContent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.values(value).some(hasContent);
  return true;
}
