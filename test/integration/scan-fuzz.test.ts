/**
 * Hostile input for the certificate reader and the file source: random bytes, truncated and
 * mutated real certificates, absurd nesting and lengths, PEM armour around garbage. The parser
 * must either return a record or throw CertificateParseError, and the file source must never
 * throw and must say why it skipped what it could not read.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../src/core/scan/scan.types.js';
import type { ByteInput } from '../../src/scanner/input.js';
import { certificateFileEvents } from '../../src/scanner/sources/certificate-files.js';
import { CertificateParseError, parseCertificateDer } from '../../src/scanner/x509/parse-certificate.js';
import { makePki, pkcs7Bundle, type Pki } from '../support/pki-fixtures.js';

let pki: Pki;
let p7b: Uint8Array;
beforeAll(async () => {
  pki = await makePki();
  p7b = pkcs7Bundle([pki.root.der, pki.intermediate.der]);
}, 60_000); // key generation is slow on a busy machine

/** True when parsing returned a record; false when it threw CertificateParseError with a reason. */
function parsesOrExplains(der: Uint8Array): boolean {
  try {
    parseCertificateDer(der);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(CertificateParseError);
    expect((error as CertificateParseError).reason.length).toBeGreaterThan(0);
    return false;
  }
}

function input(bytes: Uint8Array, cuts: number[] = []): ByteInput {
  return {
    name: 'fuzz',
    async *chunks() {
      let offset = 0;
      for (const cut of [...cuts].sort((a, b) => a - b)) {
        if (cut > offset && cut < bytes.length) {
          yield bytes.subarray(offset, cut);
          offset = cut;
        }
      }
      if (offset < bytes.length) yield bytes.subarray(offset);
    },
  };
}

async function events(bytes: Uint8Array, cuts?: number[]): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const event of certificateFileEvents(input(bytes, cuts))) out.push(event);
  return out;
}

/** Bad input must be explained: a skipped event with a reason (a key-shaped accident is a finding). */
function explained(out: SourceEvent[]): void {
  const skipped = out.filter((event) => event.type === 'skipped');
  const found = out.filter((event) => event.type === 'finding');
  expect(skipped.length + found.length).toBeGreaterThan(0);
  for (const event of skipped) if (event.type === 'skipped') expect(event.item.reason.trim()).not.toBe('');
  expect(out.filter((event) => event.type === 'input')).toHaveLength(1);
}

/** `depth` SEQUENCEs inside each other around a NULL, each with a correct definite length. */
function nested(depth: number): Uint8Array {
  const header = (length: number) =>
    length < 0x80
      ? [0x30, length]
      : length < 0x10000
        ? [0x30, 0x82, length >> 8, length & 0xff]
        : [0x30, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  // Sizes from the inside out, then the headers written from the outside in.
  const inner = [2];
  for (let i = 0; i < depth; i += 1) inner.push(inner[i]! + header(inner[i]!).length);
  const bytes = new Uint8Array(inner[depth]!);
  let offset = 0;
  for (let level = depth - 1; level >= 0; level -= 1) {
    const head = header(inner[level]!);
    bytes.set(head, offset);
    offset += head.length;
  }
  bytes.set([0x05, 0x00], offset);
  return bytes;
}

describe('parseCertificateDer under fuzzing', () => {
  it('returns a record or throws CertificateParseError for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        parsesOrExplains(bytes);
      }),
      { numRuns: 800 },
    );
  });

  it('refuses every truncation of a real certificate', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (which, cut) => {
        const der = pki.all[which % pki.all.length]!.der;
        expect(parsesOrExplains(der.subarray(0, cut % der.length))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('survives overwritten bytes, length bytes included', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (which, edits) => {
          const der = new Uint8Array(pki.all[which % pki.all.length]!.der);
          for (const [at, value] of edits) der[at % der.length] = value;
          parsesOrExplains(der);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('refuses huge declared lengths without reading past the data', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.uint8Array({ minLength: 4, maxLength: 4 }),
        fc.uint8Array({ maxLength: 64 }),
        (count, length, rest) => {
          const bytes = new Uint8Array([0x30, 0x80 | count, 0xff, ...length.subarray(1, count), ...rest]);
          // The declared length is at least 255 and the data at most 67 bytes.
          expect(parsesOrExplains(bytes)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses 10,000 nested SEQUENCEs quickly, as a certificate and as a file', async () => {
    const deep = nested(10_000);
    const start = Date.now();
    expect(parsesOrExplains(deep)).toBe(false);
    explained(await events(deep));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000 }), (depth) => {
        expect(parsesOrExplains(nested(depth))).toBe(false);
      }),
      { numRuns: 30 },
    );
    expect(Date.now() - start).toBeLessThan(5_000);
  });
});

describe('certificateFileEvents under fuzzing', () => {
  const labels = ['CERTIFICATE', 'TRUSTED CERTIFICATE', 'PKCS7', 'X509 CERTIFICATE', 'WHATEVER', 'CMS'];
  const base64Garbage = fc
    .uint8Array({ maxLength: 400 })
    .map((bytes) => Buffer.from(bytes).toString('base64'));
  const wrapped = fc
    .tuple(
      fc.constantFrom(...labels),
      fc.oneof(base64Garbage, fc.string({ maxLength: 200 })),
      fc.boolean(),
      fc.string({ maxLength: 40 }),
    )
    .map(([label, body, closed, preamble]) => {
      const lines = body.match(/.{1,64}/g)?.join('\n') ?? '';
      return `${preamble}\n-----BEGIN ${label}-----\n${lines}\n${closed ? `-----END ${label}-----\n` : ''}`;
    });

  it('never throws and explains random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 800 }),
        fc.array(fc.nat({ max: 800 })),
        async (bytes, cuts) => {
          explained(await events(bytes, cuts));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('explains PEM armour around garbage, however the text is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(wrapped, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat({ max: 3000 })),
        async (blocks, cuts) => {
          const out = await events(Buffer.from(blocks.join(''), 'latin1'), cuts);
          expect(out.filter((event) => event.type === 'certificate')).toHaveLength(0);
          explained(out);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads what is intact in a truncated bundle and explains the rest', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.nat({ max: 20_000 }), { maxLength: 5 }), async (cut, cuts) => {
        const bundle = Buffer.from(pki.all.map((cert) => cert.pem).join(''));
        const end = cut % bundle.length;
        const out = await events(bundle.subarray(0, end), cuts);
        const read = out.filter((event) => event.type === 'certificate').length;
        const complete = (
          bundle
            .subarray(0, end)
            .toString()
            .match(/-----END CERTIFICATE-----/g) ?? []
        ).length;
        expect(read).toBe(complete);
        const atBoundary = /-----END CERTIFICATE-----\n?$/.test(bundle.subarray(0, end).toString());
        if (end > 0 && !atBoundary) explained(out);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on mutated binary bundles', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }),
        async (edits) => {
          const bundle = new Uint8Array(p7b);
          for (const [at, value] of edits) bundle[at % bundle.length] = value;
          const out = await events(bundle);
          expect(out.filter((event) => event.type === 'input')).toHaveLength(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
