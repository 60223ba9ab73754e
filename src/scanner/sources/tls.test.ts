import { createHash, createPrivateKey, webcrypto } from 'node:crypto';
import {
  createServer as createTcpServer,
  type AddressInfo,
  type LookupFunction,
  type Server,
  type Socket,
} from 'node:net';
import { createSecureContext, createServer, type TlsOptions as ServerOptions } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePki, type Pki } from '../../../test/support/pki-fixtures.js';
import { x509 } from '../../attest/x509.js';
import type { SourceEvent } from '../../core/scan/scan.types.js';
import { tlsEvents, tlsSource } from './tls.js';

const containing = (text: string) => expect.stringContaining(text) as string;

const servers: Server[] = [];
const sha256 = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function tlsServer(options: ServerOptions): Promise<number> {
  // The probe closes right after the handshake; the reset that may follow is expected.
  const server = createServer(options, (socket) => socket.on('error', () => undefined).end());
  server.on('tlsClientError', () => undefined);
  return listen(server);
}

async function collect(events: AsyncIterable<SourceEvent>): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const ofType = <T extends SourceEvent['type']>(events: SourceEvent[], type: T) =>
  events.filter((event): event is Extract<SourceEvent, { type: T }> => event.type === type);

// Every test name resolves to the loopback address, so SNI can be tested without DNS.
const loopback: LookupFunction = (_hostname, options, callback) => {
  if (options.all === true) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

describe('tlsEvents', () => {
  let pki: Pki;
  beforeAll(async () => {
    pki = await makePki();
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('records a leaf and intermediate chain in order, with protocol, cipher, digest and trust verdict', async () => {
    const leaf = pki.leaves['rsa-2048'];
    const port = await tlsServer({ cert: leaf.pem + pki.intermediate.pem, key: leaf.keyPem });
    const target = `127.0.0.1:${port}`;
    const events = await collect(tlsEvents([target]));

    const [endpoint] = ofType(events, 'endpoint');
    expect(endpoint?.endpoint).toMatchObject({
      target,
      protocol: 'TLSv1.3',
      chain: [sha256(leaf.der), sha256(pki.intermediate.der)],
      authorized: false,
    });
    expect(endpoint?.endpoint.serverName).toBeUndefined();
    expect(endpoint?.endpoint.cipher).toMatch(/^TLS_/);
    expect(ofType(events, 'certificate').map((event) => [event.record.fingerprint, event.source])).toEqual([
      [sha256(leaf.der), { kind: 'tls', location: target }],
      [sha256(pki.intermediate.der), { kind: 'tls', location: target }],
    ]);
    const chainBytes = Buffer.concat([leaf.der, pki.intermediate.der]);
    expect(ofType(events, 'input')).toEqual([
      {
        type: 'input',
        input: { kind: 'tls', name: target, sha256: sha256(chainBytes), size: chainBytes.length },
      },
    ]);
    // The test root is in no trust store, so the chain is reported as untrusted, with OpenSSL's code.
    const findings = ofType(events, 'finding').map((event) => event.finding);
    expect(findings).toEqual([
      {
        kind: 'untrusted-chain',
        location: target,
        message: containing(endpoint?.endpoint.authorizationError ?? '?'),
      },
    ]);
    expect(endpoint?.endpoint.authorizationError).toMatch(/^[A-Z_]+$/);
  });

  it('reports the negotiated version of a TLS 1.2 server and flags TLS 1.1 as legacy', async () => {
    const leaf = pki.leaves['rsa-2048'];
    const modern = await tlsServer({ cert: leaf.pem, key: leaf.keyPem, maxVersion: 'TLSv1.2' });
    const legacy = await tlsServer({
      cert: leaf.pem,
      key: leaf.keyPem,
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
      ciphers: 'DEFAULT:@SECLEVEL=0',
    });
    const events = await collect(
      tlsEvents([`127.0.0.1:${modern}`, `127.0.0.1:${legacy}`], { concurrency: 1 }),
    );
    const protocols = Object.fromEntries(
      ofType(events, 'endpoint').map((event) => [event.endpoint.target, event.endpoint.protocol]),
    );
    expect(protocols).toEqual({ [`127.0.0.1:${modern}`]: 'TLSv1.2', [`127.0.0.1:${legacy}`]: 'TLSv1.1' });
    const legacyFindings = ofType(events, 'finding').filter((event) => event.finding.kind === 'legacy-tls');
    expect(legacyFindings.map((event) => event.finding.location)).toEqual([`127.0.0.1:${legacy}`]);
    expect(legacyFindings[0]?.finding.message).toContain('TLSv1.1');
  });

  it('flags a self-signed certificate as an untrusted chain', async () => {
    // The fixture root is a CA (wrong purpose for a server); a self-signed server certificate is made here.
    const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
    const now = Date.now();
    const selfSigned = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '0102',
      name: 'CN=self-signed.test',
      notBefore: new Date(now - 3600_000),
      notAfter: new Date(now + 86_400_000),
      keys,
      signingAlgorithm: algorithm,
      extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'self-signed.test' }])],
    });
    const key = createPrivateKey({
      key: Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)),
      format: 'der',
      type: 'pkcs8',
    }).export({ type: 'pkcs8', format: 'pem' });
    const der = new Uint8Array(selfSigned.rawData);
    const port = await tlsServer({ cert: selfSigned.toString('pem'), key });
    const events = await collect(tlsEvents([`127.0.0.1:${port}`]));
    const [endpoint] = ofType(events, 'endpoint');
    expect(endpoint?.endpoint).toMatchObject({
      chain: [sha256(der)],
      authorized: false,
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(ofType(events, 'finding')).toEqual([
      {
        type: 'finding',
        finding: {
          kind: 'untrusted-chain',
          location: `127.0.0.1:${port}`,
          message: containing('DEPTH_ZERO_SELF_SIGNED_CERT'),
        },
      },
    ]);
  });

  it('sends the host name as SNI and gets the certificate served for that name', async () => {
    const alpha = pki.leaves['rsa-2048'];
    const beta = pki.leaves['ec-p256-wildcard'];
    const fallback = pki.leaves['rsa-3072'];
    const contexts = new Map([
      ['alpha.test', createSecureContext({ cert: alpha.pem, key: alpha.keyPem })],
      ['beta.test', createSecureContext({ cert: beta.pem, key: beta.keyPem })],
    ]);
    const seen: (string | undefined)[] = [];
    const port = await tlsServer({
      cert: fallback.pem,
      key: fallback.keyPem,
      SNICallback: (name, callback) => {
        seen.push(name);
        callback(null, contexts.get(name));
      },
    });
    const targets = [`alpha.test:${port}`, `beta.test:${port}`, `127.0.0.1:${port}`];
    const events = await collect(tlsEvents(targets, { lookup: loopback, concurrency: 1 }));
    const byTarget = new Map(
      ofType(events, 'endpoint').map((event) => [event.endpoint.target, event.endpoint]),
    );
    expect(byTarget.get(targets[0] as string)).toMatchObject({
      serverName: 'alpha.test',
      chain: [sha256(alpha.der)],
    });
    expect(byTarget.get(targets[1] as string)).toMatchObject({
      serverName: 'beta.test',
      chain: [sha256(beta.der)],
    });
    // An IP address carries no SNI: the server falls back to its default certificate.
    expect(byTarget.get(targets[2] as string)).toMatchObject({ chain: [sha256(fallback.der)] });
    expect(byTarget.get(targets[2] as string)?.serverName).toBeUndefined();
    expect(seen.sort()).toEqual(['alpha.test', 'beta.test']);
  });

  it('skips a closed port, a silent server (timeout) and malformed targets with reasons', async () => {
    const closedServer = createTcpServer();
    const closedPort = await listen(closedServer);
    await new Promise((resolve) => closedServer.close(resolve));
    servers.splice(servers.indexOf(closedServer), 1);

    const held: Socket[] = [];
    const silent = await listen(createTcpServer((socket) => held.push(socket.on('error', () => undefined))));
    const started = Date.now();
    const events = await collect(
      tlsEvents(
        [`127.0.0.1:${closedPort}`, `127.0.0.1:${silent}`, 'no-port', '::1:443', 'host:99999', '[nope]:1'],
        {
          timeoutMs: 300,
        },
      ),
    );
    const elapsed = Date.now() - started;
    held.forEach((socket) => socket.destroy());

    const reasons = Object.fromEntries(
      ofType(events, 'skipped').map((event) => [event.item.location, event.item.reason]),
    );
    expect(reasons).toEqual({
      [`127.0.0.1:${closedPort}`]: 'connection refused',
      [`127.0.0.1:${silent}`]: containing('within 300 ms'),
      'no-port': containing('no port'),
      '::1:443': containing('brackets'),
      'host:99999': containing('1 to 65535'),
      '[nope]:1': containing('not an IPv6 address'),
    });
    expect(ofType(events, 'endpoint')).toEqual([]);
    expect(elapsed).toBeLessThan(3000);
  });

  it('keeps at most `concurrency` handshakes in flight', async () => {
    let open = 0;
    let peak = 0;
    const port = await listen(
      createTcpServer((socket) => {
        open += 1;
        peak = Math.max(peak, open);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          open -= 1;
        });
        setTimeout(() => socket.destroy(), 150);
      }),
    );
    const targets = Array.from({ length: 7 }, () => `127.0.0.1:${port}`);
    const source = tlsSource(targets, { concurrency: 3, timeoutMs: 2000 });
    expect(source).toMatchObject({ kind: 'tls', name: 'TLS (7 endpoints)' });
    const events = await collect(source.events());
    expect(ofType(events, 'skipped')).toHaveLength(7);
    expect(peak).toBe(3);
  });

  it('refuses a concurrency below 1 as a usage error', async () => {
    await expect(collect(tlsEvents(['127.0.0.1:1'], { concurrency: 0 }))).rejects.toMatchObject({
      code: 'USAGE',
    });
  });
});
