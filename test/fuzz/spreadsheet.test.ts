/**
 * The .xlsx import under fuzzing. Real workbooks written by pkimm are reopened with exceljs and
 * their cells overwritten with what people and tools put there (formulas, rich text, error
 * values, dates, huge numbers, hyperlinks, long and hostile text), cells merged, sheets renamed,
 * removed or added, and the hidden JSON sheet broken; then raw bytes, truncated and corrupted
 * archives, and zip bombs that declare one size and hold another. Each import succeeds with an
 * assessment that round-trips, or fails with a PkimmError; the limits of limits.ts hold.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { serializeAssessment } from '../../src/assessment-io/serialize.js';
import { DEFAULT_UPLOAD_LIMITS } from '../../src/exchange/limits.js';
import { readAssessmentBytes } from '../../src/exchange/read-assessment-bytes.js';
import { loadWorkbook, type ExcelWorksheet } from '../../src/exchange/xlsx/exceljs-library.js';
import { SHEETS } from '../../src/exchange/xlsx/layout.js';
import { PLAN_COL } from '../../src/exchange/xlsx/plans-sheet.js';
import { writeWorkbook } from '../../src/exchange/xlsx/write-workbook.js';
import { bundledRegistry, EXAMPLES } from '../helpers/registry.js';
import { buildZip } from '../integration/exchange-support.js';
import {
  expectPkimmError,
  expectPrototypeUntouched,
  expectSameData,
  hostileString,
  runs,
  withinTime,
} from './support/hostile.js';

const registry = bundledRegistry();
const CODES = [
  'PARSE_ERROR',
  'FORMAT_UNKNOWN',
  'ASSESSMENT_INVALID',
  'UNKNOWN_ID',
  'MODEL_NOT_FOUND',
  'FILE_TOO_LARGE',
] as const;
let book: Buffer;

beforeAll(async () => {
  const { assessment, model } = await readAssessmentFile(
    join(EXAMPLES, 'sample-assessment-2.0.0.yaml'),
    registry,
  );
  book = await writeWorkbook(assessment, model, { now: new Date('2026-01-01T00:00:00Z') });
});

/** Imports `bytes`: a workbook that is read must come back the same through our YAML. */
async function importsOrRefuses(bytes: Buffer): Promise<'read' | 'refused'> {
  try {
    const read = await withinTime(10_000, 'importing one workbook', () =>
      readAssessmentBytes(bytes, 'fuzz.xlsx', registry),
    );
    const again = await readAssessmentBytes(
      Buffer.from(serializeAssessment(read.assessment, read.model, 'pkimm-yaml')),
      'again.yaml',
      registry,
    );
    expectSameData(again.assessment, read.assessment);
    return 'read';
  } catch (error) {
    expectPkimmError(error, CODES);
    return 'refused';
  } finally {
    expectPrototypeUntouched();
  }
}

const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString.filter((s) => s.length < 40_000),
  fc.constantFrom(0, -1, 3, 5, 6, 2.5, 1e308, -1e308, 2 ** 53 + 1, Number.MIN_VALUE, true, false, null),
  fc.integer({ min: -10, max: 10 }),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  fc.constantFrom(
    { formula: 'SUM(A1:A3)', result: 7 },
    { formula: '1/0', result: { error: '#DIV/0!' } },
    { formula: 'HYPERLINK("http://x","3")' },
    { error: '#N/A' },
    { error: '#REF!' },
    { richText: [{ text: '3 - ' }, { font: { bold: true }, text: 'Advanced' }] },
    { richText: [] },
    { text: 'link', hyperlink: 'javascript:alert(1)' },
  ),
);

const sheetNames = Object.values(SHEETS);
const edit = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('cell' as const),
      sheet: fc.constantFrom(...sheetNames),
      row: fc.integer({ min: 1, max: 80 }),
      column: fc.integer({ min: 1, max: 12 }),
      value: cellValue,
    }),
  },
  fc.record({
    kind: fc.constant('merge' as const),
    sheet: fc.constantFrom(...sheetNames),
    row: fc.integer({ min: 1, max: 60 }),
    column: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({
    kind: fc.constantFrom('rename' as const, 'remove' as const, 'add' as const),
    sheet: fc.constantFrom(...sheetNames),
    name: fc.constantFrom('Overview', 'Sheet1', 'pkimm-data', 'assessment', 'Ünïcode ✓'),
  }),
);

type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

/** The exceljs calls pkimm's typed port leaves out, which only this test needs. */
interface EditableSheet extends ExcelWorksheet {
  id: number;
  mergeCells(range: string): void;
}
interface EditableBook {
  worksheets: EditableSheet[];
  removeWorksheet(id: number): void;
  addWorksheet(name: string): EditableSheet;
  xlsx: { writeBuffer(): Promise<ArrayBuffer> };
}

function column(n: number): string {
  return String.fromCharCode(64 + n);
}

async function edited(edits: Edit[]): Promise<Buffer> {
  const workbook = (await loadWorkbook(book)) as unknown as EditableBook;
  for (const e of edits) {
    const sheet = workbook.worksheets.find((s) => s.name === e.sheet);
    if (!sheet) continue;
    try {
      if (e.kind === 'cell') sheet.getRow(e.row).getCell(e.column).value = e.value;
      else if (e.kind === 'merge')
        sheet.mergeCells(`${column(e.column)}${e.row}:${column(e.column + 1)}${e.row + 1}`);
      else if (e.kind === 'rename') sheet.name = e.name;
      else if (e.kind === 'remove') workbook.removeWorksheet(sheet.id);
      else workbook.addWorksheet(`${e.name} ${workbook.worksheets.length}`);
    } catch {
      // exceljs refuses some edits itself (overlapping merges, taken names): skip them.
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('spreadsheet import under fuzzing', () => {
  it('imports or refuses workbooks with fuzzed cells, merges and sheets', async () => {
    const outcomes = { read: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        outcomes[await importsOrRefuses(await edited(edits))] += 1;
      }),
      { numRuns: runs(40) },
    );
    // About one in five is refused (a value outside the ladder, a broken data sheet); a run with
    // none of either would mean the edits no longer reach the reader.
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 120_000);

  it('refuses plan dates beyond any calendar with the cell named, not a RangeError', async () => {
    // Found by this fuzz: a day number like -1e308 in a date column threw from toISOString.
    for (const value of [-1e308, 1e308, 2_958_466, -2_958_466]) {
      const bytes = await edited([
        { kind: 'cell', sheet: SHEETS.actionPlans, row: 2, column: PLAN_COL.start, value },
        {
          kind: 'cell',
          sheet: SHEETS.actionPlans,
          row: 2,
          column: PLAN_COL.key,
          value: 'G.strategy-and-vision',
        },
      ]);
      const error = await readAssessmentBytes(bytes, 'dates.xlsx', registry).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(
        expectPkimmError(error, CODES)
          .issues.map((i) => i.message)
          .join('\n'),
      ).toMatch(/the start date must be a calendar date YYYY-MM-DD/);
    }
  });

  it('refuses truncated, corrupted and random archives with a typed error', async () => {
    const damaged = fc.oneof(
      fc.nat().map((n) => book.subarray(0, n % book.length)),
      fc
        .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })
        .map((changes) => {
          const copy = Buffer.from(book);
          for (const [at, byte] of changes) copy[at % copy.length] = byte;
          return copy;
        }),
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.concat([Buffer.from('PK\x03\x04'), bytes])),
    );
    await fc.assert(
      fc.asyncProperty(damaged, async (bytes) => {
        await importsOrRefuses(bytes);
      }),
      { numRuns: runs(120) },
    );
  }, 120_000);

  it('refuses zip bombs by their declared or their real size', async () => {
    const bomb = fc.record({
      name: fc.constantFrom(
        'xl/worksheets/sheet1.xml',
        'xl/sharedStrings.xml',
        'xl/workbook.xml',
        '[Content_Types].xml',
      ),
      size: fc.integer({ min: 30_000, max: 1_000_000 }),
      declared: fc.option(fc.constantFrom(0, 1, 1000, 2 ** 32 - 1), { nil: undefined }),
      entries: fc.integer({ min: 1, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(bomb, async ({ name, size, declared, entries }) => {
        const zip = buildZip(
          Array.from({ length: entries }, (_, i) => ({
            name: i === 0 ? name : `${name}.${i}`,
            data: Buffer.alloc(size * 10),
            ...(declared === undefined ? {} : { declaredSize: declared }),
          })),
        );
        expect(await importsOrRefuses(zip)).toBe('refused');
      }),
      { numRuns: runs(20) },
    );
    expect(DEFAULT_UPLOAD_LIMITS.maxCompressionRatio).toBeLessThan(1000);
  }, 120_000);
});
