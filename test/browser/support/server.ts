/**
 * A real `pkimm serve` on SQLite in a fresh PKIMM_HOME, with accounts created through the CLI
 * exactly as the README tells a newcomer to (`pkimm user create … [--name …] --password-stdin`).
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
  /** The server's PKIMM_HOME, for CLI commands on the same data (`benchmark synth`). */
  home?: string;
  process: ServerProcess;
  stop(): Promise<void>;
}

/** An email alone, or an email with the display name the pages show instead of it. */
export type Account = string | { email: string; name?: string };

/**
 * A server with one or more accounts: every account is created through the CLI in the same
 * fresh PKIMM_HOME before the server starts, one at a time (the first run migrates the fresh
 * database). All share PASSWORD; `env` adds settings such as PKIMM_SCAN_TLS_TARGETS.
 */
export async function startServerWithAccounts(
  wanted: [Account, ...Account[]],
  env: Record<string, string> = {},
): Promise<{ server: BrowserTestServer; accounts: BrowserTestServer[] }> {
  const home = mkdtempSync(join(tmpdir(), 'pkimm-browser-'));
  // LOG_LEVEL warn: the test reads no request logs, and a whole flow would fill the buffer.
  const settings = { PKIMM_HOME: home, LOG_LEVEL: 'warn', ...env };
  const people = wanted.map((a) => (typeof a === 'string' ? { email: a } : a));
  for (const person of people) await createUser(settings, person.email, PASSWORD, person.name);
  const process_ = await startServerProcess(settings);
  const stop = async () => {
    process_.child.kill('SIGTERM');
    await exitWithin(process_, 5_000);
    await killAllServers();
  };
  const accounts = people.map(({ email }) => ({
    url: process_.url,
    email,
    password: PASSWORD,
    home,
    process: process_,
    stop,
  }));
  const [server] = accounts;
  if (!server) throw new Error('no account');
  return { server, accounts };
}

export async function startServer(email = 'ada@example.test'): Promise<BrowserTestServer> {
  return (await startServerWithAccounts([email])).server;
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
