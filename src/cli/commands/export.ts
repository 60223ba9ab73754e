import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PkimmError } from '../../core/errors.js';
import { parseModelRef } from '../../model-loader/parse-ref.js';
import {
  EXCHANGE_FORMATS,
  erambaFile,
  exportAssessmentAs,
  isExchangeFormat,
} from '../../exchange/export-formats.js';
import { readAssessmentPath } from '../../exchange/read-assessment-bytes.js';
import type { CliContext } from '../context.js';

/**
 * `pkimm export FILE --format F --out OUT`: an assessment file (ours, the official export or
 * an .xlsx workbook) written in one of the exchange formats, offline. `--out -` (the default)
 * writes text formats to stdout; the workbook needs a file.
 */
export async function exportCommand(
  context: CliContext,
  file: string,
  options: { format?: string; out?: string; satisfiedFrom?: string },
) {
  const format = options.format ?? '';
  if (!isExchangeFormat(format)) {
    throw new PkimmError('USAGE', `--format must be one of ${EXCHANGE_FORMATS.join(', ')} (got "${format}")`);
  }
  const out = options.out ?? '-';
  if (format === 'xlsx' && out === '-') {
    throw new PkimmError('USAGE', 'an .xlsx workbook is binary: give --out FILE.xlsx');
  }
  const satisfiedFrom = parseLevel(options.satisfiedFrom);
  const { assessment, model, format: read } = await readAssessmentPath(file, context.registry);
  const exported = await exportAssessmentAs(assessment, model, format, {
    now: new Date(),
    ...(satisfiedFrom === undefined ? {} : { satisfiedFrom }),
  });
  await writeBytes(context, out, exported.content);
  if (out !== '-') context.io.stderr(`wrote ${out} (${format}) from ${file} (${read})\n`);
}

/** `pkimm model eramba VERSION --out FILE.csv`: the Eramba GRC CSV of a model version. */
export async function modelErambaCommand(context: CliContext, ref: string, options: { out?: string }) {
  const { id, version } = parseModelRef(ref);
  const file = erambaFile(await context.registry.get(id, version));
  const out = options.out ?? '-';
  await writeBytes(context, out, file.content);
  if (out !== '-') context.io.stderr(`wrote ${out} (Eramba CSV of ${id} ${version})\n`);
}

function parseLevel(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const level = Number(value);
  if (!Number.isInteger(level) || level < 1 || level > 5) {
    throw new PkimmError('USAGE', `--satisfied-from must be a level from 1 to 5 (got "${value}")`);
  }
  return level;
}

/** `-` is stdout; a file is written next to its target and renamed, so it is never half-written. */
async function writeBytes(context: CliContext, path: string, content: Buffer): Promise<void> {
  if (path === '-') return context.io.stdout(content.toString('utf8'));
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    throw new PkimmError('FILE_UNREADABLE', `cannot write: ${(error as Error).message}`, {
      source: path,
      cause: error,
    });
  }
}
