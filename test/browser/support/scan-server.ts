/**
 * For the scan page's browser test: `pkimm serve` with several accounts and an allow list of
 * TLS targets (PKIMM_SCAN_TLS_TARGETS), and a real TLS endpoint on 127.0.0.1 serving a
 * generated chain for it to scan. Accounts are made as in server.ts.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:tls';
import { type BrowserTestServer, startServerWithAccounts } from './server.js';

export async function startScanServer(
  emails: [string, ...string[]],
  tlsTargets: string,
): Promise<BrowserTestServer[]> {
  const { accounts } = await startServerWithAccounts(emails, { PKIMM_SCAN_TLS_TARGETS: tlsTargets });
  return accounts;
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
