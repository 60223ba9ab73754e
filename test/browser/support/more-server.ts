/**
 * server.ts's startServer with more than one account: every account is created through the CLI
 * (`pkimm user create … --password-stdin`) in the same fresh PKIMM_HOME before the server starts.
 * All accounts share server.ts's PASSWORD.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitWithin, killAllServers, startServerProcess } from '../../e2e/support/server-process.js';
import { createUser, PASSWORD, type BrowserTestServer } from './server.js';

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
