/**
 * The workbook's Action plans sheet: filled with the plans, read back (also after LibreOffice
 * saved it again), edits in its cells win over the hidden copy, and bad cells are named.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import type { Assessment } from '../../src/core/assessment/assessment.types.js';
import { PkimmError } from '../../src/core/errors.js';
import type { Model } from '../../src/core/model/model.types.js';
import { loadWorkbook, type ExcelRow, type ExcelWorksheet } from '../../src/exchange/xlsx/exceljs-library.js';
import { PLAN_COL } from '../../src/exchange/xlsx/plans-sheet.js';
import { readWorkbook } from '../../src/exchange/xlsx/read-workbook.js';
import { writeWorkbook } from '../../src/exchange/xlsx/write-workbook.js';
import { bundledRegistry } from '../helpers/registry.js';
import { resavedByLibreOffice } from './exchange-support.js';

const registry = bundledRegistry();
const FILE = join(import.meta.dirname, '..', 'fixtures', 'plans', 'with-plans.yaml');
const NOW = new Date('2026-11-02T10:00:00.000Z');
const containing = (text: string) => expect.stringContaining(text) as string;

function planRow(sheet: ExcelWorksheet, test: (row: ExcelRow) => boolean): ExcelRow {
  for (let r = 2; r <= sheet.rowCount; r += 1) if (test(sheet.getRow(r))) return sheet.getRow(r);
  throw new Error('no such row');
}
const byPlan = (id: string) => (row: ExcelRow) => row.getCell(PLAN_COL.planId).value === id;
const emptyRowOf = (key: string) => (row: ExcelRow) =>
  row.getCell(PLAN_COL.key).value === key && !row.getCell(PLAN_COL.planId).value;

describe('the Action plans sheet', () => {
  let file: { assessment: Assessment; model: Model };
  let buffer: Buffer;
  beforeAll(async () => {
    file = await readAssessmentFile(FILE, registry);
    buffer = await writeWorkbook(file.assessment, file.model, { now: NOW });
  });

  it('shows each plan on a row under its category and reads the same plans back', async () => {
    const workbook = await loadWorkbook(buffer);
    const sheet = workbook.getWorksheet('Action plans') as ExcelWorksheet;
    const roadmap = planRow(sheet, byPlan('roadmap'));
    expect(roadmap.getCell(PLAN_COL.title).value).toBe('Multi-year PKI roadmap');
    expect(roadmap.getCell(PLAN_COL.tasks).value).toBe('[x] Draft the roadmap\n[ ] Board review');
    expect(roadmap.getCell(PLAN_COL.status).value).toBe('In progress');
    expect(planRow(sheet, byPlan('no-date')).getCell(PLAN_COL.subject).value).toBe(
      'Strategy and vision: Executive sponsorship and funding',
    );
    // 16 categories, two of them with plans (one of those with two): 16 - 2 + 3 rows.
    expect(sheet.rowCount).toBe(1 + 17);
    const back = await readWorkbook(buffer, 'plans.xlsx', registry);
    expect(back.assessment.plans).toEqual(file.assessment.plans);
  });

  it('takes the edits made in the cells: a ticked task, a status, a new plan, a cleared row', async () => {
    const workbook = await loadWorkbook(buffer);
    const sheet = workbook.getWorksheet('Action plans') as ExcelWorksheet;
    const roadmap = planRow(sheet, byPlan('roadmap'));
    roadmap.getCell(PLAN_COL.tasks).value = '[x] Draft the roadmap\n[x] Board review\n[ ] Publish';
    roadmap.getCell(PLAN_COL.status).value = 'Done';
    const fresh = planRow(sheet, emptyRowOf('G.compliance'));
    fresh.getCell(PLAN_COL.title).value = 'ISO 27001 certification';
    fresh.getCell(PLAN_COL.due).value = '2027-01-31';
    fresh.getCell(PLAN_COL.targetLevel).value = '3';
    const cleared = planRow(sheet, byPlan('ocsp-monitoring'));
    for (let c = PLAN_COL.title; c <= PLAN_COL.status; c += 1) cleared.getCell(c).value = null;
    const back = await readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), 'edited.xlsx', registry);
    const plans = back.assessment.plans ?? {};
    expect(plans['roadmap']).toMatchObject({
      status: 'done',
      tasks: [
        { label: 'Draft the roadmap', done: true },
        { label: 'Board review', done: true },
        { label: 'Publish', done: false },
      ],
    });
    expect(plans['G.compliance']).toEqual({
      subject: 'G.compliance',
      title: 'ISO 27001 certification',
      status: 'planned',
      targetLevel: 3,
      schedule: { due: '2027-01-31' },
    });
    expect(plans).not.toHaveProperty('ocsp-monitoring');
  });

  it('names the cell of a bad date, status or target level, and of a due date before the start', async () => {
    const workbook = await loadWorkbook(buffer);
    const sheet = workbook.getWorksheet('Action plans') as ExcelWorksheet;
    const roadmap = planRow(sheet, byPlan('roadmap'));
    roadmap.getCell(PLAN_COL.status).value = 'Someday';
    roadmap.getCell(PLAN_COL.targetLevel).value = '7';
    const other = planRow(sheet, byPlan('ocsp-monitoring'));
    other.getCell(PLAN_COL.start).value = '2027-31-01';
    const third = planRow(sheet, byPlan('no-date'));
    third.getCell(PLAN_COL.start).value = '2026-05-02';
    third.getCell(PLAN_COL.due).value = '2026-05-01';
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const error = await readWorkbook(edited, 'bad.xlsx', registry).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PkimmError);
    const issues = (error as PkimmError).issues;
    const col = (n: number) => String.fromCharCode(64 + n);
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: `Action plans!${col(PLAN_COL.status)}${roadmap.number}`,
          message: containing('Planned, In progress, Done or Dropped (got "Someday")'),
        },
        {
          path: `Action plans!${col(PLAN_COL.targetLevel)}${roadmap.number}`,
          message: containing('1 to 5 (got "7")'),
        },
        {
          path: `Action plans!${col(PLAN_COL.start)}${other.number}`,
          message: containing('YYYY-MM-DD (got "2027-31-01")'),
        },
        {
          path: `Action plans!${col(PLAN_COL.due)}${third.number}`,
          message: containing('the due date 2026-05-01 is before the start 2026-05-02'),
        },
      ]),
    );
  });

  it('reads the same plans after LibreOffice saved the workbook again', async () => {
    const resaved = await resavedByLibreOffice(buffer);
    const back = await readWorkbook(resaved, 'resaved.xlsx', registry);
    expect(back.assessment.plans).toEqual(file.assessment.plans);
  }, 90_000);
});
