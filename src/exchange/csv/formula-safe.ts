/**
 * Spreadsheet programs treat a cell that starts with `=`, `+`, `-` or `@` (and, in some,
 * a tab or carriage return) as a formula, so a note such as `=HYPERLINK("http://evil", "x")`
 * in an exported CSV would run when the file is opened ("CSV injection", OWASP). A leading
 * single quote makes Excel, LibreOffice and Google Sheets show the text as typed; it is the
 * mitigation OWASP recommends. Numbers we write ourselves are never prefixed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function formulaSafe(value: string | number | boolean | null | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}
