/**
 * Where things are in the workbook. The writer and the reader share these constants, so the
 * two cannot disagree about a column. Sheet names follow the official Excel assessment tool
 * (Overview, Scoping, Assessment, Evaluation, Action plans); the hidden first column of each
 * data sheet holds the model key that maps a row back to a module, category or requirement.
 */
export const SHEETS = {
  overview: 'Overview',
  scoping: 'Scoping',
  assessment: 'Assessment',
  evaluation: 'Evaluation',
  actionPlans: 'Action plans',
  /** veryHidden: the whole document as JSON, so fields the sheets do not show survive a round trip. */
  data: 'pkimm-data',
} as const;

export const DATA_MARKER = 'pkimm-workbook';
export const DATA_VERSION = 1;
/** Excel holds at most 32,767 characters per cell; the JSON is cut into smaller pieces. */
export const DATA_CHUNK = 30_000;

/** Overview: hidden field id, label, value. */
export const OVERVIEW_COL = { field: 1, label: 2, value: 3 } as const;

/** Scoping: one row per module, category and requirement. */
export const SCOPING_COL = {
  key: 1,
  kind: 2,
  reference: 3,
  name: 4,
  weight: 5,
  applicability: 6,
  reason: 7,
} as const;

/** Assessment: a row per category (its self-declared level) followed by its requirements. */
export const ASSESSMENT_COL = {
  key: 1,
  module: 2,
  category: 3,
  reference: 4,
  requirement: 5,
  weight: 6,
  rating: 7,
  notes: 8,
  evidence: 9,
  guidance: 10,
} as const;

export const KIND = { module: 'Module', category: 'Category', requirement: 'Requirement' } as const;

export const APPLICABILITY_LABELS = {
  applicable: 'Applicable',
  partial: 'Partially applicable',
  'not-applicable': 'Not applicable',
} as const;

export const NOT_APPLICABLE_RATING = 'N/A';
export const RATING_VALUES = ['1', '2', '3', '4', '5', NOT_APPLICABLE_RATING] as const;

export const TYPE_LABELS = { self: 'Self', formal: 'Formal', 'third-party': 'Third party' } as const;
export const POSITION_LABELS = { internal: 'Internal', external: 'External' } as const;

/** The Overview rows: the field id in the hidden column, its label, and whether it may be edited. */
export const OVERVIEW_FIELDS = [
  { field: 'id', label: 'Assessment id', editable: false },
  { field: 'title', label: 'Title', editable: true },
  { field: 'model.id', label: 'Model', editable: false },
  { field: 'model.version', label: 'Model version', editable: false },
  { field: 'mode', label: 'Mode (self: category levels; full: requirement ratings)', editable: false },
  { field: 'type', label: 'Assessment type', editable: true },
  { field: 'organisation', label: 'Organisation', editable: true },
  { field: 'assessor.name', label: 'Assessor', editable: true },
  { field: 'assessor.company', label: 'Assessor company', editable: true },
  { field: 'assessor.position', label: 'Assessor position (internal or external)', editable: true },
  { field: 'dates.start', label: 'Start date', editable: true },
  { field: 'dates.target', label: 'Target date', editable: true },
  { field: 'dates.finish', label: 'Finish date', editable: true },
  { field: 'scope.description', label: 'Use case', editable: true },
  { field: 'scope.components', label: 'Components', editable: true },
  { field: 'scope.outOfScope', label: 'Out of scope', editable: true },
  { field: 'scope.highLevelDesign', label: 'High-level design', editable: true },
  { field: 'scope.pointsOfInteraction', label: 'Points of interaction', editable: true },
] as const;

export type OverviewField = (typeof OVERVIEW_FIELDS)[number]['field'];
