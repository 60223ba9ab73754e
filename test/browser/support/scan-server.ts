/**
 * For the scan page's browser test: `pkimm serve` with several accounts and an allow list of
 * TLS targets (PKIMM_SCAN_TLS_TARGETS), and a real TLS endpoint on 127.0.0.1 serving a
 * generated chain for it to scan. Accounts are made through the CLI as in server.ts.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { exitWithin, killAllServers, startServerProcess } from '../../e2e/support/server-process.js';
import { createUser, PASSWORD, type BrowserTestServer } from './server.js';

export async function startScanServer(
  emails: [string, ...string[]],
  tlsTargets: string,
): Promise<BrowserTestServer[]> {
  const home = mkdtempSync(join(tmpdir(), 'pkimm-browser-scan-'));
  const env = { PKIMM_HOME: home, LOG_LEVEL: 'warn', PKIMM_SCAN_TLS_TARGETS: tlsTargets };
  for (const email of emails) await createUser(env, email, PASSWORD);
  const child = await startServerProcess(env);
  const stop = async () => {
    child.child.kill('SIGTERM');
    await exitWithin(child, 5_000);
    await killAllServers();
  };
  return emails.map((email) => ({ url: child.url, email, password: PASSWORD, home, process: child, stop }));
}

export interface TlsEndpointServer {
  /** `127.0.0.1:{port}`. */
  target: string;
  close(): Promise<void>;
}

/** A TLS server on 127.0.0.1 presenting `chainPem` (leaf first) with the leaf's key; it answers nothing. */
export async function startTlsEndpoint(keyPem: string, chainPem: string): Promise<TlsEndpointServer> {
  const server: Server = createServer({ key: keyPem, cert: chainPem }, (socket) => socket.end());
  // A scanner that hangs up mid-handshake is expected; it must not become an unhandled error here.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    target: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
