import { readFile, stat } from 'node:fs/promises';
import { parseAssessmentText, type ReadAssessment } from '../assessment-io/read-assessment.js';
import type { ModelSource } from '../assessment-io/model-source.js';
import { PkimmError } from '../core/errors.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './limits.js';
import { assertShallow } from '../io/nesting-guard.js';
import { readWorkbook } from './xlsx/read-workbook.js';

export type ImportFormat = ReadAssessment['format'] | 'xlsx';

export interface ReadImport extends Omit<ReadAssessment, 'format'> {
  format: ImportFormat;
}

/**
 * Reads an uploaded or given assessment in any format pkimm imports: an .xlsx workbook
 * (recognised by its zip signature), or YAML/JSON text in our format or the official export.
 * Hostile input is refused before a parser sees it: oversized files, zip bombs, and text
 * nested deeper than any assessment.
 */
export async function readAssessmentBytes(
  bytes: Buffer,
  source: string,
  registry: ModelSource,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<ReadImport> {
  if (bytes.length > limits.maxFileBytes) {
    throw new PkimmError(
      'FILE_TOO_LARGE',
      `the file is ${bytes.length} bytes, the limit is ${limits.maxFileBytes} bytes`,
      {
        source,
      },
    );
  }
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return { ...(await readWorkbook(bytes, source, registry, limits)), format: 'xlsx' };
  }
  const text = decodeText(bytes, source);
  assertShallow(text, source, limits.maxNestingDepth);
  return parseAssessmentText(text, source, registry);
}

/** The same for a file named on the command line. */
export async function readAssessmentPath(
  path: string,
  registry: ModelSource,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<ReadImport> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new PkimmError('FILE_UNREADABLE', 'not a regular file', { source: path });
    if (info.size > limits.maxFileBytes) {
      throw new PkimmError(
        'FILE_TOO_LARGE',
        `file is ${info.size} bytes, the limit is ${limits.maxFileBytes} bytes`,
        {
          source: path,
        },
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof PkimmError) throw error;
    const code = (error as { code?: string }).code;
    const message =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : (error as Error).message;
    throw new PkimmError('FILE_UNREADABLE', message, { source: path, cause: error });
  }
  return readAssessmentBytes(bytes, path, registry, limits);
}

/** UTF-8 text without a byte-order mark; anything else is refused with the byte offset. */
export function decodeText(bytes: Buffer, source: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new PkimmError('PARSE_ERROR', 'not UTF-8 text, nor an .xlsx workbook', { source, cause: error });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
