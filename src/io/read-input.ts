import { readFile, stat } from 'node:fs/promises';
import { PkimmError } from '../core/errors.js';

/** Inputs larger than this are refused before they are read (assessments and models are far smaller). */
export const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;

/**
 * Reads a UTF-8 text file given by the user, refusing directories, missing files and files
 * above `maxBytes` with a typed error that names the file.
 */
export async function readInputFile(path: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new PkimmError('FILE_UNREADABLE', 'not a regular file', { source: path });
    size = info.size;
  } catch (error) {
    if (error instanceof PkimmError) throw error;
    throw new PkimmError('FILE_UNREADABLE', describeFsError(error), { source: path, cause: error });
  }
  if (size > maxBytes) {
    throw new PkimmError('FILE_TOO_LARGE', `file is ${size} bytes, the limit is ${maxBytes} bytes`, {
      source: path,
    });
  }
  try {
    const text = await readFile(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw new PkimmError('FILE_UNREADABLE', describeFsError(error), { source: path, cause: error });
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return error instanceof Error ? error.message : String(error);
}
