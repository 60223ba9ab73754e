import { inflateRawSync } from 'node:zlib';
import { PkimmError } from '../../core/errors.js';
import type { UploadLimits } from '../limits.js';

/**
 * Checks a zip archive (an .xlsx) before any zip library sees it. exceljs inflates whatever
 * the archive holds without limits and without checking sizes, so a small file can expand to
 * gigabytes. Here the central directory is read by hand, its counts and declared sizes are
 * checked against the limits, and then every entry is inflated with an output cap equal to
 * its declared size, so an archive that lies about its sizes is caught too. Only entry names
 * and sizes are returned; nothing is written anywhere.
 */
export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
// Start tags of rows and cells, with or without a namespace prefix.
const ROW_TAG = /<(?:\w+:)?row[\s>/]/g;
const CELL_TAG = /<(?:\w+:)?c[\s>/]/g;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT = 0xffff;

export function inspectZip(bytes: Buffer, source: string, limits: UploadLimits): ZipEntryInfo[] {
  if (bytes.length > limits.maxFileBytes) {
    throw tooLarge(source, `the file is ${bytes.length} bytes, the limit is ${limits.maxFileBytes} bytes`);
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    throw notZip(source, 'it does not start with a zip signature (an .xlsx file is a zip archive)');
  }
  const eocd = findEndOfCentralDirectory(bytes, source);
  const total = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (total === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw tooLarge(source, 'ZIP64 archives are not accepted; a workbook of an assessment is far smaller');
  }
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 8) !== total) {
    throw notZip(source, 'multi-part (spanned) zip archives are not accepted');
  }
  if (total > limits.maxEntries) {
    throw tooLarge(source, `the archive has ${total} entries, the limit is ${limits.maxEntries}`);
  }
  if (offset + size > eocd) throw truncated(source, 'the central directory lies outside the file');
  const entries = readCentralDirectory(bytes, source, offset, total, limits);
  const sheets = entries.filter((entry) => WORKSHEET.test(entry.name));
  if (sheets.length > limits.maxSheets) {
    throw tooLarge(source, `the workbook has ${sheets.length} sheets, the limit is ${limits.maxSheets}`);
  }
  let cells = 0;
  for (const entry of entries) {
    const inflated = verifyEntry(bytes, source, entry, offset);
    if (!WORKSHEET.test(entry.name)) continue;
    // Counted in the XML before exceljs builds an object for every row and cell.
    const xml = inflated.toString('utf8');
    const rows = count(xml, ROW_TAG);
    if (rows > limits.maxRowsPerSheet) {
      throw tooLarge(
        source,
        `the sheet ${entry.name} has ${rows} rows, the limit is ${limits.maxRowsPerSheet}`,
      );
    }
    cells += count(xml, CELL_TAG);
    if (cells > limits.maxCells) {
      throw tooLarge(source, `the workbook has more than ${limits.maxCells} cells`);
    }
  }
  return entries.map(({ name, compressedSize, uncompressedSize }) => ({
    name,
    compressedSize,
    uncompressedSize,
  }));
}

interface CentralEntry extends ZipEntryInfo {
  method: number;
  flags: number;
  localOffset: number;
}

function findEndOfCentralDirectory(bytes: Buffer, source: string): number {
  const last = bytes.length - EOCD_MIN_LENGTH;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at -= 1) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw truncated(source, 'no end-of-central-directory record was found');
}

function readCentralDirectory(
  bytes: Buffer,
  source: string,
  offset: number,
  total: number,
  limits: UploadLimits,
): CentralEntry[] {
  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  let at = offset;
  let uncompressedTotal = 0;
  for (let index = 0; index < total; index += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw truncated(source, `central directory entry ${index + 1} of ${total} is missing or damaged`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry: CentralEntry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (names.has(entry.name)) throw notZip(source, `the entry ${entry.name} appears twice`);
    names.add(entry.name);
    checkEntryLimits(source, entry, limits);
    uncompressedTotal += entry.uncompressedSize;
    if (uncompressedTotal > limits.maxTotalUncompressedBytes) {
      throw tooLarge(
        source,
        `the archive would expand to more than ${limits.maxTotalUncompressedBytes} bytes (a zip bomb?); refused before unpacking`,
      );
    }
    entries.push(entry);
  }
  return entries;
}

function checkEntryLimits(source: string, entry: CentralEntry, limits: UploadLimits): void {
  if ((entry.flags & 1) !== 0) throw notZip(source, `the entry ${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw notZip(
      source,
      `the entry ${entry.name} uses compression method ${entry.method} (only deflate is read)`,
    );
  }
  if (entry.uncompressedSize < limits.ratioFloorBytes) return;
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (ratio > limits.maxCompressionRatio) {
    throw tooLarge(
      source,
      `the entry ${entry.name} expands ${Math.round(ratio)} times (${entry.compressedSize} → ${entry.uncompressedSize} bytes), the limit is ${limits.maxCompressionRatio} (a zip bomb?)`,
    );
  }
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Inflates one entry with its declared size as the cap, proving the directory told the truth. */
function verifyEntry(bytes: Buffer, source: string, entry: CentralEntry, directoryOffset: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw truncated(source, `the data of ${entry.name} is missing`);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > directoryOffset) throw truncated(source, `the data of ${entry.name} is cut off`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) {
      throw notZip(source, `the stored entry ${entry.name} declares two different sizes`);
    }
    return data;
  }
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(
        source,
        `the entry ${entry.name} expands beyond the ${entry.uncompressedSize} bytes it declares (a zip bomb?)`,
      );
    }
    throw truncated(source, `the data of ${entry.name} cannot be inflated (${(error as Error).message})`);
  }
  if (inflated.length !== entry.uncompressedSize) {
    throw truncated(
      source,
      `the entry ${entry.name} inflates to ${inflated.length} bytes, not the ${entry.uncompressedSize} it declares`,
    );
  }
  return inflated;
}

function tooLarge(source: string, message: string): PkimmError {
  return new PkimmError('FILE_TOO_LARGE', `the workbook is refused: ${message}`, { source });
}

function notZip(source: string, message: string): PkimmError {
  return new PkimmError('PARSE_ERROR', `not a readable .xlsx workbook: ${message}`, { source });
}

function truncated(source: string, message: string): PkimmError {
  return new PkimmError('PARSE_ERROR', `not a readable .xlsx workbook (truncated or damaged?): ${message}`, {
    source,
  });
}
