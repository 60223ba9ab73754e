/**
 * The in-house view of a spreadsheet that the workbook writer and reader use. exceljs is
 * effectively unmaintained, so it sits behind this port: exceljs-adapter.ts implements it and
 * exceljs-library.ts types and loads the library; replacing it means rewriting those two only.
 */
export type CellValue = string | number | boolean | null;

/** A drop-down list on a cell, with the input message Excel shows when the cell is selected. */
export interface ListValidation {
  values: readonly string[];
  title: string;
  prompt: string;
  /** Shown when a value outside the list is typed. */
  error: string;
}

export interface CellSpec {
  value: CellValue;
  /** Unlocked for editing on a protected sheet; every other cell is locked. */
  editable?: boolean;
  validation?: ListValidation;
  bold?: boolean;
}

export interface ColumnSpec {
  header: string;
  width: number;
  /** Hidden columns hold the ids that map rows back to the model. */
  hidden?: boolean;
  wrap?: boolean;
}

export interface SheetSpec {
  name: string;
  /** `veryHidden` sheets cannot be shown from Excel's menu, only by a macro. */
  state?: 'visible' | 'veryHidden';
  columns: readonly ColumnSpec[];
  /** Data rows below the header row; a bare value is a locked, unstyled cell. */
  rows: readonly (readonly (CellSpec | CellValue)[])[];
  /** Protect the sheet (no password) so only editable cells can change. */
  protect?: boolean;
}

export interface WorkbookSpec {
  creator: string;
  created: Date;
  sheets: readonly SheetSpec[];
}

/** A worksheet read back: 1-based rows and columns like Excel's. */
export interface ReadSheet {
  name: string;
  rowCount: number;
  cell(row: number, column: number): CellValue;
}

export interface ReadWorkbook {
  sheets: readonly ReadSheet[];
  sheet(name: string): ReadSheet | undefined;
}

export interface ReadLimits {
  maxSheets: number;
  maxRowsPerSheet: number;
}

export interface SpreadsheetPort {
  write(spec: WorkbookSpec): Promise<Buffer>;
  /** Reads a workbook whose zip structure has already been checked (zip-guard.ts). */
  read(bytes: Buffer, source: string, limits: ReadLimits): Promise<ReadWorkbook>;
}

/** `A1`-style reference of a 1-based row and column, for messages like `Assessment!G12`. */
export function cellRef(sheet: string, row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${sheet}!${letters}${row}`;
}
