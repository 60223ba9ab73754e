import { createDecipheriv, createHash, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { children, DerError, readInteger, readOid, readTlv } from './der.js';

/** Why a PKCS#12 file cannot be opened; pkcs12.ts turns it into a message for the operator. */
export class Pkcs12Error extends Error {}

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const LEGACY_PBE_PREFIX = '1.2.840.113549.1.12.1.';
const HMACS: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const CIPHERS: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
};
const DIGESTS: Record<string, { name: string; blockSize: number }> = {
  '1.3.14.3.2.26': { name: 'sha1', blockSize: 64 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', blockSize: 64 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', blockSize: 128 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', blockSize: 128 },
};

export const LEGACY_MESSAGE =
  'the PKCS#12 file uses a legacy encryption (RC2, RC4 or 3DES with SHA-1, the old OpenSSL default); ' +
  're-export it with AES: openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256 …';

/**
 * Decrypts data protected with PBES2 (PBKDF2 + AES-CBC, RFC 8018), which OpenSSL 3 writes by
 * default. The password is used as its UTF-8 bytes, as OpenSSL does for PBES2.
 */
export function decryptPbes2(algorithm: string, parameters: Buffer, data: Buffer, password: string): Buffer {
  if (algorithm.startsWith(LEGACY_PBE_PREFIX)) throw new Pkcs12Error(LEGACY_MESSAGE);
  if (algorithm !== PBES2) throw new Pkcs12Error(`unsupported PKCS#12 encryption ${algorithm}`);
  try {
    const [kdf, scheme] = children(readTlv(parameters).value);
    const [kdfOid, kdfParams] = children(kdf?.value ?? Buffer.alloc(0));
    if (!kdfOid || readOid(kdfOid.value) !== PBKDF2 || !kdfParams)
      throw new Pkcs12Error('only PBKDF2 is supported as the PBES2 key derivation');
    const fields = children(kdfParams.value);
    const salt = fields[0]?.value ?? Buffer.alloc(0);
    const iterations = readInteger(fields[1]?.value ?? Buffer.alloc(0));
    // keyLength (an INTEGER) is optional; the PRF (a SEQUENCE) defaults to HMAC-SHA1.
    const prf = fields.slice(2).find((field) => field.tag === 0x30);
    const prfOid = prf ? readOid(children(prf.value)[0]?.value ?? Buffer.alloc(0)) : '1.2.840.113549.2.7';
    const hash = HMACS[prfOid];
    if (!hash) throw new Pkcs12Error(`unsupported PBKDF2 hash ${prfOid}`);
    const [cipherOid, iv] = children(scheme?.value ?? Buffer.alloc(0));
    const cipher = CIPHERS[cipherOid ? readOid(cipherOid.value) : ''];
    if (!cipher || !iv) throw new Pkcs12Error('only AES-CBC is supported as the PBES2 cipher');
    if (iterations < 1 || iterations > 10_000_000)
      throw new Pkcs12Error('implausible PBKDF2 iteration count');
    const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, hash);
    const decipher = createDecipheriv(cipher.name, key, iv.value);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    if (error instanceof DerError) throw new Pkcs12Error('the PBES2 parameters are damaged');
    throw new Pkcs12Error('cannot decrypt the PKCS#12 file: wrong password, or the file is damaged');
  }
}

/**
 * Checks the PKCS#12 integrity MAC (HMAC keyed with the RFC 7292 appendix B derivation), which
 * tells a wrong password apart from a damaged file before anything is decrypted.
 */
export function checkMac(
  digestOid: string,
  expected: Buffer,
  salt: Buffer,
  iterations: number,
  data: Buffer,
  password: string,
): void {
  const digest = DIGESTS[digestOid];
  if (!digest) throw new Pkcs12Error(`unsupported PKCS#12 MAC digest ${digestOid}`);
  if (iterations < 1 || iterations > 10_000_000) throw new Pkcs12Error('implausible MAC iteration count');
  const size = createHash(digest.name).digest().length;
  const key = pkcs12Kdf(digest.name, digest.blockSize, password, salt, iterations, 3, size);
  const actual = createHmac(digest.name, key).update(data).digest();
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new Pkcs12Error('wrong password for the PKCS#12 file (its integrity check does not match)');
  }
}

/** RFC 7292 appendix B.2: the PKCS#12 key derivation (ID 3 gives the MAC key). */
function pkcs12Kdf(
  hash: string,
  v: number,
  password: string,
  salt: Buffer,
  iterations: number,
  id: number,
  length: number,
): Buffer {
  // The password as a big-endian BMPString with a terminating zero character.
  const utf16 = Buffer.from(password, 'utf16le').swap16();
  const pass = Buffer.concat([utf16, Buffer.alloc(2)]);
  const fill = (data: Buffer) => {
    if (data.length === 0) return Buffer.alloc(0);
    const out = Buffer.alloc(v * Math.ceil(data.length / v));
    for (let i = 0; i < out.length; i += 1) out[i] = data[i % data.length] ?? 0;
    return out;
  };
  const input = Buffer.concat([fill(salt), fill(pass)]);
  const diversifier = Buffer.alloc(v, id);
  const output: Buffer[] = [];
  let produced = 0;
  while (produced < length) {
    let a = createHash(hash).update(diversifier).update(input).digest();
    for (let r = 1; r < iterations; r += 1) a = createHash(hash).update(a).digest();
    output.push(a);
    produced += a.length;
    const b = fill(a).subarray(0, v);
    for (let offset = 0; offset < input.length; offset += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k -= 1) {
        const sum = (input[offset + k] ?? 0) + (b[k] ?? 0) + carry;
        input[offset + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(output).subarray(0, length);
}
