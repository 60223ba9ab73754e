/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary folder, its own port), so a
 * test can stop and start it under load without touching the shared cluster other tests use.
 * Needs root (to run initdb and pg_ctl as the postgres user); fails with a clear message if not.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../e2e/support/server-process.js';

const run = promisify(execFile);

export interface PrivateCluster {
  port: number;
  /** `postgres://postgres@127.0.0.1:PORT/DB` */
  url(database: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it (if running) and deletes its files. */
  destroy(): Promise<void>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  if (!bin) throw new Error(`no PostgreSQL server binaries (initdb) under ${root}; install postgresql`);
  return bin;
}

async function asPostgres(command: string, args: string[]): Promise<void> {
  if (process.getuid?.() !== 0)
    throw new Error('a private PostgreSQL cluster needs root (runuser -u postgres); run this suite as root');
  await run('runuser', ['-u', 'postgres', '--', command, ...args], { timeout: 120_000 });
}

export async function createPrivateCluster(): Promise<PrivateCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'pkimm-pg-'));
  await run('chown', ['postgres', dir]);
  await asPostgres(join(bin, 'initdb'), ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`;
  let running = false;
  const cluster: PrivateCluster = {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: async () => {
      await asPostgres(join(bin, 'pg_ctl'), [
        '-D',
        dir,
        '-o',
        options,
        '-l',
        join(dir, 'log'),
        '-w',
        'start',
      ]);
      running = true;
    },
    stop: async () => {
      await asPostgres(join(bin, 'pg_ctl'), ['-D', dir, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    destroy: async () => {
      if (running) await cluster.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
