import { rename, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { PkimmError } from '../core/errors.js';
import type { CliIo } from './io.js';

/**
 * Writes a command's file output: `-` means stdout; otherwise a temporary file next to the
 * target renamed over it, so an interrupted run never leaves a half-written file behind.
 */
export async function writeOutput(io: CliIo, path: string, text: string): Promise<void> {
  if (path === '-') return io.stdout(text);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    throw new PkimmError('FILE_UNREADABLE', `cannot write: ${(error as Error).message}`, {
      source: path,
      cause: error,
    });
  }
}
