/**
 * `pkimm serve` as a real child process, run from the current sources through tsx (the built
 * bin/pkimm would test whatever dist/ last held). Every child is tracked so a test file can
 * kill whatever is left in afterAll, even after a failed assertion.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../../src/io/package-root.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** `http://127.0.0.1:PORT`, also the origin cookie-authenticated writes must name. */
  url: string;
  stdout(): string;
  stderr(): string;
  /** stdout parsed line by line; throws on a line that is not JSON (logs must be structured). */
  logLines(): Record<string, unknown>[];
  exited: Promise<Exit>;
}

const children = new Set<ChildProcess>();
// Generous: a loaded 2-core machine running other suites has taken over a minute to start
// `pkimm serve` through tsx; a start that fails outright still reports at once (the exit).
const STARTUP_TIMEOUT_MS = 120_000;

/** Runs the CLI as a child with exactly the given environment on top of PATH and friends. */
export function spawnCli(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; exited: Promise<Exit> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join('src', 'cli', 'main.ts'), ...args], {
    cwd: packageRoot(),
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, exited };
}

/** A port that was free a moment ago; startServerProcess retries if another test took it meanwhile. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts `pkimm serve` and resolves once it printed its listening line. */
export async function startServerProcess(
  env: Record<string, string> = {},
  attempts = 3,
): Promise<ServerProcess> {
  const port = await freePort();
  const started = await tryStart({
    PKIMM_HOME: mkdtempSync(join(tmpdir(), 'pkimm-e2e-')),
    LOG_LEVEL: 'info',
    ...env,
    PORT: String(port),
  });
  if (started !== 'port taken') return started;
  if (attempts <= 1) throw new Error('no free port after several attempts');
  return startServerProcess(env, attempts - 1);
}

async function tryStart(env: Record<string, string>): Promise<ServerProcess | 'port taken'> {
  const { child, exited } = spawnCli(['serve'], env);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const port = Number(env['PORT']);
  const url = `http://127.0.0.1:${port}`;
  const ready = await new Promise<'ready' | Exit | 'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), STARTUP_TIMEOUT_MS);
    const check = () => {
      if (!stderr.includes(`pkimm listening on ${url}`)) return;
      clearTimeout(timer);
      resolve('ready');
    };
    child.stderr?.on('data', check);
    void exited.then((exit) => {
      clearTimeout(timer);
      resolve(exit);
    });
  });
  if (ready === 'ready') {
    const logLines = () =>
      stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    return { child, port, url, stdout: () => stdout, stderr: () => stderr, logLines, exited };
  }
  if (ready === 'timeout') child.kill('SIGKILL');
  if (/already in use/.test(stderr)) return 'port taken';
  throw new Error(`pkimm serve did not start (${JSON.stringify(ready)}):\n${stderr}\n${stdout.slice(-2000)}`);
}

/** Waits for a child to exit, killing it if it takes longer than `ms`. */
export async function exitWithin(server: Pick<ServerProcess, 'child' | 'exited'>, ms: number): Promise<Exit> {
  const timer = setTimeout(() => server.child.kill('SIGKILL'), ms);
  try {
    return await server.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** For afterAll: SIGKILL every child still running and wait until they are gone. */
export async function killAllServers(): Promise<void> {
  const running = [...children];
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
