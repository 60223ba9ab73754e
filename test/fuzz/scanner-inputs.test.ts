/**
 * The scan inputs scan-fuzz.test.ts leaves out, through the reader the CLI and the server pick
 * by name (eventsOfInput) and on through runScan: PKCS#12 files (damaged, truncated, with
 * passwords that are wrong, empty, huge or odd Unicode), crt.sh JSON, CycloneDX CBOMs and CSV
 * inventories, each valid-shaped and mutated or raw. A source never throws on its content; it
 * reads what it can and explains the rest with a reason, and the scan always completes.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../src/core/scan/scan.types.js';
import { eventsOfInput, type InputReaderOptions } from '../../src/scanner/input-kind.js';
import { bufferInput } from '../../src/scanner/input.js';
import { runScan } from '../../src/scanner/run-scan.js';
import { makePki, pkcs12File, toPem, type Pki } from '../support/pki-fixtures.js';
import { expectPrototypeUntouched, hostileString, mutateAll, mutation, runs } from './support/hostile.js';

let pki: Pki;
let p12s: Uint8Array[];
beforeAll(async () => {
  pki = await makePki();
  const leaf = pki.leaves['rsa-2048'];
  p12s = [
    pkcs12File({ certs: [leaf.der, pki.intermediate.der], keyPem: leaf.keyPem!, password: 's3cret' }),
    pkcs12File({ certs: [pki.root.der], password: '', mac: false }),
  ];
}, 120_000); // key generation and openssl are slow on a busy machine

/** Every event of one input; the property every reader must keep. */
async function scanned(
  name: string,
  bytes: Uint8Array,
  options: InputReaderOptions = {},
): Promise<SourceEvent[]> {
  const events: SourceEvent[] = [];
  for await (const event of eventsOfInput(bufferInput(name, bytes), options)) events.push(event);
  for (const event of events) {
    if (event.type === 'skipped') expect(event.item.reason.trim()).not.toBe('');
    if (event.type === 'certificate') expect(event.record.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  }
  expect(events.filter((event) => event.type === 'input').length).toBeLessThanOrEqual(1);
  // What the server does next: the whole scan, inventory and suggestions, completes.
  const result = await runScan(
    [{ kind: 'file', name, events: () => eventsOfInput(bufferInput(name, bytes), options) }],
    { now: '2026-01-01T00:00:00.000Z' },
  );
  expect(Array.isArray(result.suggestions)).toBe(true);
  expectPrototypeUntouched();
  return events;
}

const password = fc.oneof(
  fc.constantFrom('s3cret', '', 'wrong', 'S3CRET', 's3cret\u0000', 'ſ3cret'),
  hostileString.filter((s) => s.length < 5000),
);

const ct = {
  issuer_ca_id: 295815,
  issuer_name: "C=US, O=Let's Encrypt, CN=R11",
  common_name: 'www.example.org',
  name_value: 'example.org\nwww.example.org',
  id: 12345678901,
  entry_timestamp: '2024-03-01T12:05:01.123',
  not_before: '2024-03-01T12:00:00',
  not_after: '2024-05-30T12:00:00',
  serial_number: '03a1b2c3d4e5f60718293a4b5c6d7e8f9a0b',
  result_count: 3,
};

const cbom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [
    {
      type: 'cryptographic-asset',
      name: 'RSA-2048',
      'bom-ref': 'crypto/algorithm/rsa-2048',
      cryptoProperties: {
        assetType: 'algorithm',
        oid: '1.2.840.113549.1.1.1',
        algorithmProperties: { primitive: 'pke', parameterSetIdentifier: '2048' },
      },
    },
    {
      type: 'cryptographic-asset',
      name: 'payments.example.org',
      'bom-ref': 'crypto/certificate/payments',
      cryptoProperties: {
        assetType: 'certificate',
        certificateProperties: {
          subjectName: 'CN=payments.example.org, O=Example',
          issuerName: 'CN=Example Issuing CA, O=Example',
          notValidBefore: '2025-01-01T00:00:00Z',
          notValidAfter: '2026-01-01T00:00:00Z',
          signatureAlgorithmRef: 'crypto/algorithm/rsa-2048',
          certificateFormat: 'X.509',
        },
      },
    },
  ],
};

const CSV_HEADER = [
  'Subject',
  'Issuer',
  'Serial Number',
  'Not Before',
  'Not After',
  'Key Algorithm',
  'Key Size',
];
const csvCell = fc.oneof(
  fc.constantFrom(
    'CN=a.example',
    'CN=CA',
    '0a:1b:2c',
    '2025-01-01',
    '01/02/2025 10:00 AM',
    'RSA',
    '2048',
    '',
  ),
  hostileString.filter((s) => s.length < 3000),
  fc.constantFrom('"', '""', 'a,b', 'line\nbreak', '\r', '=cmd|/C calc!A0'),
);
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text));

describe('scan inputs under fuzzing', () => {
  it('reads or explains damaged PKCS#12 files, whatever passwords are given', async () => {
    const damaged = fc.oneof(
      fc.constant(undefined),
      fc.nat().map((n) => ({ cut: n })),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat(1),
        damaged,
        fc.array(password, { maxLength: 3 }),
        async (which, damage, passwords) => {
          let bytes = Uint8Array.from(p12s[which]!);
          if (damage !== undefined && 'cut' in damage) bytes = bytes.subarray(0, damage.cut % bytes.length);
          else if (Array.isArray(damage)) for (const [at, byte] of damage) bytes[at % bytes.length] = byte;
          const events = await scanned('id.p12', bytes, { pkcs12Passwords: passwords });
          if (damage === undefined && (which === 1 || passwords.includes('s3cret'))) {
            // Intact, with the password among those tried (the second file has none): all read.
            expect(events.filter((e) => e.type === 'certificate').length).toBe(which === 0 ? 2 : 1);
          }
          expect(
            events.some((e) => e.type === 'certificate' || e.type === 'skipped' || e.type === 'finding'),
          ).toBe(true);
        },
      ),
      // Found by fuzzing: a damaged IV turns the bag type of the decrypted part into an unknown one.
      { numRuns: runs(100), examples: [[1, [[1149046558, 0]], []]] },
    );
  }, 120_000);

  it('reads or explains mutated crt.sh JSON and random text', async () => {
    const documents = fc.oneof(
      fc
        .tuple(fc.array(fc.array(mutation, { maxLength: 3 }), { minLength: 1, maxLength: 5 }), fc.boolean())
        .map(([mutations, pretty]) =>
          JSON.stringify(
            mutations.map((m) => mutateAll(ct, m)),
            null,
            pretty ? 2 : 0,
          ),
        ),
      fc.string({ maxLength: 200 }).map((s) => `[${s}`),
      fc.nat({ max: 3000 }).map((n) => `[${'['.repeat(n)}${']'.repeat(n)}]`),
      fc.constant('[{"__proto__": {"polluted": true}, "serial_number": "01"}]'),
    );
    await fc.assert(
      fc.asyncProperty(documents, async (text) => {
        await scanned('crtsh.json', bytesOf(text));
      }),
      { numRuns: runs(200) },
    );
  });

  it('reads or explains mutated CycloneDX CBOMs', async () => {
    const documents = fc.oneof(
      fc
        .array(mutation, { minLength: 1, maxLength: 5 })
        .map((m) => JSON.stringify(mutateAll(cbom, m)) ?? 'null'),
      fc.string({ maxLength: 200 }).map((s) => `{${s}`),
      fc.nat({ max: 3000 }).map((n) => `{"components":${'['.repeat(n)}${']'.repeat(n)}}`),
    );
    await fc.assert(
      fc.asyncProperty(documents, async (text) => {
        await scanned('bom.json', bytesOf(text));
      }),
      { numRuns: runs(200) },
    );
  });

  it('reads or explains fuzzed CSV inventories of either preset', async () => {
    const csv = fc
      .tuple(
        fc.shuffledSubarray(CSV_HEADER, { minLength: 0 }),
        fc.array(fc.array(csvCell, { maxLength: 9 }), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
      )
      .map(
        ([header, rows, newline, bom]) =>
          (bom ? '\ufeff' : '') + [header, ...rows].map((row) => row.map(quote).join(',')).join(newline),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(csv, fc.string({ maxLength: 300 })),
        fc.constantFrom<'generic' | 'adcs'>('generic', 'adcs'),
        async (text, preset) => {
          await scanned('inventory.csv', bytesOf(text), { csv: { preset, issuer: 'CN=Fuzz CA' } });
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('reads or explains PEM certificates wrapped in CSV and JSON by mistake', async () => {
    const pem = toPem(pki.root.der);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('x.csv', 'x.json', 'x.pem', 'x'),
        fc.nat(pem.length),
        async (name, cut) => {
          await scanned(name, bytesOf(pem.slice(0, cut)));
        },
      ),
      { numRuns: runs(60) },
    );
  });
});
