import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { PkimmError } from '../../core/errors.js';
import type { SourceEvent } from '../../core/scan/scan.types.js';
import type { ByteInput } from '../input.js';
import type { ScanSource } from '../source.js';
import { resolveColumns, type ResolvedColumns } from './csv-columns.js';
import { CSV_FIELDS, type CsvField, type CsvPreset } from './csv-presets.js';
import { rowEvent } from './csv-row.js';
import { DigestingChunks } from './derived-fingerprint.js';

/**
 * Certificate inventories exported as CSV: a CA database (AD CS `certutil -view csv`), a
 * certificate manager's report, a spreadsheet kept by hand. Columns are found by preset aliases
 * or an explicit mapping; each row becomes one certificate, fully parsed when a column holds the
 * certificate itself. The file is parsed as a stream (csv-parse over the input's chunks), so a
 * million-row export never sits in memory.
 */
export interface CsvOptions {
  preset?: CsvPreset;
  /** Field → header name (case-insensitive); overrides the preset for the fields it names. */
  mapping?: Partial<Record<CsvField, string>>;
  /** Issuer to assume for rows without one; AD CS exports carry no issuer name, so pass the CA's. */
  issuer?: string;
  /** Field separator (default `,`). */
  delimiter?: string;
}

export type { CsvField, CsvPreset } from './csv-presets.js';

/** A cell longer than this (a runaway quote, a binary file) makes its row a skip, not an out-of-memory. */
const MAX_RECORD_CHARACTERS = 1024 * 1024;

export async function* csvInventoryEvents(
  input: ByteInput,
  options: CsvOptions = {},
): AsyncGenerator<SourceEvent> {
  const digesting = new DigestingChunks(input.chunks());
  const parser = parse({
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    // Hand-kept sheets write `=HYPERLINK("…")` unquoted; such a quote is text, not CSV syntax.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARACTERS,
    delimiter: options.delimiter ?? ',',
  });
  const pending: SourceEvent[] = [];
  parser.on('skip', (error: CsvError | undefined) => {
    const line = (error as { lines?: number } | undefined)?.lines;
    pending.push({
      type: 'skipped',
      item: {
        location: line === undefined ? input.name : `${input.name}:${line}`,
        reason: `not valid CSV: ${error?.message ?? 'unreadable record'}`,
      },
    });
  });
  const bytes = Readable.from(digesting.chunks());
  // A read error ends the CSV where the bytes stop, so the rows read before it still count.
  let readError: Error | undefined;
  bytes.on('error', (error) => {
    readError = error;
    parser.end();
  });
  bytes.pipe(parser);

  let columns: ResolvedColumns | undefined;
  let ignoreRows = false;
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
      raw?: string;
    }>) {
      // Once the file is refused, its unreadable lines are not worth a skip each.
      const queued = pending.splice(0);
      if (!ignoreRows) yield* queued;
      const line = startLine(item.info.lines, item.raw ?? '');
      if (columns === undefined && !ignoreRows) {
        const resolved = resolveColumns(item.record, options);
        if (!resolved.ok) {
          yield { type: 'skipped', item: { location: input.name, reason: resolved.reason } };
          // Keep reading without using the rows, so the input's digest still covers every byte.
          ignoreRows = true;
        } else columns = resolved.columns;
        continue;
      }
      if (ignoreRows || columns === undefined) continue;
      yield rowEvent(item.record, columns, `${input.name}:${line}`, options);
    }
  } catch (error) {
    yield* pending.splice(0);
    yield {
      type: 'skipped',
      item: { location: input.name, reason: `could not be read to the end: ${(error as Error).message}` },
    };
    return;
  }
  yield* pending.splice(0);
  if (readError !== undefined) {
    yield {
      type: 'skipped',
      item: { location: input.name, reason: `could not be read to the end: ${readError.message}` },
    };
    return;
  }
  if (columns === undefined && !ignoreRows) {
    yield { type: 'skipped', item: { location: input.name, reason: 'empty CSV file: no header row' } };
  }
  yield { type: 'input', input: digesting.digest('csv', input.name) };
}

/** csv-parse counts the line a record ends on; a quoted newline makes a record span lines. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  let newlines = 0;
  for (const c of body) if (c === '\n') newlines += 1;
  return endLine - newlines;
}

/**
 * Parses the CLI's `--csv-map subject=Subject,notAfter=Expires`: field names as in
 * `CsvField` (case-insensitive), header names as they appear in the file.
 */
export function parseCsvMapping(text: string): Partial<Record<CsvField, string>> {
  const mapping: Partial<Record<CsvField, string>> = {};
  const byLower = new Map(CSV_FIELDS.map((field) => [field.toLowerCase(), field]));
  for (const entry of text.split(',')) {
    if (entry.trim() === '') continue;
    const eq = entry.indexOf('=');
    if (eq < 0) throw usage(`"${entry.trim()}" has no "=": write FIELD=Header, e.g. notAfter=Expires`);
    const name = entry.slice(0, eq).trim();
    const header = entry.slice(eq + 1).trim();
    const field = byLower.get(name.toLowerCase());
    if (field === undefined) throw usage(`unknown field "${name}"; the fields are ${CSV_FIELDS.join(', ')}`);
    if (header === '') throw usage(`field "${field}" is mapped to an empty header name`);
    if (mapping[field] !== undefined) throw usage(`field "${field}" is mapped twice`);
    mapping[field] = header;
  }
  if (Object.keys(mapping).length === 0) throw usage('the mapping is empty: write FIELD=Header,…');
  return mapping;
}

function usage(message: string): PkimmError {
  return new PkimmError('USAGE', `--csv-map: ${message}`);
}

export function csvSource(input: ByteInput, options: CsvOptions = {}): ScanSource {
  return { kind: 'csv', name: input.name, events: () => csvInventoryEvents(input, options) };
}
