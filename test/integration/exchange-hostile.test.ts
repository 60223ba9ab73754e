/**
 * Hostile and broken files are refused before a parser sees them, with a precise message:
 * zip bombs (an honest one and one whose directory lies about the sizes), archives with too
 * many entries, truncated and non-zip workbooks, deeply nested JSON and YAML, oversized files.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newWorkbook } from '../../src/exchange/xlsx/exceljs-library.js';
import { readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { PkimmError } from '../../src/core/errors.js';
import { DEFAULT_UPLOAD_LIMITS } from '../../src/exchange/limits.js';
import { readAssessmentBytes } from '../../src/exchange/read-assessment-bytes.js';
import { deepestNesting } from '../../src/io/nesting-guard.js';
import { writeWorkbook } from '../../src/exchange/xlsx/write-workbook.js';
import { inspectZip } from '../../src/exchange/xlsx/zip-guard.js';
import { bundledRegistry, EXAMPLES } from '../helpers/registry.js';
import { cli } from '../support/run-cli.js';
import { buildZip } from './exchange-support.js';

const registry = bundledRegistry();

async function refusal(bytes: Buffer): Promise<PkimmError> {
  const error = await readAssessmentBytes(bytes, 'upload.xlsx', registry).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PkimmError)) throw new Error(`expected a PkimmError, got ${String(error)}`);
  return error;
}

async function realWorkbook(): Promise<Buffer> {
  const { assessment, model } = await readAssessmentFile(
    join(EXAMPLES, 'sample-assessment-2.0.0.yaml'),
    registry,
  );
  return writeWorkbook(assessment, model, { now: new Date('2026-01-01T00:00:00Z') });
}

describe('hostile spreadsheets', () => {
  it('refuses a zip bomb by its declared size before inflating anything', async () => {
    // 200 MiB of zeros deflate to about 200 KiB: a 1000-fold expansion.
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal(bomb);
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toMatch(
      /^the workbook is refused: the entry xl\/worksheets\/sheet1\.xml expands 10\d\d times \(\d+ → 209715200 bytes\), the limit is 200 \(a zip bomb\?\)$/,
    );
  });

  it('refuses an archive whose entries together expand beyond the total limit', async () => {
    // Ordinary ratios each, but too much together (a tighter limit keeps the test small).
    let seed = 1;
    const digit = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) % 10;
    const text = Buffer.from(Array.from({ length: 300_000 }, () => String(digit())).join(''));
    const archive = buildZip([0, 1, 2, 3].map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: text })));
    const limits = { ...DEFAULT_UPLOAD_LIMITS, maxTotalUncompressedBytes: 1_000_000 };
    const error = await readAssessmentBytes(archive, 'many.xlsx', registry, limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PkimmError);
    expect((error as PkimmError).message).toBe(
      'the workbook is refused: the archive would expand to more than 1000000 bytes (a zip bomb?); refused before unpacking',
    );
  });

  it('refuses an entry that expands too many times even within the total', async () => {
    const error = await refusal(
      buildZip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x41) }]),
    );
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toMatch(/the entry xl\/sharedStrings\.xml expands \d+ times .* the limit is 200/);
  });

  it('catches an archive whose directory understates the size', async () => {
    const liar = buildZip([
      { name: 'xl/workbook.xml', data: Buffer.alloc(4 * 1024 * 1024), declaredSize: 1000 },
    ]);
    const error = await refusal(liar);
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toContain('expands beyond the 1000 bytes it declares');
  });

  it('refuses too many entries and too many sheets', async () => {
    const many = buildZip(
      Array.from({ length: DEFAULT_UPLOAD_LIMITS.maxEntries + 1 }, (_, i) => ({
        name: `f${i}.xml`,
        data: Buffer.from('x'),
      })),
    );
    expect((await refusal(many)).message).toContain(
      `has ${DEFAULT_UPLOAD_LIMITS.maxEntries + 1} entries, the limit is 256`,
    );
    const workbook = newWorkbook();
    for (let i = 0; i < 17; i += 1) workbook.addWorksheet(`S${i}`);
    const sheets = await refusal(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(sheets.code).toBe('FILE_TOO_LARGE');
    expect(sheets.message).toBe('the workbook is refused: the workbook has 17 sheets, the limit is 16');
  });

  it('counts rows and cells in the sheet XML before exceljs builds them', async () => {
    const cells = Array.from({ length: 100_001 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`).join('');
    const sheet = Buffer.from(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`);
    const wide = await refusal(buildZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet }]));
    expect(wide.code).toBe('FILE_TOO_LARGE');
    expect(wide.message).toBe('the workbook is refused: the workbook has more than 100000 cells');
    const rows = Array.from({ length: 5001 }, (_, i) => `<x:row r="${i + 1}"/>`).join('');
    const tall = await refusal(
      buildZip([
        { name: 'xl/worksheets/sheet2.xml', data: Buffer.from(`<x:worksheet>${rows}</x:worksheet>`) },
      ]),
    );
    expect(tall.message).toBe(
      'the workbook is refused: the sheet xl/worksheets/sheet2.xml has 5001 rows, the limit is 5000',
    );
  });

  it('refuses a sheet with too many rows', async () => {
    const workbook = newWorkbook();
    workbook.addWorksheet('Overview').getCell('A6000').value = 'x';
    const error = await refusal(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(error.message).toBe('the sheet Overview has 6000 rows, the limit is 5000');
  });

  it('gives a truncated workbook and a non-zip file a precise PARSE_ERROR', async () => {
    const book = await realWorkbook();
    const cut = await refusal(book.subarray(0, Math.floor(book.length / 2)));
    expect(cut.code).toBe('PARSE_ERROR');
    expect(cut.message).toBe(
      'not a readable .xlsx workbook (truncated or damaged?): no end-of-central-directory record was found',
    );
    // The directory survives, the data of an entry does not.
    const damaged = Buffer.from(book);
    damaged.fill(0, 200, 2000);
    const broken = await refusal(damaged);
    expect(broken.code).toBe('PARSE_ERROR');
    expect(broken.message).toMatch(/^not a readable \.xlsx workbook/);
    const notZip = await refusal(Buffer.from('PK this is not a zip file at all, only text.'));
    expect(notZip.code).toBe('PARSE_ERROR');
    expect(notZip.message).toContain('does not start with a zip signature');
    const binary = await refusal(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]));
    expect(binary.message).toBe('not UTF-8 text, nor an .xlsx workbook');
  });

  it('passes a real workbook and reports its entries', async () => {
    const entries = inspectZip(await realWorkbook(), 'book.xlsx', DEFAULT_UPLOAD_LIMITS);
    expect(entries.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(entries.reduce((sum, e) => sum + e.uncompressedSize, 0)).toBeLessThan(1024 * 1024);
  });
});

describe('hostile text', () => {
  it('refuses deeply nested JSON and YAML unparsed (the parser would run out of memory)', async () => {
    const json = Buffer.from(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
    const error = await refusal(json);
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toBe(
      'nested more than 64 levels deep; model and assessment files need about a dozen, so this is refused unparsed',
    );
    let yaml = '';
    for (let depth = 0; depth < 200; depth += 1) yaml += `${' '.repeat(depth)}a:\n`;
    expect((await refusal(Buffer.from(yaml))).code).toBe('PARSE_ERROR');
    // An apostrophe in plain text cannot hide brackets from the count.
    const hidden = Buffer.from(`title: don't\nnotes: ${'['.repeat(100)}${']'.repeat(100)}\n`);
    expect((await refusal(hidden)).message).toContain('nested more than 64 levels');
  });

  it('lets brackets inside strings and ordinary files through', () => {
    expect(deepestNesting(`{"notes": "${'['.repeat(500)}"}`, 64).depth).toBe(1);
    expect(deepestNesting('a:\n  b:\n    - c: [1, {d: 2}]\n', 64).depth).toBeLessThan(8);
  });

  it('refuses an oversized file before reading it', async () => {
    const big = Buffer.alloc(DEFAULT_UPLOAD_LIMITS.maxFileBytes + 1, 0x20);
    const error = await refusal(big);
    expect(error.code).toBe('FILE_TOO_LARGE');
  });

  it('the CLI says so with exit code 2 and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pkimm-hostile-'));
    const file = join(dir, 'deep.json');
    writeFileSync(file, `${'['.repeat(10000)}${']'.repeat(10000)}`);
    const result = await cli(['export', file, '--format', 'csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: nested more than 64 levels deep`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, buildZip([{ name: 'xl/a.xml', data: Buffer.alloc(64 * 1024 * 1024) }]));
    const refused = await cli(['export', bomb, '--format', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('a zip bomb?');
  });
});
