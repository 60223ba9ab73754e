import { PkimmError } from '../../core/errors.js';
import { loadWorkbook, newWorkbook, type ExcelWorkbook } from './exceljs-library.js';
import type {
  CellSpec,
  CellValue,
  ReadLimits,
  ReadSheet,
  ReadWorkbook,
  SheetSpec,
  SpreadsheetPort,
} from './spreadsheet-port.js';

/** The port over exceljs 4.4.0; with exceljs-library.ts, the only code that knows exceljs. */
export const exceljsPort: SpreadsheetPort = {
  async write(spec) {
    const workbook = newWorkbook();
    workbook.creator = spec.creator;
    workbook.created = spec.created;
    workbook.modified = spec.created;
    for (const sheet of spec.sheets) await addSheet(workbook, sheet);
    // Typed as an ArrayBuffer in exceljs-library.ts; Buffer.from gives the Buffer the port promises.
    return Buffer.from(await workbook.xlsx.writeBuffer());
  },

  async read(bytes, source, limits) {
    let workbook: ExcelWorkbook;
    try {
      workbook = await loadWorkbook(bytes);
    } catch (error) {
      throw new PkimmError('PARSE_ERROR', `not a readable .xlsx workbook: ${firstLine(error)}`, {
        source,
        cause: error,
      });
    }
    return readModel(workbook, source, limits);
  },
};

async function addSheet(workbook: ExcelWorkbook, spec: SheetSpec): Promise<void> {
  const sheet = workbook.addWorksheet(spec.name, {
    state: spec.state ?? 'visible',
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = spec.columns.map((column) => ({
    header: column.header,
    width: column.width,
    hidden: column.hidden === true,
    style: column.wrap
      ? { alignment: { wrapText: true, vertical: 'top' } }
      : { alignment: { vertical: 'top' } },
  }));
  sheet.getRow(1).font = { bold: true };
  spec.rows.forEach((cells, index) => {
    const row = sheet.getRow(index + 2);
    cells.forEach((given, column) => {
      const spec = toSpec(given);
      const cell = row.getCell(column + 1);
      cell.value = spec.value;
      if (spec.bold) cell.font = { bold: true };
      if (spec.editable) cell.protection = { locked: false };
      if (spec.validation) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          // A literal list is one quoted, comma-separated string in the file format.
          formulae: [`"${spec.validation.values.join(',')}"`],
          showInputMessage: true,
          promptTitle: spec.validation.title,
          prompt: spec.validation.prompt,
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: spec.validation.title,
          error: spec.validation.error,
        };
      }
    });
  });
  if (spec.protect) {
    await sheet.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
}

function toSpec(given: CellSpec | CellValue): CellSpec {
  return given !== null && typeof given === 'object' ? given : { value: given };
}

function readModel(workbook: ExcelWorkbook, source: string, limits: ReadLimits): ReadWorkbook {
  if (workbook.worksheets.length > limits.maxSheets) {
    throw new PkimmError(
      'FILE_TOO_LARGE',
      `the workbook has ${workbook.worksheets.length} sheets, the limit is ${limits.maxSheets}`,
      { source },
    );
  }
  const sheets: ReadSheet[] = workbook.worksheets.map((worksheet) => {
    if (worksheet.rowCount > limits.maxRowsPerSheet) {
      throw new PkimmError(
        'FILE_TOO_LARGE',
        `the sheet ${worksheet.name} has ${worksheet.rowCount} rows, the limit is ${limits.maxRowsPerSheet}`,
        { source },
      );
    }
    return {
      name: worksheet.name,
      rowCount: worksheet.rowCount,
      cell: (row, column) => plainValue(worksheet.getRow(row).getCell(column).value),
    };
  });
  return { sheets, sheet: (name) => sheets.find((s) => s.name === name) };
}

/** A cell's value as plain data: rich text and hyperlinks as their text, formulas as their result. */
function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return null;
  const v = value as {
    richText?: unknown;
    text?: unknown;
    hyperlink?: unknown;
    result?: unknown;
    error?: unknown;
  };
  if (Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[])
      .map((part) => (typeof part.text === 'string' ? part.text : ''))
      .join('');
  }
  if (v.hyperlink !== undefined) return typeof v.text === 'string' ? v.text : null;
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result instanceof Date) return dateText(v.result);
    const result = v.result;
    return typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean'
      ? result
      : null;
  }
  // An error cell (`#N/A`, `#DIV/0!`) reads as its text, which no field accepts as a level.
  if (typeof v.error === 'string') return v.error.startsWith('#') ? v.error : `#${v.error}`;
  return null;
}

/** A date typed into a cell: `YYYY-MM-DD` when it has no time of day, ISO otherwise. */
function dateText(date: Date): string {
  // exceljs turns a date-formatted number beyond any calendar into an Invalid Date; it reads as
  // an error text, like `#N/A`, which no field accepts as a date or a level.
  if (Number.isNaN(date.getTime())) return '#INVALID-DATE';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
