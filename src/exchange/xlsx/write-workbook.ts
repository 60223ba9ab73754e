import type { Assessment, Applicability } from '../../core/assessment/assessment.types.js';
import { toPkimmDocument } from '../../core/assessment/to-pkimm-document.js';
import type { Model } from '../../core/model/model.types.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import type { LevelValue } from '../../core/scoring/score.types.js';
import { exceljsPort } from './exceljs-adapter.js';
import { plansSheet } from './plans-sheet.js';
import {
  APPLICABILITY_LABELS,
  DATA_CHUNK,
  DATA_MARKER,
  DATA_VERSION,
  KIND,
  NOT_APPLICABLE_RATING,
  OVERVIEW_FIELDS,
  POSITION_LABELS,
  RATING_VALUES,
  SHEETS,
  TYPE_LABELS,
  type OverviewField,
} from './layout.js';
import type { CellSpec, CellValue, ListValidation, SheetSpec, SpreadsheetPort } from './spreadsheet-port.js';

export interface WriteWorkbookOptions {
  /** The creation date written into the file's properties. */
  now: Date;
  port?: SpreadsheetPort;
}

/**
 * The assessment as an .xlsx workbook laid out like the official Excel assessment tool.
 * Ratings, applicability, reasons, notes, evidence and the Overview details are editable;
 * everything else is locked, and the hidden key column ties each row to the model.
 */
export async function writeWorkbook(
  assessment: Assessment,
  model: Model,
  options: WriteWorkbookOptions,
): Promise<Buffer> {
  const port = options.port ?? exceljsPort;
  return port.write({
    creator: 'pkimm',
    created: options.now,
    sheets: [
      overviewSheet(assessment),
      scopingSheet(assessment, model),
      assessmentSheet(assessment, model),
      evaluationSheet(assessment, model),
      plansSheet(assessment, model),
      dataSheet(assessment, model),
    ],
  });
}

const edit = (value: CellValue, validation?: ListValidation): CellSpec =>
  validation ? { value, editable: true, validation } : { value, editable: true };

function ratingValidation(model: Model, what: string): ListValidation {
  const names = model.levels.map((l) => `${l.number} ${l.name}`).join(', ');
  return {
    values: RATING_VALUES,
    title: 'Maturity level',
    // Excel shows at most 255 characters here.
    prompt: `${what}: ${names}; N/A = not applicable (reason on Scoping); empty = not assessed.`.slice(
      0,
      255,
    ),
    error: 'Choose 1 to 5, N/A, or leave the cell empty.',
  };
}

const applicabilityValidation: ListValidation = {
  values: Object.values(APPLICABILITY_LABELS),
  title: 'Applicability',
  prompt: 'Applicable, Partially applicable or Not applicable. Give a reason for the last two.',
  error: 'Choose Applicable, Partially applicable or Not applicable.',
};

function overviewSheet(a: Assessment): SheetSpec {
  const validations: Partial<Record<OverviewField, ListValidation>> = {
    type: {
      values: Object.values(TYPE_LABELS),
      title: 'Assessment type',
      prompt: 'Self (low trust), Formal (medium) or Third party (high).',
      error: 'Choose Self, Formal or Third party.',
    },
    'assessor.position': {
      values: Object.values(POSITION_LABELS),
      title: 'Assessor position',
      prompt: 'Internal or External to the organisation.',
      error: 'Choose Internal or External.',
    },
  };
  return {
    name: SHEETS.overview,
    protect: true,
    columns: [
      { header: 'Field', width: 10, hidden: true },
      { header: 'Item', width: 34 },
      { header: 'Value', width: 90, wrap: true },
    ],
    rows: OVERVIEW_FIELDS.map(({ field, label, editable }) => {
      const value = overviewValue(a, field);
      return [field, { value: label, bold: true }, editable ? edit(value, validations[field]) : value];
    }),
  };
}

export function overviewValue(a: Assessment, field: OverviewField): string | null {
  switch (field) {
    case 'id':
      return a.id ?? null;
    case 'title':
      return a.title;
    case 'model.id':
      return a.model.id;
    case 'model.version':
      return a.model.version;
    case 'mode':
      return a.mode;
    case 'type':
      return a.type ? TYPE_LABELS[a.type] : null;
    case 'organisation':
      return a.organisation ?? null;
    case 'assessor.position':
      return a.assessor?.position ? POSITION_LABELS[a.assessor.position] : null;
    case 'assessor.name':
    case 'assessor.company':
      return a.assessor?.[field === 'assessor.name' ? 'name' : 'company'] ?? null;
    default: {
      const [group, key] = field.split('.') as ['dates' | 'scope', string];
      const values = (a[group] ?? {}) as Record<string, string | undefined>;
      return values[key] ?? null;
    }
  }
}

function scopingSheet(a: Assessment, model: Model): SheetSpec {
  const rows: (CellSpec | CellValue)[][] = [];
  const row = (key: string, kind: string, ref: string, name: string, weight: number | null, d?: Scope) => [
    key,
    kind,
    ref,
    kind === KIND.requirement ? name : { value: name, bold: true },
    weight,
    edit(APPLICABILITY_LABELS[d?.applicability ?? 'applicable'], applicabilityValidation),
    edit(d?.reason ?? null),
  ];
  for (const module of model.modules) {
    rows.push(row(module.id, KIND.module, module.id, module.name, null, a.modules[module.id]));
    for (const category of module.categories) {
      const answer = a.categories[category.key];
      rows.push(row(category.key, KIND.category, category.position, category.name, category.weight, answer));
      for (const r of category.requirements) {
        rows.push(row(r.key, KIND.requirement, r.position, r.name, r.weight, a.requirements[r.key]));
      }
    }
  }
  return {
    name: SHEETS.scoping,
    protect: true,
    columns: [
      { header: 'Key', width: 10, hidden: true },
      { header: 'Level', width: 12 },
      { header: 'Reference', width: 10 },
      { header: 'Name', width: 50, wrap: true },
      { header: 'Weight', width: 8 },
      { header: 'Applicability', width: 22 },
      { header: 'Reason', width: 60, wrap: true },
    ],
    rows,
  };
}

type Scope = { applicability: Applicability; reason?: string };

function ratingCell(level: number, applicability: Applicability): CellValue {
  if (applicability === 'not-applicable') return NOT_APPLICABLE_RATING;
  return level === 0 ? null : level;
}

function assessmentSheet(a: Assessment, model: Model): SheetSpec {
  const full = a.mode === 'full';
  const categoryRating = ratingValidation(
    model,
    full ? 'Category level (used where no requirement is rated)' : 'Category level',
  );
  const requirementRating = ratingValidation(model, 'Requirement rating');
  const rows: (CellSpec | CellValue)[][] = [];
  for (const module of model.modules) {
    for (const category of module.categories) {
      const c = a.categories[category.key];
      const rating = ratingCell(c?.level ?? 0, c?.applicability ?? 'applicable');
      rows.push([
        category.key,
        module.name,
        { value: category.name, bold: true },
        category.position,
        null,
        category.weight,
        edit(rating, categoryRating),
        edit(c?.notes ?? null),
        null,
        category.description,
      ]);
      for (const r of category.requirements) {
        const answer = a.requirements[r.key];
        const value = ratingCell(answer?.level ?? 0, answer?.applicability ?? 'applicable');
        rows.push([
          r.key,
          module.name,
          category.name,
          r.position,
          r.name,
          r.weight,
          // In self mode requirement ratings do not count, so they are not offered for editing.
          full ? edit(value, requirementRating) : value,
          edit(answer?.notes ?? null),
          edit(answer?.evidence ?? null),
          r.guidance,
        ]);
      }
    }
  }
  return {
    name: SHEETS.assessment,
    protect: true,
    columns: [
      { header: 'Key', width: 10, hidden: true },
      { header: 'Module', width: 14 },
      { header: 'Category', width: 28, wrap: true },
      { header: 'Reference', width: 10 },
      { header: 'Requirement', width: 40, wrap: true },
      { header: 'Weight', width: 8 },
      { header: 'Maturity level', width: 14 },
      { header: 'Notes', width: 50, wrap: true },
      { header: 'Evidence', width: 40, wrap: true },
      { header: 'Guidance', width: 70, wrap: true },
    ],
    rows,
  };
}

/** Levels as values computed by pkimm's scoring (no formulas: nothing to recalculate or cache). */
function evaluationSheet(a: Assessment, model: Model): SheetSpec {
  const report = scoreAssessment(model, a);
  const values = (v: LevelValue): CellValue[] => [v.raw, v.level, v.levelName, v.progress];
  const rows: CellValue[][] = [
    ['Overall', '', 'Overall', null, ...values(report.overall), report.completeness.rated, null, null],
    ...report.modules.map((m) => ['Module', m.id, m.name, m.weightSum, ...values(m), null, null, null]),
    ...report.categories.map((c) => [
      'Category',
      c.key,
      c.name,
      c.weight,
      ...values(c),
      c.rated,
      c.notApplicable,
      c.notAssessed,
    ]),
  ];
  return {
    name: SHEETS.evaluation,
    protect: true,
    columns: [
      { header: 'Level of', width: 10 },
      { header: 'Key', width: 34 },
      { header: 'Name', width: 34 },
      { header: 'Weight', width: 8 },
      { header: 'Raw', width: 12 },
      { header: 'Level', width: 8 },
      { header: 'Level name', width: 14 },
      { header: 'Progress to next', width: 16 },
      { header: 'Rated', width: 8 },
      { header: 'Not applicable', width: 14 },
      { header: 'Not assessed', width: 12 },
    ],
    rows,
  };
}

function dataSheet(a: Assessment, model: Model): SheetSpec {
  const json = JSON.stringify(toPkimmDocument(a, model));
  const chunks: CellValue[][] = [];
  for (let at = 0; at < json.length; at += DATA_CHUNK) chunks.push([json.slice(at, at + DATA_CHUNK)]);
  return {
    name: SHEETS.data,
    state: 'veryHidden',
    protect: true,
    columns: [
      { header: DATA_MARKER, width: 20 },
      { header: String(DATA_VERSION), width: 10 },
    ],
    rows: chunks,
  };
}
