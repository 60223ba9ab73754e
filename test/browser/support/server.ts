/**
 * A real `pkimm serve` on SQLite in a fresh PKIMM_HOME, with one account created through the
 * CLI exactly as the README tells a newcomer to (`pkimm user create … --password-stdin`).
 * The server is the e2e helper's child process, so killAllServers() in afterAll ends it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../../src/io/package-root.js';
import {
  exitWithin,
  killAllServers,
  startServerProcess,
  type ServerProcess,
} from '../../e2e/support/server-process.js';

export const PASSWORD = 'a long enough browser-test passphrase';

export interface BrowserTestServer {
  url: string;
  email: string;
  password: string;
  /** The PKIMM_HOME of a server started by startServer, for CLI commands on the same data (`benchmark synth`). */
  home?: string;
  process: ServerProcess;
  stop(): Promise<void>;
}

export async function startServer(email = 'ada@example.test'): Promise<BrowserTestServer> {
  const home = mkdtempSync(join(tmpdir(), 'pkimm-browser-'));
  // LOG_LEVEL warn: the test reads no request logs, and a whole flow would fill the buffer.
  const env = { PKIMM_HOME: home, LOG_LEVEL: 'warn' };
  await createUser(env, email, PASSWORD);
  const server = await startServerProcess(env);
  return {
    url: server.url,
    email,
    password: PASSWORD,
    home,
    process: server,
    stop: async () => {
      server.child.kill('SIGTERM');
      await exitWithin(server, 5_000);
      await killAllServers();
    },
  };
}

/**
 * spawnCli gives its children no stdin, and the password must not go on the command line, so
 * this one child is spawned here with a piped stdin. It exits on its own; no tracking needed.
 * Without a name the account has none, and pages show its email instead.
 */
export function createUser(
  env: Record<string, string>,
  email: string,
  password: string,
  name?: string,
): Promise<void> {
  const named = name === undefined ? [] : ['--name', name];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join('src', 'cli', 'main.ts'), 'user', 'create', email, ...named, '--password-stdin'],
    {
      cwd: packageRoot(),
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), ...env },
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin?.end(`${password}\n`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`pkimm user create failed (${code ?? signal}):\n${stderr}`));
    });
  });
}
