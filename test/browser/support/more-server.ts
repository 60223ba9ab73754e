/**
 * server.ts's startServer with more than one account: every account is created through the CLI
 * (`pkimm user create … [--name …] --password-stdin`) in the same fresh PKIMM_HOME before the
 * server starts, one at a time (the first run migrates the fresh database). All accounts share
 * server.ts's PASSWORD; `env` adds settings such as PKIMM_SCAN_TLS_TARGETS.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitWithin, killAllServers, startServerProcess } from '../../e2e/support/server-process.js';
import { createUser, PASSWORD, type BrowserTestServer } from './server.js';

/** An email alone, or an email with the display name the pages show instead of it. */
export type Account = string | { email: string; name?: string };

export async function startServerWithAccounts(
  wanted: [Account, ...Account[]],
  env: Record<string, string> = {},
): Promise<{ server: BrowserTestServer; accounts: BrowserTestServer[] }> {
  const home = mkdtempSync(join(tmpdir(), 'pkimm-browser-more-'));
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
