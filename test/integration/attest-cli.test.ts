/**
 * `pkimm attest sign` and `pkimm attest verify` against PKIs made by openssl, with openssl as the
 * independent verifier of the chain and the signature; tampering, dates, trust and key sources.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificatesFromPem } from '../../src/attest/certificates.js';
import { summariseAttestation } from '../../src/attest/summary.js';
import { verifyAttestation } from '../../src/attest/verify.js';
import type { VerificationResult } from '../../src/core/attestation/verification.js';
import { cli, expectNoStack } from '../support/run-cli.js';
import { b64url, makePki, openssl, p1363ToDer, splitJws, x5cToPem, type Pki } from './attest-support.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'examples', 'sample-assessment-2.0.0.yaml');
const OFFICIAL = join(ROOT, 'examples', 'official-export-2.0.0-full.yaml');

async function sign(pki: Pki, out: string, extra: string[] = [], file = SAMPLE) {
  return cli([
    'attest',
    'sign',
    file,
    '--key',
    pki.leafKey,
    '--cert',
    pki.leafCert,
    '--chain',
    pki.intermediateCert,
    '--out',
    out,
    ...extra,
  ]);
}

async function verifyJson(file: string, trust: string, extra: string[] = []) {
  const run = await cli(['attest', 'verify', file, '--trust', trust, '--format', 'json', ...extra]);
  return { ...run, result: JSON.parse(run.stdout) as VerificationResult };
}

const codes = (result: VerificationResult) => result.reasons.map((reason) => reason.code);

describe.each(['ec', 'rsa'] as const)('attestations signed with a %s key', (kind) => {
  let pki: Pki;
  let jwsFile: string;
  beforeAll(async () => {
    pki = makePki(kind);
    jwsFile = join(pki.dir, 'sample.jws');
    const run = await sign(pki, jwsFile);
    expect(run.code, run.stderr).toBe(0);
  });

  it('verify with the CLI: valid, exit 0, with the levels of the assessment', async () => {
    const { code, result } = await verifyJson(jwsFile, pki.rootCert);
    expect(code).toBe(0);
    expect(result.valid).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.alg).toBe(kind === 'ec' ? 'ES256' : 'RS256');
    expect(result.payload?.assessment).toMatchObject({
      modelVersion: '2.0.0',
      type: 'formal',
      trustLevel: 'medium',
    });
    expect(result.payload?.levels.overall.level).toBe(2);
    expect(result.payload?.issuer).toBe(`CN=${kind} Attestation Signer, O=pkimm tests`);
    const table = await cli(['attest', 'verify', jwsFile, '--trust', pki.rootCert]);
    expect(table.stdout).toMatch(/^VALID\n/);
  });

  it('the digest is sha256 over the payload bytes, computed with openssl', async () => {
    const { result } = await verifyJson(jwsFile, pki.rootCert);
    const parts = splitJws(readFileSync(jwsFile, 'utf8'));
    const payloadFile = join(pki.dir, 'payload.json');
    writeFileSync(payloadFile, parts.payloadBytes);
    const hex = openssl(['dgst', '-sha256', '-r', payloadFile], { cwd: pki.dir }).split(' ')[0];
    expect(result.digest).toBe(`sha256:${hex}`);
  });

  it('summarises id, digest, date and issuer for a report, and nothing for other text', async () => {
    const { result } = await verifyJson(jwsFile, pki.rootCert);
    expect(summariseAttestation(readFileSync(jwsFile, 'utf8'))).toEqual({
      id: result.payload?.id,
      digest: result.digest,
      issuedAt: result.payload?.issuedAt,
      issuer: result.payload?.issuer,
    });
    expect(summariseAttestation('not.a.jws')).toBeUndefined();
  });

  it('openssl verifies the x5c chain and the signature independently', () => {
    const parts = splitJws(readFileSync(jwsFile, 'utf8'));
    const x5c = parts.header['x5c'] as string[];
    expect(x5c).toHaveLength(2);
    expect(parts.header['alg']).toBe(kind === 'ec' ? 'ES256' : 'RS256');
    const leaf = join(pki.dir, 'x5c-leaf.pem');
    const chain = join(pki.dir, 'x5c-chain.pem');
    writeFileSync(leaf, x5cToPem(x5c[0]!));
    writeFileSync(chain, x5cToPem(x5c[1]!));
    expect(
      openssl(['verify', '-CAfile', pki.rootCert, '-untrusted', chain, leaf], { cwd: pki.dir }),
    ).toContain(': OK');
    const pub = join(pki.dir, 'pub.pem');
    writeFileSync(pub, openssl(['x509', '-in', leaf, '-pubkey', '-noout'], { cwd: pki.dir }));
    const input = join(pki.dir, 'signing-input.txt');
    writeFileSync(input, `${parts.headerPart}.${parts.payloadPart}`);
    const signature = join(pki.dir, 'sig.der');
    if (kind === 'ec') expect(parts.signature).toHaveLength(64);
    writeFileSync(signature, kind === 'ec' ? p1363ToDer(parts.signature) : parts.signature);
    expect(
      openssl(['dgst', '-sha256', '-verify', pub, '-signature', signature, input], { cwd: pki.dir }),
    ).toContain('Verified OK');
    // And openssl rejects the same signature over a changed input, so the check above means something.
    writeFileSync(input, `${parts.headerPart}.${parts.payloadPart}x`);
    expect(() =>
      openssl(['dgst', '-sha256', '-verify', pub, '-signature', signature, input], { cwd: pki.dir }),
    ).toThrow();
  });

  it('one changed byte in the header, the payload or the signature: invalid, exit 1, with the reason', async () => {
    const parts = splitJws(readFileSync(jwsFile, 'utf8'));
    const flip = (bytes: Buffer, at: number) => {
      const copy = Buffer.from(bytes);
      copy[at] = (copy[at] ?? 0) ^ 0x01;
      return copy;
    };
    const headerBytes = Buffer.from(parts.headerPart, 'base64url');
    // A byte inside the kid value: the header stays readable, so only the signature can catch it.
    const kidAt = headerBytes.indexOf('"kid":"') + 8;
    const payloadAt = parts.payloadBytes.indexOf('Kestrel') + 2;
    const variants = {
      header: `${b64url(flip(headerBytes, kidAt))}.${parts.payloadPart}.${parts.signaturePart}`,
      payload: `${parts.headerPart}.${b64url(flip(parts.payloadBytes, payloadAt))}.${parts.signaturePart}`,
      signature: `${parts.headerPart}.${parts.payloadPart}.${b64url(flip(parts.signature, 10))}`,
    };
    for (const [where, jws] of Object.entries(variants)) {
      const file = join(pki.dir, `tampered-${where}.jws`);
      writeFileSync(file, jws);
      const { code, result, stderr } = await verifyJson(file, pki.rootCert);
      expect(code, where).toBe(1);
      expect(result.valid).toBe(false);
      expect(codes(result), where).toEqual(['SIGNATURE_MISMATCH']);
      expect(stderr).toContain('SIGNATURE_MISMATCH');
    }
  });

  it('a change of one character anywhere in the JWS text is never valid', () => {
    const text = readFileSync(jwsFile, 'utf8').trim();
    const anchors = certificatesFromPem(readFileSync(pki.rootCert, 'utf8'), 'root');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    expect(verifyAttestation(text, { trustAnchors: anchors, at: new Date() }).valid).toBe(true);
    // Every position near the ends of each part (where base64url padding bits live) and a spread
    // of positions in between; checking all of them takes half a minute for an RSA chain.
    const boundaries = [...text.matchAll(/\./g)].map((m) => m.index).concat([0, text.length]);
    const near = (at: number) => boundaries.some((b) => Math.abs(b - at) <= 4);
    const positions = [...text].map((_, at) => at).filter((at) => near(at) || at % 11 === 0);
    expect(positions.length).toBeGreaterThan(150);
    for (const at of positions) {
      const current = text[at]!;
      // The next character of the alphabet flips the lowest bits, the ones padding could hide.
      const replacement =
        current === '.' ? 'A' : alphabet[(alphabet.indexOf(current) + 1) % alphabet.length]!;
      const changed = text.slice(0, at) + replacement + text.slice(at + 1);
      expect(
        verifyAttestation(changed, { trustAnchors: anchors, at: new Date() }).valid,
        `position ${at}`,
      ).toBe(false);
    }
  });

  it('another root as trust anchor: CHAIN_UNTRUSTED', async () => {
    const other = makePki(kind, `${kind}-other`);
    const { code, result } = await verifyJson(jwsFile, other.rootCert);
    expect(code).toBe(1);
    expect(codes(result)).toEqual(['CHAIN_UNTRUSTED']);
    expect(result.reasons[0]?.message).toContain('Test Intermediate');
  });

  it('an expired signing certificate: CERT_EXPIRED; a time before it was issued: CERT_NOT_YET_VALID', async () => {
    const expired = pki.issue('Expired Signer', { days: -1 });
    const file = join(pki.dir, 'expired.jws');
    const run = await cli([
      'attest',
      'sign',
      SAMPLE,
      '--key',
      expired.key,
      '--cert',
      expired.cert,
      '--chain',
      pki.intermediateCert,
      '--out',
      file,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const { code, result } = await verifyJson(file, pki.rootCert);
    expect(code).toBe(1);
    expect(codes(result)).toEqual(['CERT_EXPIRED']);
    expect(result.reasons[0]?.message).toContain('CN=Expired Signer');
    const early = await verifyJson(jwsFile, pki.rootCert, ['--at', '2001-01-01T00:00:00Z']);
    expect(early.code).toBe(1);
    // Every certificate of the path is judged: leaf, intermediate and root.
    expect(codes(early.result)).toEqual(['CERT_NOT_YET_VALID', 'CERT_NOT_YET_VALID', 'CERT_NOT_YET_VALID']);
  });
});

describe('chains, algorithms and key sources', () => {
  let pki: Pki;
  beforeAll(() => {
    pki = makePki('ec', 'chains');
  });

  it('an intermediate not under the trusted root: CHAIN_UNTRUSTED; a wrong chain: CHAIN_INVALID', async () => {
    const foreign = makePki('ec', 'foreign');
    const file = join(pki.dir, 'foreign.jws');
    const run = await cli([
      'attest',
      'sign',
      SAMPLE,
      '--key',
      foreign.leafKey,
      '--cert',
      foreign.leafCert,
      '--chain',
      foreign.intermediateCert,
      '--out',
      file,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(codes((await verifyJson(file, pki.rootCert)).result)).toEqual(['CHAIN_UNTRUSTED']);
    // The signer's own intermediate left out and another one given: the link is broken.
    const wrong = join(pki.dir, 'wrong-chain.jws');
    await cli([
      'attest',
      'sign',
      SAMPLE,
      '--key',
      pki.leafKey,
      '--cert',
      pki.leafCert,
      '--chain',
      foreign.intermediateCert,
      '--out',
      wrong,
    ]);
    const { code, result } = await verifyJson(wrong, pki.rootCert);
    expect(code).toBe(1);
    expect(codes(result)).toEqual(['CHAIN_INVALID', 'CHAIN_UNTRUSTED']);
  });

  it('an intermediate can be the trust anchor, and a missing chain is untrusted', async () => {
    const file = join(pki.dir, 'no-chain.jws');
    await cli(['attest', 'sign', SAMPLE, '--key', pki.leafKey, '--cert', pki.leafCert, '--out', file]);
    expect((await verifyJson(file, pki.intermediateCert)).code).toBe(0);
    expect(codes((await verifyJson(file, pki.rootCert)).result)).toEqual(['CHAIN_UNTRUSTED']);
  });

  it('a signing certificate without digitalSignature: KEY_USAGE_INVALID', async () => {
    const encipher = pki.issue('Encipher Only', { ext: 'encipher' });
    const file = join(pki.dir, 'encipher.jws');
    await cli([
      'attest',
      'sign',
      SAMPLE,
      '--key',
      encipher.key,
      '--cert',
      encipher.cert,
      '--chain',
      pki.intermediateCert,
      '--out',
      file,
    ]);
    expect(codes((await verifyJson(file, pki.rootCert)).result)).toEqual(['KEY_USAGE_INVALID']);
  });

  it('alg none and alg confusion are refused as HEADER_INVALID', async () => {
    const file = join(pki.dir, 'good.jws');
    await sign(pki, file);
    const parts = splitJws(readFileSync(file, 'utf8'));
    const anchors = certificatesFromPem(readFileSync(pki.rootCert, 'utf8'), 'root');
    for (const alg of ['none', 'RS256', 'HS256']) {
      const header = b64url(JSON.stringify({ ...parts.header, alg }));
      for (const signature of ['', parts.signaturePart]) {
        const result = verifyAttestation(`${header}.${parts.payloadPart}.${signature}`, {
          trustAnchors: anchors,
          at: new Date(),
        });
        expect(result.valid, `${alg} ${signature.length}`).toBe(false);
        expect(codes(result)).toContain('HEADER_INVALID');
      }
    }
    const noneFile = join(pki.dir, 'none.jws');
    writeFileSync(
      noneFile,
      `${b64url(JSON.stringify({ ...parts.header, alg: 'none' }))}.${parts.payloadPart}.AA`,
    );
    const none = await verifyJson(noneFile, pki.rootCert);
    expect(none.code).toBe(1);
    expect(none.result.reasons.find((r) => r.code === 'HEADER_INVALID')?.message).toContain('"none"');
  });

  it('signs the official export too, and keys in SEC1 and PKCS#1 form', async () => {
    const sec1 = join(pki.dir, 'leaf-sec1.key');
    writeFileSync(sec1, openssl(['ec', '-in', pki.leafKey], { cwd: pki.dir }));
    expect(readFileSync(sec1, 'utf8')).toContain('BEGIN EC PRIVATE KEY');
    const file = join(pki.dir, 'official.jws');
    const run = await cli([
      'attest',
      'sign',
      OFFICIAL,
      '--key',
      sec1,
      '--cert',
      pki.leafCert,
      '--chain',
      pki.intermediateCert,
      '--out',
      file,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect((await verifyJson(file, pki.rootCert)).result.payload?.assessment.modelVersion).toBe('2.0.0');
    const rsa = makePki('rsa', 'pkcs1');
    const pkcs1 = join(rsa.dir, 'leaf-pkcs1.key');
    writeFileSync(pkcs1, openssl(['rsa', '-in', rsa.leafKey, '-traditional'], { cwd: rsa.dir }));
    expect(readFileSync(pkcs1, 'utf8')).toContain('BEGIN RSA PRIVATE KEY');
    const rsaFile = join(rsa.dir, 'pkcs1.jws');
    expect(
      (
        await cli([
          'attest',
          'sign',
          SAMPLE,
          '--key',
          pkcs1,
          '--cert',
          rsa.leafCert,
          '--chain',
          rsa.intermediateCert,
          '--out',
          rsaFile,
        ])
      ).code,
    ).toBe(0);
    expect((await verifyJson(rsaFile, rsa.rootCert)).code).toBe(0);
  });

  it('refuses Ed25519 keys, a key of another certificate and encrypted PEM keys clearly (exit 2)', async () => {
    const ed = pki.issue('Ed Signer', { kind: 'ed25519' });
    const out = join(pki.dir, 'refused.jws');
    const edRun = await cli(['attest', 'sign', SAMPLE, '--key', ed.key, '--cert', ed.cert, '--out', out]);
    expect(edRun.code).toBe(2);
    expect(edRun.stderr).toContain('cannot sign attestations with a key of type ed25519');
    const other = pki.issue('Other Signer');
    const mismatch = await cli([
      'attest',
      'sign',
      SAMPLE,
      '--key',
      other.key,
      '--cert',
      pki.leafCert,
      '--out',
      out,
    ]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('does not belong to the certificate');
    const encrypted = join(pki.dir, 'encrypted.key');
    openssl(['pkey', '-in', pki.leafKey, '-aes256', '-passout', 'pass:x', '-out', encrypted], {
      cwd: pki.dir,
    });
    const enc = await cli([
      'attest',
      'sign',
      SAMPLE,
      '--key',
      encrypted,
      '--cert',
      pki.leafCert,
      '--out',
      out,
    ]);
    expect(enc.code).toBe(2);
    expect(enc.stderr).toContain('encrypted');
    expect(expectNoStack(edRun.stderr + mismatch.stderr + enc.stderr)).toBe(true);
  });

  it('unusable input exits 2: no such file, not a JWS, a bad trust file', async () => {
    const file = join(pki.dir, 'input.jws');
    await sign(pki, file);
    const missing = await cli(['attest', 'verify', join(pki.dir, 'missing.jws'), '--trust', pki.rootCert]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const notJws = join(pki.dir, 'not.jws');
    writeFileSync(notJws, 'format: pkimm-assessment\n');
    const garbage = await cli(['attest', 'verify', notJws, '--trust', pki.rootCert]);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toContain('not an attestation');
    const badTrust = await cli(['attest', 'verify', file, '--trust', SAMPLE]);
    expect(badTrust.code).toBe(2);
    expect(badTrust.stderr).toContain('no PEM certificate');
    const noTrust = await cli(['attest', 'verify', file]);
    expect(noTrust.code).toBe(1);
    expect(noTrust.stdout).toContain('no trust anchor was given');
  });
});

describe('PKCS#12 signing identities', () => {
  let pki: Pki;
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const main = join(ROOT, 'src', 'cli', 'main.ts');
  /** The real CLI in a child process, so --password-stdin reads a real pipe. */
  const run = (args: string[], input: string) => {
    try {
      return {
        code: 0,
        stderr: execFileSync(tsx, [main, ...args], {
          input,
          encoding: 'utf8',
          stdio: ['pipe', 'pipe', 'pipe'],
        }),
      };
    } catch (error) {
      const failed = error as { status: number; stderr: string };
      return { code: failed.status, stderr: failed.stderr };
    }
  };
  beforeAll(() => {
    pki = makePki('ec', 'p12');
  });

  it('signs with an AES PKCS#12 file made by openssl, and its chain comes along', async () => {
    const p12 = join(pki.dir, 'signer.p12');
    openssl(
      [
        'pkcs12',
        '-export',
        '-inkey',
        pki.leafKey,
        '-in',
        pki.leafCert,
        '-certfile',
        pki.intermediateCert,
        // OpenSSL 3's default, spelled out so the test does not depend on it.
        '-keypbe',
        'AES-256-CBC',
        '-certpbe',
        'AES-256-CBC',
        '-passout',
        'pass:pässwörd',
        '-out',
        p12,
      ],
      { cwd: pki.dir },
    );

    const out = join(pki.dir, 'p12.jws');
    const signed = run(
      ['attest', 'sign', SAMPLE, '--p12', p12, '--password-stdin', '--out', out],
      'pässwörd\n',
    );
    expect(signed.code, signed.stderr).toBe(0);
    const { code, result } = await verifyJson(out, pki.rootCert);
    expect(code).toBe(0);
    expect(splitJws(readFileSync(out, 'utf8')).header['x5c']).toHaveLength(2);
    expect(result.signer?.subject).toBe('CN=p12 Attestation Signer, O=pkimm tests');
    const wrong = run(['attest', 'sign', SAMPLE, '--p12', p12, '--password-stdin', '--out', out], 'wrong\n');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('wrong password');
  });

  it('refuses a legacy (RC2/3DES) PKCS#12 file with how to re-export it', () => {
    const legacy = join(pki.dir, 'legacy.p12');
    openssl(
      [
        'pkcs12',
        '-export',
        '-legacy',
        '-inkey',
        pki.leafKey,
        '-in',
        pki.leafCert,
        '-passout',
        'pass:secret',
        '-out',
        legacy,
      ],
      { cwd: pki.dir },
    );
    const refused = run(
      ['attest', 'sign', SAMPLE, '--p12', legacy, '--password-stdin', '--out', join(pki.dir, 'x.jws')],
      'secret\n',
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('legacy encryption');
    expect(refused.stderr).toContain('-keypbe AES-256-CBC -certpbe AES-256-CBC');
  });
});
