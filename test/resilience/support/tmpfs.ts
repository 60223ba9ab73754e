/**
 * A small tmpfs of the test's own, to fill up or make read-only without touching the real
 * disk. Needs root; without it the test fails with a message saying so (no silent skip).
 */
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Tmpfs {
  dir: string;
  /** Writes a filler file until the filesystem has no byte left; returns its size. */
  fill(): number;
  /** Deletes the filler file. */
  free(): void;
  remount(mode: 'ro' | 'rw'): Promise<void>;
  unmount(): Promise<void>;
}

export async function mountTmpfs(sizeMiB: number): Promise<Tmpfs> {
  if (process.getuid?.() !== 0)
    throw new Error('this test mounts a tmpfs to fill it and make it read-only: run it as root');
  const dir = mkdtempSync(join(tmpdir(), 'pkimm-tmpfs-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir]);
  } catch (error) {
    rmdirSync(dir);
    throw new Error(
      `cannot mount a tmpfs at ${dir} (${(error as Error).message}); the test needs mount rights`,
      {
        cause: error,
      },
    );
  }
  const filler = join(dir, 'filler');
  let mounted = true;
  return {
    dir,
    fill: () => {
      const fd = openSync(filler, 'a');
      let size = 0;
      try {
        // Big chunks first, then small ones, so not even a page is left for SQLite.
        for (const chunk of [Buffer.alloc(1 << 20), Buffer.alloc(4096), Buffer.alloc(512)]) {
          try {
            for (;;) size += writeSync(fd, chunk);
          } catch (error) {
            if ((error as { code?: string }).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
      return size;
    },
    free: () => rmSync(filler, { force: true }),
    remount: async (mode) => {
      await run('mount', ['-o', `remount,${mode}`, dir]);
    },
    unmount: async () => {
      if (!mounted) return;
      await run('umount', [dir]);
      mounted = false;
      rmdirSync(dir);
    },
  };
}
