/**
 * Steps of the assurance page's browser test: a server whose accounts have display names (the
 * attestation and the page name people, and an unnamed account would show its email instead),
 * a signed-in context per person, and the evidence review, which goes through the API until the
 * review panel exists in the UI.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { packageRoot } from '../../../src/io/package-root.js';
import {
  exitWithin,
  freePort,
  killAllServers,
  spawnCli,
  type ServerProcess,
} from '../../e2e/support/server-process.js';
import { openPage, type PageProblems } from './browser.js';
import { signIn } from './flows.js';
import { PASSWORD, type BrowserTestServer } from './server.js';

export interface NamedAccount {
  email: string;
  name: string;
}

/** `pkimm user create EMAIL --name NAME --password-stdin`, as server.ts's createUser but with a name. */
function createNamedUser(env: Record<string, string>, account: NamedAccount): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join('src', 'cli', 'main.ts'),
      'user',
      'create',
      account.email,
      '--name',
      account.name,
      '--password-stdin',
    ],
    {
      cwd: packageRoot(),
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), ...env },
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin?.end(`${PASSWORD}\n`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`pkimm user create failed (${code ?? signal}):\n${stderr}`));
    });
  });
}

/** One server, every account created through the CLI before it starts; all share PASSWORD. */
export async function startNamedServer(accounts: NamedAccount[]): Promise<BrowserTestServer[]> {
  const home = mkdtempSync(join(tmpdir(), 'pkimm-browser-assurance-'));
  const env = { PKIMM_HOME: home, LOG_LEVEL: 'warn' };
  // One at a time: the CLI migrates the fresh database on its first run.
  for (const account of accounts) await createNamedUser(env, account);
  const process_ = await startPatiently(env);
  const stop = async () => {
    process_.child.kill('SIGTERM');
    await exitWithin(process_, 5_000);
    await killAllServers();
  };
  return accounts.map((a) => ({
    url: process_.url,
    email: a.email,
    password: PASSWORD,
    process: process_,
    stop,
  }));
}

/**
 * startServerProcess gives the server 20 s to listen; on a machine busy with other suites a
 * start (tsx compiling the server first) takes longer, so this waits up to two minutes.
 */
async function startPatiently(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child, exited } = spawnCli(['serve'], { ...env, PORT: String(port) });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 120_000);
    child.stderr?.on('data', () => {
      if (!stderr.includes(`pkimm listening on ${url}`)) return;
      clearTimeout(timer);
      resolve(true);
    });
    void exited.then(() => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`pkimm serve did not start:\n${stderr}`);
  }
  const logLines = () =>
    stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, port, url, stdout: () => stdout, stderr: () => stderr, logLines, exited };
}

export interface Person {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

/** A fresh browser context (own cookies) signed in as `account`. */
export async function signedIn(browser: Browser, account: BrowserTestServer): Promise<Person> {
  const person = await openPage(browser, account.url);
  await signIn(person.page, account);
  return person;
}

/** The assurance page of an assessment, loaded down to its last section. */
export async function openAssurance(page: Page, id: string): Promise<void> {
  const target = `/#/assessments/${id}/assurance`;
  // Going to the URL the page is at already changes nothing: reload to read the server's state.
  if (new URL(page.url()).hash === target.slice(1)) await page.reload();
  else await page.goto(target);
  await page.getByRole('heading', { level: 1, name: /^Assurance: / }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Corrections' }).waitFor();
}

/** The JSON payload of a compact JWS (its middle part), to read what an attestation names. */
export function jwsPayload(jws: string): unknown {
  const part = jws.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
}
