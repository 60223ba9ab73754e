/**
 * Shared helpers of the exchange tests: LibreOffice headless as an independent reader of the
 * workbooks, each run with its own profile so parallel test files never share one, and small
 * builders for hand-made zip archives (the hostile inputs).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

const run = promisify(execFile);

/** Every sheet of the workbook as rows of strings, read by LibreOffice (one CSV per sheet). */
export async function sheetsByLibreOffice(xlsx: Buffer): Promise<Map<string, string[][]>> {
  const dir = mkdtempSync(join(tmpdir(), 'pkimm-lo-'));
  const input = join(dir, 'book.xlsx');
  writeFileSync(input, xlsx);
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      // UTF-8 (76), comma and double quote, and the last token -1: every sheet to its own file.
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      join(dir, 'out'),
      input,
    ],
    { timeout: 60_000 },
  );
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(join(dir, 'out'))) {
    const sheet = name.replace(/^book-/, '').replace(/\.csv$/, '');
    sheets.set(sheet, parse(readFileSync(join(dir, 'out', name), 'utf8'), { relaxColumnCount: true }));
  }
  return sheets;
}

/** The workbook opened and saved again by LibreOffice, as a user editing it would. */
export async function resavedByLibreOffice(xlsx: Buffer): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'pkimm-lo-'));
  writeFileSync(join(dir, 'book.xlsx'), xlsx);
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      join(dir, 'out'),
      join(dir, 'book.xlsx'),
    ],
    { timeout: 60_000 },
  );
  return readFileSync(join(dir, 'out', 'book.xlsx'));
}

export interface ZipEntrySpec {
  name: string;
  data: Buffer;
  /** Overrides the uncompressed size written into the headers (a lying archive). */
  declaredSize?: number;
}

/** A minimal deflate zip archive, written by hand so tests can make it lie. */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
