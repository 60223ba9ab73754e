/**
 * `pkimm scan` end to end: a directory of generated certificate material (PEM bundle with a
 * private key, PKCS#7, PKCS#12, DER, a broken file, a CSV inventory, crt.sh JSON) and a real
 * TLS server on 127.0.0.1. Expected figures are computed from what the fixtures put in and read
 * back with node:crypto, an independent parser.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createServer, type Server } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory, RatingSuggestion } from '../../src/core/scan/scan.types.js';
import { createContext } from '../../src/cli/context.js';
import { scanCommand } from '../../src/cli/commands/scan.js';
import { cli, expectNoStack } from '../support/run-cli.js';
import {
  makePki,
  pkcs12File,
  pkcs7Bundle,
  toPem,
  type FixtureCert,
  type Pki,
} from '../support/pki-fixtures.js';

type ScanJson = Inventory & { suggestions: RatingSuggestion[] };
const DAY = 24 * 3600 * 1000;

let pki: Pki;
let dir: string;
let server: Server;
let target: string;
/** Every certificate occurrence written into the directory, in order. */
const occurrences: FixtureCert[] = [];

beforeAll(async () => {
  pki = await makePki();
  dir = mkdtempSync(join(tmpdir(), 'pkimm-scan-cli-'));
  const { leaves, root, intermediate } = pki;
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  // A bundle of every certificate, with a private key in the middle.
  const bundle = [root, intermediate, leaves['rsa-2048']].map((c) => c.pem).join('');
  writeFileSync(
    join(dir, 'bundle.pem'),
    bundle +
      (leaves['rsa-2048'].keyPem ?? '') +
      pki.all
        .slice(3)
        .map((c) => c.pem)
        .join(''),
  );
  occurrences.push(root, intermediate, leaves['rsa-2048'], ...pki.all.slice(3));
  writeFileSync(join(dir, 'nested', 'chain.p7b'), pkcs7Bundle([intermediate.der, root.der]));
  occurrences.push(intermediate, root);
  writeFileSync(
    join(dir, 'nested', 'deeper', 'server.p12'),
    pkcs12File({ certs: [leaves['rsa-3072'].der], password: 'secret' }),
  );
  occurrences.push(leaves['rsa-3072']);
  writeFileSync(join(dir, 'nested', 'ec.der'), leaves['ec-p384-no-san'].der);
  occurrences.push(leaves['ec-p384-no-san']);
  writeFileSync(join(dir, 'broken.pem'), toPem(leaves['rsa-2048'].der.slice(0, 200)));
  server = createServer({
    key: leaves['rsa-2048'].keyPem ?? '',
    cert: leaves['rsa-2048'].pem + intermediate.pem,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function weak(c: FixtureCert): boolean {
  const { keyAlgorithm, keySize } = c.expected;
  if (keyAlgorithm === 'rsa' || keyAlgorithm === 'dsa') return keySize < 2048;
  if (keyAlgorithm === 'ec') return keySize < 256;
  return false;
}

/** The summary the contract promises, computed from the fixtures alone. */
function expectedSummary(certs: FixtureCert[], skipped: number) {
  const unique = [...new Map(certs.map((c) => [Buffer.from(c.der).toString('hex'), c])).values()];
  const now = pki.now.getTime();
  const ends = (c: FixtureCert) => Date.parse(c.expected.notAfter);
  return {
    certificates: certs.length,
    unique: unique.length,
    expired: unique.filter((c) => ends(c) < now).length,
    expiringWithin30Days: unique.filter((c) => ends(c) >= now && ends(c) <= now + 30 * DAY).length,
    weakKeys: unique.filter(weak).length,
    sha1Signatures: unique.filter((c) => c.expected.signatureHash === 'sha1').length,
    issuers: new Set(unique.map((c) => new X509Certificate(c.der).issuer)).size,
    skipped,
  };
}

describe('pkimm scan', () => {
  it('prints the contract summary for files, directories and a TLS endpoint as JSON', async () => {
    const result = await cli([
      'scan',
      dir,
      '--tls',
      target,
      '--pkcs12-password',
      'secret',
      '--format',
      'json',
      '--at',
      pki.now.toISOString(),
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as ScanJson;
    // The TLS server presents the leaf and the intermediate.
    const all = [...occurrences, pki.leaves['rsa-2048'], pki.intermediate];
    expect(Object.keys(json.summary).sort()).toEqual(
      [
        'certificates',
        'unique',
        'expired',
        'expiringWithin30Days',
        'weakKeys',
        'sha1Signatures',
        'issuers',
        'skipped',
      ].sort(),
    );
    expect(json.summary.skipped).toBeGreaterThanOrEqual(1);
    expect(json.summary).toEqual(expectedSummary(all, json.summary.skipped));
    expect(
      json.skipped.some((s) => s.location.startsWith(join(dir, 'broken.pem')) && s.reason.length > 5),
    ).toBe(true);
    // The private key is a finding, and nothing of it is in the output.
    expect(json.findings.filter((f) => f.kind === 'private-key')).toHaveLength(1);
    const keyBody = (pki.leaves['rsa-2048'].keyPem ?? '').split('\n')[1] ?? 'missing';
    expect(result.stdout).not.toContain(keyBody);
    // Every input carries the SHA-256 of its bytes.
    const p7b = json.inputs.find((i) => i.name.endsWith('chain.p7b'));
    expect(p7b?.sha256).toBe(
      createHash('sha256')
        .update(pkcs7Bundle([pki.intermediate.der, pki.root.der]))
        .digest('hex'),
    );
    expect(json.inputs.find((i) => i.kind === 'tls')?.name).toBe(target);
    const endpoint = json.endpoints.find((e) => e.target === target);
    expect(endpoint?.chain).toEqual(
      [pki.leaves['rsa-2048'], pki.intermediate].map((c) => createHash('sha256').update(c.der).digest('hex')),
    );
    expect(endpoint?.protocol).toBe('TLSv1.3');
    expect(json.suggestions.length).toBeGreaterThan(0);
    for (const s of json.suggestions) {
      expect(s.level).toBeGreaterThanOrEqual(1);
      expect(s.reasoning.join(' ').length).toBeGreaterThan(20);
    }
  });

  it('reads a PKCS#12 file only with its password, and says so without it', async () => {
    const p12 = join(dir, 'nested', 'deeper', 'server.p12');
    const without = JSON.parse((await cli(['scan', p12, '--format', 'json'])).stdout) as ScanJson;
    expect(without.summary.certificates).toBe(0);
    expect(without.skipped[0]?.reason).toMatch(/password/i);
    const withIt = JSON.parse(
      (await cli(['scan', p12, '--pkcs12-password', 'secret', '--format', 'json'])).stdout,
    ) as ScanJson;
    expect(withIt.certificates[0]?.fingerprint).toBe(
      createHash('sha256').update(pki.leaves['rsa-3072'].der).digest('hex'),
    );
  });

  it('counts issuers outside the declared scope', async () => {
    const bundle = join(dir, 'bundle.pem');
    const json = JSON.parse(
      (await cli(['scan', bundle, '--known-issuer', 'pkimm test root', '--format', 'json'])).stdout,
    ) as ScanJson;
    const issuers = json.indicators.issuers;
    expect(issuers.find((i) => /pkimm test root/.test(i.name))?.knownToScope).toBe(true);
    expect(issuers.find((i) => /pkimm test intermediate/.test(i.name))?.knownToScope).toBe(false);
    expect(json.indicators.unknownIssuers).toBe(issuers.filter((i) => !i.knownToScope).length);
  });

  it('reports a missing path as skipped and goes on', async () => {
    const result = await cli([
      'scan',
      join(dir, 'nope.pem'),
      join(dir, 'nested', 'ec.der'),
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as ScanJson;
    expect(json.skipped).toEqual([{ location: join(dir, 'nope.pem'), reason: 'no such file or directory' }]);
    expect(json.summary.unique).toBe(1);
  });

  it('prints a readable table by default', async () => {
    const result = await cli(['scan', dir, '--pkcs12-password', 'secret', '--at', pki.now.toISOString()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/unique \d+/);
    expect(result.stdout).toContain('Findings:');
    expect(result.stdout).toContain('Suggested ratings');
  });

  it('refuses bad usage with exit code 2 and no stack trace', async () => {
    for (const args of [
      ['scan'],
      ['scan', dir, '--csv-preset', 'oracle'],
      ['scan', dir, '--at', 'yesterday'],
      ['scan', '--tls', '127.0.0.1:1', '--concurrency', '0'],
      ['scan', dir, '--csv-map', 'colour=Colour'],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.length).toBeGreaterThan(10);
      expect(expectNoStack(result.stderr)).toBe(true);
    }
  });

  it('draws a progress bar on a terminal and nothing otherwise', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let drawn = '';
    terminal.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    let out = '';
    let err = '';
    const context = createContext(
      { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTty: false, progress: terminal },
      { PKIMM_HOME: mkdtempSync(join(tmpdir(), 'pkimm-cli-')) },
    );
    await scanCommand(context, [dir], { format: 'json', pkcs12Password: ['secret'] });
    expect(drawn).toMatch(/Scanning \[[^\]]*\] \d+\/\d+ inputs/);
    // The bar ends full: every input counted up front was read.
    const totals = [...drawn.matchAll(/(\d+)\/(\d+) inputs/g)].at(-1);
    expect(totals?.[1]).toBe(totals?.[2]);
    expect(err).toBe('');
    expect((JSON.parse(out) as ScanJson).summary.unique).toBeGreaterThan(5);
  });
});
