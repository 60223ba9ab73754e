/**
 * The .xlsx workbook: its sheets, headers, validation and protection as exceljs reads them
 * back, its values as LibreOffice reads them, and the round trip assessment → xlsx →
 * assessment (same answers, same score), also after LibreOffice has saved the file again.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadWorkbook,
  newWorkbook,
  type ExcelRow,
  type ExcelWorksheet,
} from '../../src/exchange/xlsx/exceljs-library.js';
import { readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import type { Assessment } from '../../src/core/assessment/assessment.types.js';
import { toPkimmDocument } from '../../src/core/assessment/to-pkimm-document.js';
import { PkimmError } from '../../src/core/errors.js';
import type { Model } from '../../src/core/model/model.types.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';
import { scoreToJson } from '../../src/core/scoring/score-json.js';
import { readWorkbook } from '../../src/exchange/xlsx/read-workbook.js';
import { writeWorkbook } from '../../src/exchange/xlsx/write-workbook.js';
import { bundledRegistry, EXAMPLES } from '../helpers/registry.js';
import { resavedByLibreOffice, sheetsByLibreOffice } from './exchange-support.js';

const registry = bundledRegistry();
const NOW = new Date('2026-11-02T10:00:00.000Z');
const SPONSOR = 'G.strategy-and-vision.sponsor-support';

async function example(name: string): Promise<{ assessment: Assessment; model: Model }> {
  return readAssessmentFile(join(EXAMPLES, name), registry);
}

const open = loadWorkbook;

/** The row whose hidden key column holds `key`. */
function rowOf(sheet: ExcelWorksheet, key: string): ExcelRow {
  for (let r = 2; r <= sheet.rowCount; r += 1)
    if (sheet.getRow(r).getCell(1).value === key) return sheet.getRow(r);
  throw new Error(`no row ${key} on ${sheet.name}`);
}

async function problemsOf(promise: Promise<unknown>): Promise<PkimmError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PkimmError)) throw new Error(`expected a PkimmError, got ${String(error)}`);
  return error;
}

describe('xlsx workbook', () => {
  let full: { assessment: Assessment; model: Model };
  let buffer: Buffer;
  beforeAll(async () => {
    full = await example('sample-assessment-2.0.0.yaml');
    buffer = await writeWorkbook(full.assessment, full.model, { now: NOW });
  });

  it('has the official tool’s sheets with headers, hidden locked keys and protected sheets', async () => {
    const workbook = await open(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Overview',
      'Scoping',
      'Assessment',
      'Evaluation',
      'Action plans',
      'pkimm-data',
    ]);
    const assessment = workbook.getWorksheet('Assessment') as ExcelWorksheet;
    expect(assessment.getRow(1).values).toEqual([
      undefined,
      'Key',
      'Module',
      'Category',
      'Reference',
      'Requirement',
      'Weight',
      'Maturity level',
      'Notes',
      'Evidence',
      'Guidance',
    ]);
    expect(assessment.getColumn(1).hidden).toBe(true);
    expect(workbook.getWorksheet('Scoping')?.getColumn(1).hidden).toBe(true);
    expect(workbook.getWorksheet('pkimm-data')?.state).toBe('veryHidden');
    // 16 category rows and 76 requirement rows under the header.
    expect(assessment.rowCount).toBe(1 + 16 + 76);
    const sponsor = rowOf(assessment, SPONSOR);
    expect(sponsor.getCell(1).protection?.locked).not.toBe(false);
    expect(sponsor.getCell(7).protection?.locked).toBe(false);
    expect(sponsor.getCell(8).protection?.locked).toBe(false);
    for (const sheet of workbook.worksheets) {
      expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection, sheet.name).toBeTruthy();
    }
    const plans = workbook.getWorksheet('Action plans') as ExcelWorksheet;
    expect(plans.getRow(1).values).toEqual([
      undefined,
      'Key',
      'Plan id',
      'Category',
      'Current level',
      'Title',
      'Target level',
      'Objectives',
      'Responsible',
      'Start',
      'Due',
      'Resources',
      'Dependencies',
      'Outputs',
      'Tasks',
      'Comments',
      'Status',
    ]);
    expect(plans.rowCount).toBe(1 + 16);
  });

  it('puts a drop-down of 1–5 and N/A with an input message on every rating cell', async () => {
    const sheet = (await open(buffer)).getWorksheet('Assessment') as ExcelWorksheet;
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const validation = sheet.getRow(r).getCell(7).dataValidation;
      expect(validation.type, `row ${r}`).toBe('list');
      expect(validation.formulae).toEqual(['"1,2,3,4,5,N/A"']);
      expect(validation.showInputMessage).toBe(true);
      expect(validation.prompt).toContain('3 Advanced');
      expect(validation.prompt).toContain('N/A = not applicable');
    }
    expect(rowOf(sheet, SPONSOR).getCell(7).value).toBe(4);
    expect(rowOf(sheet, 'G.policies-and-documentation.disclosure-statement').getCell(7).value).toBe('N/A');
    const scoping = (await open(buffer)).getWorksheet('Scoping') as ExcelWorksheet;
    const disclosure = rowOf(scoping, 'G.policies-and-documentation.disclosure-statement');
    expect(disclosure.getCell(6).value).toBe('Not applicable');
    expect(disclosure.getCell(6).dataValidation.formulae).toEqual([
      '"Applicable,Partially applicable,Not applicable"',
    ]);
    expect(disclosure.getCell(7).value).toEqual(expect.stringContaining('no external relying parties'));
  });

  it('offers only category levels for rating in self mode', async () => {
    const self = await example('sample-self-assessment-1.0.0.yaml');
    expect(self.assessment.mode).toBe('self');
    const sheet = (await open(await writeWorkbook(self.assessment, self.model, { now: NOW }))).getWorksheet(
      'Assessment',
    ) as ExcelWorksheet;
    const category = rowOf(sheet, 'G.1');
    const requirement = rowOf(sheet, 'G.1.1');
    expect(category.getCell(7).dataValidation.type).toBe('list');
    expect(category.getCell(7).protection?.locked).toBe(false);
    expect(requirement.getCell(7).dataValidation?.type).toBeUndefined();
    expect(requirement.getCell(7).protection?.locked).not.toBe(false);
  });

  it('holds the levels pkimm computes, as LibreOffice reads them', async () => {
    const sheets = await sheetsByLibreOffice(buffer);
    expect([...sheets.keys()].sort()).toEqual(
      ['Action plans', 'Assessment', 'Evaluation', 'Overview', 'Scoping', 'pkimm-data'].sort(),
    );
    const report = scoreAssessment(full.model, full.assessment);
    const evaluation = sheets.get('Evaluation') ?? [];
    const overall = evaluation.find((row) => row[0] === 'Overall') ?? [];
    expect(Number(overall[4])).toBeCloseTo(report.overall.raw ?? -1, 10);
    expect(overall[5]).toBe(String(report.overall.level));
    expect(overall[6]).toBe(report.overall.levelName);
    for (const category of report.categories) {
      const row = evaluation.find((r) => r[0] === 'Category' && r[1] === category.key) ?? [];
      expect(row[5], category.key).toBe(category.level === null ? '' : String(category.level));
    }
    for (const module of report.modules) {
      const row = evaluation.find((r) => r[0] === 'Module' && r[1] === module.id) ?? [];
      expect(row[6]).toBe(module.levelName ?? '');
    }
    const assessment = sheets.get('Assessment') ?? [];
    const sponsor = assessment.find((row) => row[0] === SPONSOR) ?? [];
    expect(sponsor.slice(3, 8)).toEqual([
      'G.1.1',
      'Executive sponsorship and funding',
      '3',
      '4',
      full.assessment.requirements[SPONSOR]?.notes,
    ]);
    const overview = sheets.get('Overview') ?? [];
    expect(overview.find((row) => row[0] === 'title')?.[2]).toBe(full.assessment.title);
    expect(overview.find((row) => row[0] === 'model.version')?.[2]).toBe('2.0.0');
  }, 60_000);

  it.each([
    'sample-assessment-2.0.0.yaml',
    'official-export-2.0.0-full.yaml',
    'sample-self-assessment-1.0.0.yaml',
  ])('imports back with the same answers and the same score: %s', async (name) => {
    const { assessment, model } = await example(name);
    const written = await writeWorkbook(assessment, model, { now: NOW });
    const back = await readWorkbook(written, 'book.xlsx', registry);
    expect(toPkimmDocument(back.assessment, back.model)).toEqual(toPkimmDocument(assessment, model));
    expect(scoreToJson(scoreAssessment(back.model, back.assessment))).toEqual(
      scoreToJson(scoreAssessment(model, assessment)),
    );
  });

  it('still imports the same after LibreOffice has opened and saved it', async () => {
    const back = await readWorkbook(await resavedByLibreOffice(buffer), 'resaved.xlsx', registry);
    expect(toPkimmDocument(back.assessment, back.model)).toEqual(
      toPkimmDocument(full.assessment, full.model),
    );
  }, 60_000);

  it('takes the edits a user makes in the visible cells, and they change the score', async () => {
    const workbook = await open(buffer);
    const sheet = workbook.getWorksheet('Assessment') as ExcelWorksheet;
    rowOf(sheet, SPONSOR).getCell(7).value = 1;
    rowOf(sheet, SPONSOR).getCell(8).value = 'Budget cut in 2026.';
    rowOf(sheet, 'G.strategy-and-vision.architecture').getCell(7).value = 'N/A';
    const scoping = workbook.getWorksheet('Scoping') as ExcelWorksheet;
    rowOf(scoping, 'G.strategy-and-vision.architecture').getCell(7).value =
      'Covered by the group architecture.';
    const overview = workbook.getWorksheet('Overview') as ExcelWorksheet;
    rowOf(overview, 'title').getCell(3).value = 'Edited in Excel';
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const back = await readWorkbook(edited, 'edited.xlsx', registry);
    expect(back.assessment.title).toBe('Edited in Excel');
    expect(back.assessment.requirements[SPONSOR]).toMatchObject({ level: 1, notes: 'Budget cut in 2026.' });
    expect(back.assessment.requirements['G.strategy-and-vision.architecture']).toMatchObject({
      applicability: 'not-applicable',
      reason: 'Covered by the group architecture.',
    });
    const before = scoreAssessment(full.model, full.assessment).categories[0]?.raw ?? 0;
    const after = scoreAssessment(back.model, back.assessment).categories[0]?.raw ?? 0;
    expect(after).toBeLessThan(before);
  });

  it('names the sheet and cell of every bad rating, unknown key and missing reason', async () => {
    const workbook = await open(buffer);
    const sheet = workbook.getWorksheet('Assessment') as ExcelWorksheet;
    const sponsor = rowOf(sheet, SPONSOR);
    sponsor.getCell(7).value = 7;
    const leadership = rowOf(sheet, 'G.strategy-and-vision.responsible-leadership');
    leadership.getCell(7).value = 'high';
    const scope = rowOf(sheet, 'G.strategy-and-vision.scope-and-drivers');
    scope.getCell(1).value = 'G.strategy-and-vision.no-such-thing';
    const scoping = workbook.getWorksheet('Scoping') as ExcelWorksheet;
    const architecture = rowOf(scoping, 'G.strategy-and-vision.architecture');
    architecture.getCell(6).value = 'Partially applicable';
    const error = await problemsOf(
      readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), 'bad.xlsx', registry),
    );
    expect(error.code).toBe('ASSESSMENT_INVALID');
    expect(error.source).toBe('bad.xlsx');
    expect(error.message).toBe('the workbook is not valid (3 problems)');
    expect(error.issues).toEqual([
      {
        path: `Assessment!G${sponsor.number}`,
        message: 'the maturity level must be 1 to 5, N/A or empty (got 7)',
      },
      {
        path: `Assessment!G${leadership.number}`,
        message: 'the maturity level must be 1 to 5, N/A or empty (got "high")',
      },
      {
        path: `Assessment!A${scope.number}`,
        message: expect.stringContaining(
          'no module, category or requirement "G.strategy-and-vision.no-such-thing"',
        ) as string,
      },
    ]);
    // Once the cells are fine, the model's rules are checked and placed on their cell too.
    sponsor.getCell(7).value = 4;
    leadership.getCell(7).value = 3;
    scope.getCell(1).value = 'G.strategy-and-vision.scope-and-drivers';
    const second = await problemsOf(
      readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), 'bad.xlsx', registry),
    );
    expect(second.issues).toEqual([
      {
        path: `Scoping!F${architecture.number}`,
        message: expect.stringContaining('a reason is required when applicability is partial') as string,
      },
    ]);
  });

  it('refuses a level typed into a row the scoping marks not applicable', async () => {
    const workbook = await open(buffer);
    const row = rowOf(
      workbook.getWorksheet('Assessment') as ExcelWorksheet,
      'G.policies-and-documentation.disclosure-statement',
    );
    row.getCell(7).value = 3;
    const error = await problemsOf(
      readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), 'x.xlsx', registry),
    );
    expect(error.issues[0]?.path).toBe(`Assessment!G${row.number}`);
    expect(error.issues[0]?.message).toMatch(/^rated 3, but Scoping!F\d+ says Not applicable/);
  });

  it('reports a damaged or deeply nested hidden copy on its cell instead of trusting it', async () => {
    const workbook = await open(buffer);
    const data = workbook.getWorksheet('pkimm-data') as ExcelWorksheet;
    data.getRow(2).getCell(1).value = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (let r = 3; r <= data.rowCount; r += 1) data.getRow(r).getCell(1).value = null;
    const deep = await problemsOf(
      readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), 'd.xlsx', registry),
    );
    expect(deep.issues).toEqual([
      {
        path: 'pkimm-data!A2',
        message: 'the hidden copy of the assessment is damaged: nested more than 64 levels deep',
      },
    ]);
    data.getRow(2).getCell(1).value = '{"format": "pkimm-assessment"';
    const cut = await problemsOf(
      readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), 'c.xlsx', registry),
    );
    expect(cut.issues[0]?.path).toBe('pkimm-data!A2');
    expect(cut.issues[0]?.message).toMatch(/^the hidden copy of the assessment is damaged: /);
  });

  it('refuses a workbook without the expected sheets or for an unknown model', async () => {
    const bare = newWorkbook();
    bare.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    const noSheets = await problemsOf(
      readWorkbook(Buffer.from(await bare.xlsx.writeBuffer()), 'bare.xlsx', registry),
    );
    expect(noSheets.code).toBe('ASSESSMENT_INVALID');
    expect(noSheets.message).toContain('no sheet named "Overview"');
    const workbook = await open(buffer);
    rowOf(workbook.getWorksheet('Overview') as ExcelWorksheet, 'model.version').getCell(3).value = '9.9.9';
    const unknown = await problemsOf(
      readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), 'v.xlsx', registry),
    );
    expect(unknown.code).toBe('MODEL_NOT_FOUND');
    expect(unknown.issues[0]?.path).toBe('Overview!C5');
  });
});
