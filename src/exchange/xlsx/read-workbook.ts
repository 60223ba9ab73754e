import type { Applicability, Assessment, AssessmentType } from '../../core/assessment/assessment.types.js';
import { setOwn } from '../../core/assessment/compact.js';
import { parsePkimmAssessment } from '../../core/assessment/parse-pkimm-assessment.js';
import { describeValue } from '../../core/assessment/rating.js';
import { validateAgainstModel } from '../../core/assessment/validate-against-model.js';
import { PkimmError, type Issue } from '../../core/errors.js';
import { indexModel } from '../../core/model/model-index.js';
import { MODULE_IDS, type Model, type ModuleId } from '../../core/model/model.types.js';
import type { ModelSource } from '../../assessment-io/model-source.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../limits.js';
import { exceljsPort } from './exceljs-adapter.js';
import {
  APPLICABILITY_LABELS,
  ASSESSMENT_COL,
  DATA_MARKER,
  OVERVIEW_COL,
  OVERVIEW_FIELDS,
  POSITION_LABELS,
  SCOPING_COL,
  SHEETS,
  TYPE_LABELS,
  type OverviewField,
} from './layout.js';
import {
  cellRef,
  type CellValue,
  type ReadSheet,
  type ReadWorkbook,
  type SpreadsheetPort,
} from './spreadsheet-port.js';
import { deepestNesting } from '../../io/nesting-guard.js';
import {
  fromLabel,
  isBlank,
  isDefault,
  parseRating,
  setField,
  setText,
  text,
  withoutScope,
  type Entry,
} from './cell-values.js';
import { inspectZip } from './zip-guard.js';
import { applyPlansSheet } from './plans-sheet.js';

export interface ReadWorkbookResult {
  assessment: Assessment;
  model: Model;
}

/**
 * Reads a workbook written by writeWorkbook (and possibly edited in Excel or LibreOffice) back
 * into an assessment. The hidden data sheet gives the starting point, so fields the sheets do
 * not show survive; what the visible cells say wins. Every problem is reported at once with
 * its cell (`Assessment!G12`), and the zip is checked for bombs before it is opened.
 */
export async function readWorkbook(
  bytes: Buffer,
  source: string,
  registry: ModelSource,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
  port: SpreadsheetPort = exceljsPort,
): Promise<ReadWorkbookResult> {
  inspectZip(bytes, source, limits);
  const workbook = await port.read(bytes, source, limits);
  const issues: Issue[] = [];
  const overview = requireSheet(workbook, SHEETS.overview, source);
  const fields = readOverview(overview);
  const modelId = fields.get('model.id');
  const version = fields.get('model.version');
  if (typeof modelId?.value !== 'string' || typeof version?.value !== 'string') {
    throw invalid(source, [
      {
        path: cellRef(SHEETS.overview, modelId?.row ?? 0, OVERVIEW_COL.value),
        message: 'the model and its version are missing',
      },
    ]);
  }
  const model = await getModel(registry, modelId.value, version.value, source, version.row);
  const reader = new WorkbookReader(model, issues, limits.maxNestingDepth);
  const assessment = reader.base(workbook.sheet(SHEETS.data), modelId.value, version.value);
  reader.applyOverview(assessment, fields);
  const scoping = requireSheet(workbook, SHEETS.scoping, source);
  const rated = requireSheet(workbook, SHEETS.assessment, source);
  reader.applyScoping(assessment, scoping);
  reader.applyRatings(assessment, rated);
  applyPlansSheet(assessment, workbook.sheet(SHEETS.actionPlans), model, issues);
  if (issues.length === 0) {
    for (const issue of validateAgainstModel(assessment, model))
      issues.push(reader.locate(issue.path, issue.message));
  }
  if (issues.length > 0) throw invalid(source, issues);
  return { assessment, model };
}

interface Located {
  value: CellValue;
  row: number;
}

function requireSheet(workbook: ReadWorkbook, name: string, source: string): ReadSheet {
  const sheet = workbook.sheet(name);
  if (sheet) return sheet;
  throw new PkimmError(
    'ASSESSMENT_INVALID',
    `the workbook has no sheet named "${name}"; start from a workbook pkimm wrote (pkimm export FILE --format xlsx)`,
    { source },
  );
}

function readOverview(sheet: ReadSheet): Map<string, Located> {
  const fields = new Map<string, Located>();
  for (let row = 2; row <= sheet.rowCount; row += 1) {
    const field = sheet.cell(row, OVERVIEW_COL.field);
    if (typeof field === 'string') fields.set(field, { value: sheet.cell(row, OVERVIEW_COL.value), row });
  }
  return fields;
}

async function getModel(registry: ModelSource, id: string, version: string, source: string, row: number) {
  try {
    return await registry.get(id, version);
  } catch (error) {
    if (!(error instanceof PkimmError) || error.code !== 'MODEL_NOT_FOUND') throw error;
    throw new PkimmError(
      'MODEL_NOT_FOUND',
      `the workbook is for ${id} ${version}, which pkimm does not have`,
      {
        source,
        issues: [{ path: cellRef(SHEETS.overview, row, OVERVIEW_COL.value), message: error.message }],
        cause: error,
      },
    );
  }
}

function invalid(source: string, issues: Issue[]): PkimmError {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return new PkimmError('ASSESSMENT_INVALID', `the workbook is not valid (${count})`, { source, issues });
}

class WorkbookReader {
  private readonly index;
  /** Where each key's rows are, to put validation messages on the right cell. */
  private readonly scopingRow = new Map<string, number>();
  private readonly ratingRow = new Map<string, number>();
  /** Entries the hidden copy holds; they stay even when every field is back at its default. */
  private readonly baseKeys = new Set<string>();

  constructor(
    private readonly model: Model,
    private readonly issues: Issue[],
    private readonly maxDepth: number,
  ) {
    this.index = indexModel(model);
  }

  /** The hidden copy of the whole document, or an empty assessment when there is none. */
  base(sheet: ReadSheet | undefined, modelId: string, version: string): Assessment {
    const empty: Assessment = {
      title: '',
      model: { id: modelId, version },
      mode: 'full',
      modules: {},
      categories: {},
      requirements: {},
      extensions: [],
      relevance: {},
    };
    if (!sheet || sheet.cell(1, 1) !== DATA_MARKER) return empty;
    let json = '';
    for (let row = 2; row <= sheet.rowCount; row += 1) json += text(sheet.cell(row, 1)) ?? '';
    const damaged = (message: string) => {
      this.issues.push({
        path: cellRef(SHEETS.data, 2, 1),
        message: `the hidden copy of the assessment is damaged: ${message}`,
      });
      return empty;
    };
    // Checked like any uploaded JSON: deep nesting would exhaust the stack further on.
    const depth = deepestNesting(json, this.maxDepth).depth;
    if (depth > this.maxDepth) return damaged(`nested more than ${this.maxDepth} levels deep`);
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      return damaged((error as Error).message);
    }
    const parsed = parsePkimmAssessment(value);
    if (!parsed.assessment)
      return damaged(parsed.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const { model } = parsed.assessment;
    if (model.id !== modelId || model.version !== version) {
      return damaged(`it is for ${model.id} ${model.version}, the Overview says ${modelId} ${version}`);
    }
    for (const key of [
      ...Object.keys(parsed.assessment.categories),
      ...Object.keys(parsed.assessment.requirements),
    ]) {
      this.baseKeys.add(key);
    }
    return parsed.assessment;
  }

  applyOverview(a: Assessment, fields: Map<string, Located>): void {
    const get = (field: OverviewField) => {
      const found = fields.get(field);
      return found
        ? { text: text(found.value), ref: cellRef(SHEETS.overview, found.row, OVERVIEW_COL.value) }
        : undefined;
    };
    for (const { field } of OVERVIEW_FIELDS) {
      const found = get(field);
      if (!found) continue;
      const value = found.text;
      switch (field) {
        case 'id':
        case 'model.id':
        case 'model.version':
          break;
        case 'title':
          if (value !== undefined) a.title = value;
          else if (!isBlank(a.title))
            this.issues.push({ path: found.ref, message: 'the title must not be empty' });
          break;
        case 'mode':
          if (value === 'self' || value === 'full') a.mode = value;
          else
            this.issues.push({
              path: found.ref,
              message: `the mode must be self or full (got ${describeValue(value ?? '')})`,
            });
          break;
        case 'type': {
          const type =
            value === undefined
              ? undefined
              : fromLabel<AssessmentType>(TYPE_LABELS, value, { 'third party': 'third-party' });
          if (value !== undefined && type === undefined) {
            this.issues.push({
              path: found.ref,
              message: `the assessment type must be Self, Formal or Third party (got ${describeValue(value)})`,
            });
          } else if (type === undefined) delete a.type;
          else a.type = type;
          break;
        }
        case 'organisation':
          if (value !== undefined) a.organisation = value;
          else if (!isBlank(a.organisation)) delete a.organisation;
          break;
        case 'assessor.position': {
          const position = value === undefined ? undefined : fromLabel(POSITION_LABELS, value);
          if (value !== undefined && position === undefined) {
            this.issues.push({
              path: found.ref,
              message: `the position must be Internal or External (got ${describeValue(value)})`,
            });
          } else setField(a, 'assessor', 'position', position);
          break;
        }
        default: {
          const [group, key] = field.split('.') as ['assessor' | 'dates' | 'scope', string];
          setField(a, group, key, value);
        }
      }
    }
  }

  applyScoping(a: Assessment, sheet: ReadSheet): void {
    for (let row = 2; row <= sheet.rowCount; row += 1) {
      const key = text(sheet.cell(row, SCOPING_COL.key));
      if (key === undefined) continue;
      const ref = (column: number) => cellRef(SHEETS.scoping, row, column);
      if (!this.remember(this.scopingRow, key, row, ref(SCOPING_COL.key))) continue;
      const given = text(sheet.cell(row, SCOPING_COL.applicability));
      const applicability: Applicability | undefined =
        given === undefined
          ? 'applicable'
          : fromLabel<Applicability>(APPLICABILITY_LABELS, given, {
              partial: 'partial',
              'n/a': 'not-applicable',
              na: 'not-applicable',
            });
      if (applicability === undefined) {
        this.issues.push({
          path: ref(SCOPING_COL.applicability),
          message: `applicability must be Applicable, Partially applicable or Not applicable (got ${describeValue(given)})`,
        });
        continue;
      }
      const reason = text(sheet.cell(row, SCOPING_COL.reason));
      const decision = { applicability, ...(reason === undefined ? {} : { reason }) };
      if ((MODULE_IDS as readonly string[]).includes(key)) {
        const id = key as ModuleId;
        if (applicability === 'applicable' && reason === undefined) delete a.modules[id];
        else a.modules[id] = decision;
      } else if (this.index.categoryByKey.has(key) || this.index.requirementByKey.has(key)) {
        const entries = (this.index.categoryByKey.has(key) ? a.categories : a.requirements) as Record<
          string,
          Entry
        >;
        const entry: Entry = { ...withoutScope(entries[key] ?? { level: 0 }), ...decision };
        if (isDefault(entry) && !this.baseKeys.has(key)) delete entries[key];
        else setOwn(entries, key, entry);
      } else {
        this.issues.push({ path: ref(SCOPING_COL.key), message: this.unknown(key) });
      }
    }
  }

  applyRatings(a: Assessment, sheet: ReadSheet): void {
    for (let row = 2; row <= sheet.rowCount; row += 1) {
      const key = text(sheet.cell(row, ASSESSMENT_COL.key));
      if (key === undefined) continue;
      const ref = (column: number) => cellRef(SHEETS.assessment, row, column);
      if (!this.remember(this.ratingRow, key, row, ref(ASSESSMENT_COL.key))) continue;
      const isCategory = this.index.categoryByKey.has(key);
      if (!isCategory && !this.index.requirementByKey.has(key)) {
        this.issues.push({ path: ref(ASSESSMENT_COL.key), message: this.unknown(key) });
        continue;
      }
      const rating = parseRating(sheet.cell(row, ASSESSMENT_COL.rating));
      if (typeof rating === 'object' && 'problem' in rating) {
        this.issues.push({ path: ref(ASSESSMENT_COL.rating), message: rating.problem });
        continue;
      }
      const entries = (isCategory ? a.categories : a.requirements) as Record<string, Entry>;
      const entry: Entry = { ...(entries[key] ?? { level: 0, applicability: 'applicable' }) };
      if (rating === 'n/a') {
        // The level stays as it was: a cell shows either N/A or a level, the file may hold both.
        if (entry.applicability !== 'not-applicable') entry.applicability = 'not-applicable';
      } else if (rating.level > 0 && entry.applicability === 'not-applicable') {
        const scoped = this.scopingRow.get(key);
        this.issues.push({
          path: ref(ASSESSMENT_COL.rating),
          message: `rated ${rating.level}, but ${scoped ? cellRef(SHEETS.scoping, scoped, SCOPING_COL.applicability) : 'the scoping'} says Not applicable; change one of them`,
        });
        continue;
      } else entry.level = rating.level;
      setText(entry, 'notes', text(sheet.cell(row, ASSESSMENT_COL.notes)));
      if (!isCategory) setText(entry, 'evidence', text(sheet.cell(row, ASSESSMENT_COL.evidence)));
      if (isDefault(entry) && !this.baseKeys.has(key)) delete entries[key];
      else setOwn(entries, key, entry);
    }
  }

  /** A validation problem of the finished assessment, placed on the cell it is about. */
  locate(path: readonly (string | number)[], message: string): Issue {
    const [collection, key, field] = path.map(String);
    const scoping = field === 'applicability' || field === 'reason';
    const row = key === undefined ? undefined : (scoping ? this.scopingRow : this.ratingRow).get(key);
    if (row === undefined) return { path: path.join('.'), message };
    const column = scoping
      ? field === 'reason'
        ? SCOPING_COL.reason
        : SCOPING_COL.applicability
      : field === 'notes'
        ? ASSESSMENT_COL.notes
        : field === 'evidence'
          ? ASSESSMENT_COL.evidence
          : ASSESSMENT_COL.rating;
    return {
      path: cellRef(scoping ? SHEETS.scoping : SHEETS.assessment, row, column),
      message: `${collection}.${key}: ${message}`,
    };
  }

  private remember(rows: Map<string, number>, key: string, row: number, ref: string): boolean {
    const earlier = rows.get(key);
    if (earlier !== undefined) {
      this.issues.push({
        path: ref,
        message: `"${key}" appears twice (also on row ${earlier}); keep one row per key`,
      });
      return false;
    }
    rows.set(key, row);
    return true;
  }

  private unknown(key: string): string {
    return `no module, category or requirement "${key}" in ${this.model.id} ${this.model.version}; the hidden key column must not be edited`;
  }
}
