/**
 * Test PKIs made with the openssl CLI (an implementation independent of ours): a root, an
 * intermediate and a signing certificate, in EC P-256 or RSA 2048, plus helpers to take a JWS
 * apart and check it with openssl.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function openssl(
  args: string[],
  options: { cwd: string; input?: string | Buffer } = { cwd: tmpdir() },
): string {
  return execFileSync('openssl', args, {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

const CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[encipher]
basicConstraints = critical,CA:FALSE
keyUsage = critical,keyEncipherment
`;

export type KeyKind = 'ec' | 'rsa' | 'ed25519';

export interface Pki {
  dir: string;
  /** Paths, relative to nothing: absolute. */
  rootCert: string;
  rootKey: string;
  intermediateCert: string;
  intermediateKey: string;
  leafCert: string;
  leafKey: string;
  /** Issues another certificate; `days` may be negative for one that has already expired. */
  issue(
    name: string,
    options?: { kind?: KeyKind; issuer?: 'root' | 'intermediate'; days?: number; ext?: string },
  ): {
    cert: string;
    key: string;
  };
}

let serial = 1000;

export function makePki(kind: 'ec' | 'rsa', label: string = kind): Pki {
  const dir = mkdtempSync(join(tmpdir(), `pkimm-pki-${label}-`));
  const config = join(dir, 'openssl.cnf');
  writeFileSync(config, CONFIG);
  const run = (args: string[]) => openssl(args, { cwd: dir });
  const key = (name: string, keyKind: KeyKind) => {
    const path = join(dir, `${name}.key`);
    const algorithm =
      keyKind === 'ec'
        ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']
        : keyKind === 'rsa'
          ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
          : ['-algorithm', 'ED25519'];
    run(['genpkey', ...algorithm, '-out', path]);
    return path;
  };
  const rootKey = key('root', kind);
  const rootCert = join(dir, 'root.pem');
  run([
    'req',
    '-x509',
    '-new',
    '-config',
    config,
    '-extensions',
    'ca',
    '-key',
    rootKey,
    '-subj',
    `/CN=${label} Test Root/O=pkimm tests`,
    '-days',
    '3650',
    '-out',
    rootCert,
  ]);
  const sign = (
    name: string,
    subject: string,
    keyPath: string,
    issuer: { cert: string; key: string },
    ext: string,
    days: number,
  ) => {
    const csr = join(dir, `${name}.csr`);
    const cert = join(dir, `${name}.pem`);
    run(['req', '-new', '-config', config, '-key', keyPath, '-subj', subject, '-out', csr]);
    serial += 1;
    run([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      issuer.cert,
      '-CAkey',
      issuer.key,
      '-set_serial',
      String(serial),
      '-days',
      String(days),
      '-extfile',
      config,
      '-extensions',
      ext,
      '-out',
      cert,
    ]);
    return cert;
  };
  const intermediateKey = key('intermediate', kind);
  const intermediateCert = sign(
    'intermediate',
    `/CN=${label} Test Intermediate/O=pkimm tests`,
    intermediateKey,
    { cert: rootCert, key: rootKey },
    'ca',
    1825,
  );
  const leafKey = key('leaf', kind);
  const leafCert = sign(
    'leaf',
    `/CN=${label} Attestation Signer/O=pkimm tests`,
    leafKey,
    { cert: intermediateCert, key: intermediateKey },
    'leaf',
    365,
  );
  return {
    dir,
    rootCert,
    rootKey,
    intermediateCert,
    intermediateKey,
    leafCert,
    leafKey,
    issue(name, options = {}) {
      const newKey = key(name, options.kind ?? kind);
      const issuer =
        options.issuer === 'root'
          ? { cert: rootCert, key: rootKey }
          : { cert: intermediateCert, key: intermediateKey };
      const cert = sign(
        name,
        `/CN=${name}/O=pkimm tests`,
        newKey,
        issuer,
        options.ext ?? 'leaf',
        options.days ?? 365,
      );
      return { cert, key: newKey };
    },
  };
}

export interface JwsParts {
  header: Record<string, unknown>;
  headerPart: string;
  payloadPart: string;
  signaturePart: string;
  payloadBytes: Buffer;
  signature: Buffer;
}

export function splitJws(jws: string): JwsParts {
  const [headerPart = '', payloadPart = '', signaturePart = ''] = jws.trim().split('.');
  return {
    header: JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as Record<string, unknown>,
    headerPart,
    payloadPart,
    signaturePart,
    payloadBytes: Buffer.from(payloadPart, 'base64url'),
    signature: Buffer.from(signaturePart, 'base64url'),
  };
}

export const b64url = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');

/** r||s (JWS) → the DER SEQUENCE of two INTEGERs openssl expects. */
export function p1363ToDer(signature: Buffer): Buffer {
  const integer = (bytes: Buffer) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
    let body = bytes.subarray(start);
    if ((body[0] ?? 0) & 0x80) body = Buffer.concat([Buffer.from([0]), body]);
    return Buffer.concat([Buffer.from([0x02, body.length]), body]);
  };
  const half = signature.length / 2;
  const content = Buffer.concat([integer(signature.subarray(0, half)), integer(signature.subarray(half))]);
  return Buffer.concat([Buffer.from([0x30, content.length]), content]);
}

export function x5cToPem(der64: string): string {
  const lines = der64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
