/**
 * server.ts's startServer with more than one account: every account is created through the CLI
 * (`pkimm user create … --password-stdin`) in the same fresh PKIMM_HOME before the server starts.
 * All accounts share server.ts's PASSWORD.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../../src/io/package-root.js';
import { exitWithin, killAllServers, startServerProcess } from '../../e2e/support/server-process.js';
import { PASSWORD, type BrowserTestServer } from './server.js';

export async function startServerWithAccounts(
  emails: [string, ...string[]],
): Promise<{ server: BrowserTestServer; accounts: BrowserTestServer[] }> {
  const home = mkdtempSync(join(tmpdir(), 'pkimm-browser-more-'));
  const env = { PKIMM_HOME: home, LOG_LEVEL: 'warn' };
  for (const email of emails) await createUser(env, email, PASSWORD);
  const process_ = await startServerProcess(env);
  const stop = async () => {
    process_.child.kill('SIGTERM');
    await exitWithin(process_, 5_000);
    await killAllServers();
  };
  const accounts = emails.map((email) => ({
    url: process_.url,
    email,
    password: PASSWORD,
    process: process_,
    stop,
  }));
  const [server] = accounts;
  if (!server) throw new Error('no account');
  return { server, accounts };
}

function createUser(env: Record<string, string>, email: string, password: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join('src', 'cli', 'main.ts'), 'user', 'create', email, '--password-stdin'],
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
