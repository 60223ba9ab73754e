import { createRequire } from 'node:module';

/**
 * The part of exceljs 4.4.0 pkimm uses, typed here instead of through the package's own
 * declarations: its index.d.ts declares a global `interface Buffer extends ArrayBuffer`, which
 * merges into Node's Buffer in every file of the program and breaks unrelated code (a Buffer
 * stops being a valid BlobPart). Keeping `exceljs` out of every `import` keeps that
 * declaration out of the program; the adapter and the tests use these types.
 */
export interface ExcelCell {
  value: unknown;
  font?: { bold?: boolean };
  protection?: { locked?: boolean };
  dataValidation: {
    type?: string;
    formulae?: string[];
    allowBlank?: boolean;
    showInputMessage?: boolean;
    promptTitle?: string;
    prompt?: string;
    showErrorMessage?: boolean;
    errorStyle?: string;
    errorTitle?: string;
    error?: string;
  };
}

export interface ExcelRow {
  number: number;
  values: unknown;
  font?: { bold?: boolean };
  getCell(column: number | string): ExcelCell;
}

export interface ExcelColumnSpec {
  header: string;
  width: number;
  hidden: boolean;
  style: { alignment: { wrapText?: boolean; vertical?: 'top' } };
}

export interface ExcelWorksheet {
  name: string;
  state: string;
  rowCount: number;
  columns: ExcelColumnSpec[];
  /** Set by protect(); exceljs keeps it as a plain object. */
  sheetProtection?: unknown;
  getRow(row: number): ExcelRow;
  getColumn(column: number): { hidden: boolean };
  getCell(ref: string): ExcelCell;
  protect(password: string, options: Record<string, boolean>): Promise<void>;
}

export interface ExcelWorkbook {
  creator: string;
  created: Date;
  modified: Date;
  worksheets: ExcelWorksheet[];
  addWorksheet(
    name: string,
    options?: { state?: string; views?: { state: 'frozen'; ySplit: number }[] },
  ): ExcelWorksheet;
  getWorksheet(name: string): ExcelWorksheet | undefined;
  xlsx: { writeBuffer(): Promise<ArrayBuffer>; load(data: Buffer): Promise<unknown> };
}

interface ExcelLibrary {
  Workbook: new () => ExcelWorkbook;
}

let loaded: ExcelLibrary | undefined;

/** exceljs, loaded on first use so the server and the CLI start without it. */
export function excel(): ExcelLibrary {
  // require() returns any; the interfaces above describe what pkimm calls on it.
  loaded ??= createRequire(import.meta.url)('exceljs') as ExcelLibrary;
  return loaded;
}

/** A new, empty workbook. */
export function newWorkbook(): ExcelWorkbook {
  return new (excel().Workbook)();
}

/** A workbook read from bytes (zip-checked first by the caller, when they are untrusted). */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelWorkbook> {
  const workbook = newWorkbook();
  await workbook.xlsx.load(bytes);
  return workbook;
}
