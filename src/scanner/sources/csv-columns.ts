import { CSV_FIELDS, headerKey, presetAliases, type CsvField, type CsvPreset } from './csv-presets.js';

export interface CsvColumn {
  index: number;
  /** The header as written in the file, for messages. */
  header: string;
}

export type ResolvedColumns = Partial<Record<CsvField, CsvColumn>>;

export type ColumnResolution = { ok: true; columns: ResolvedColumns } | { ok: false; reason: string };

/**
 * Finds each field's column from the header row: an explicit mapping first (exact header,
 * ignoring case and surrounding spaces), then the preset's aliases. A file is usable when it has
 * a certificate column, or a serial number and an issuer (a column or the `issuer` option).
 */
export function resolveColumns(
  headers: string[],
  options: { preset?: CsvPreset; mapping?: Partial<Record<CsvField, string>>; issuer?: string },
): ColumnResolution {
  const aliases = presetAliases(options.preset ?? 'generic');
  const columns: ResolvedColumns = {};
  const missingMapped: string[] = [];
  for (const field of CSV_FIELDS) {
    const mapped = options.mapping?.[field];
    if (mapped !== undefined) {
      const wanted = mapped.trim().toLowerCase();
      const index = headers.findIndex((header) => header.trim().toLowerCase() === wanted);
      if (index < 0) missingMapped.push(`${field} → "${mapped}"`);
      else columns[field] = { index, header: headers[index] as string };
      continue;
    }
    const index = headers.findIndex((header) => aliases[field].has(headerKey(header)));
    if (index >= 0) columns[field] = { index, header: headers[index] as string };
  }
  if (missingMapped.length > 0) {
    return {
      ok: false,
      reason: `the mapped column${missingMapped.length > 1 ? 's are' : ' is'} missing: ${missingMapped.join(', ')}`,
    };
  }
  if (columns.certificate !== undefined) return { ok: true, columns };
  const missing: string[] = [];
  if (columns.serialNumber === undefined) missing.push('serialNumber');
  if (columns.issuer === undefined && (options.issuer === undefined || options.issuer.trim() === ''))
    missing.push('issuer');
  if (missing.length > 0) {
    const shown = headers
      .slice(0, 20)
      .map((header) => `"${header.length > 40 ? `${header.slice(0, 37)}...` : header}"`);
    const found = shown.length > 0 ? `${shown.join(', ')}${headers.length > 20 ? ', …' : ''}` : 'none';
    return {
      ok: false,
      reason: `no certificate column and no ${missing.join(' or ')} column (preset ${options.preset ?? 'generic'}; headers found: ${found})`,
    };
  }
  return { ok: true, columns };
}
