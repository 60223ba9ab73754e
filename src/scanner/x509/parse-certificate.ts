/**
 * One X.509 certificate (DER) to a CertificateRecord, with our own DER walker instead of a
 * schema parser: a scan reads hundreds of thousands of certificates, and the walker touches
 * only the fields the inventory needs. node:crypto is used for the two SHA-256 digests only.
 */
import { hash } from 'node:crypto';
import type { CertificateRecord, HashName } from '../../core/scan/scan.types.js';
import {
  bytesEqual,
  DerError,
  expectElement,
  readElement,
  readOid,
  readTime,
  TAG,
  type Element,
} from './der.js';
import { readExtensions, type ExtensionFacts } from './extensions.js';
import { readName } from './names.js';
import { HASHES, RSASSA_PSS, SIGNATURE_ALGORITHMS } from './oids.js';
import { readPublicKey } from './public-key.js';

/** Why bytes are not a readable certificate; `reason` is a sentence for the skipped list. */
export class CertificateParseError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'CertificateParseError';
    this.reason = reason;
  }
}

export function parseCertificateDer(der: Uint8Array): CertificateRecord {
  const bytes = Buffer.isBuffer(der) ? der : Buffer.from(der.buffer, der.byteOffset, der.byteLength);
  try {
    return parse(bytes);
  } catch (error) {
    if (error instanceof CertificateParseError) throw error;
    if (error instanceof DerError) throw new CertificateParseError(error.message);
    // Anything else is a bug in this file; still report it as unreadable content, never crash a scan.
    throw new CertificateParseError(
      `unreadable certificate (${error instanceof Error ? error.message : 'unknown error'})`,
    );
  }
}

function notCertificate(detail: string): CertificateParseError {
  return new CertificateParseError(`not a certificate: ${detail}`);
}

function parse(bytes: Buffer): CertificateRecord {
  if (bytes.length === 0) throw notCertificate('the data is empty');
  const outer = readElement(bytes, 0, bytes.length);
  if (outer.tag !== TAG.sequence)
    throw notCertificate(`it does not start with a SEQUENCE (tag 0x${bytes[0]!.toString(16)})`);
  if (outer.end !== bytes.length)
    throw notCertificate(`${bytes.length - outer.end} bytes follow the certificate`);
  const tbs = readElement(bytes, outer.valueStart, outer.end);
  if (tbs.tag !== TAG.sequence)
    throw notCertificate(`expected the TBSCertificate SEQUENCE at byte ${tbs.start}`);
  const signatureAlgorithm = readElement(bytes, tbs.end, outer.end);
  if (signatureAlgorithm.tag !== TAG.sequence) {
    throw notCertificate(`expected the signature AlgorithmIdentifier at byte ${signatureAlgorithm.start}`);
  }
  const signatureValue = readElement(bytes, signatureAlgorithm.end, outer.end);
  if (signatureValue.tag !== TAG.bitString || signatureValue.end !== outer.end) {
    throw notCertificate(`expected the signature BIT STRING at byte ${signatureValue.start}`);
  }

  let offset = tbs.valueStart;
  let field = readElement(bytes, offset, tbs.end);
  if (field.tag === 0xa0) {
    // [0] EXPLICIT version; v1 certificates leave it out.
    offset = field.end;
    field = readElement(bytes, offset, tbs.end);
  }
  if (field.tag !== TAG.integer)
    throw notCertificate(`expected the serial number INTEGER at byte ${field.start}`);
  if (field.end === field.valueStart) throw notCertificate(`empty serial number at byte ${field.start}`);
  const serialNumber = serialHex(bytes, field);
  const innerSignature = expectElement(
    bytes,
    field.end,
    tbs.end,
    TAG.sequence,
    'the TBS signature algorithm',
  );
  const issuerElement = readElement(bytes, innerSignature.end, tbs.end);
  const validity = expectElement(bytes, issuerElement.end, tbs.end, TAG.sequence, 'the Validity SEQUENCE');
  const notBeforeElement = readElement(bytes, validity.valueStart, validity.end);
  const notAfterElement = readElement(bytes, notBeforeElement.end, validity.end);
  if (notAfterElement.end !== validity.end)
    throw new DerError(`unexpected data in Validity at byte ${notAfterElement.end}`);
  const subjectElement = readElement(bytes, validity.end, tbs.end);
  const spki = expectElement(bytes, subjectElement.end, tbs.end, TAG.sequence, 'the SubjectPublicKeyInfo');

  let extensions: ExtensionFacts | undefined;
  for (let rest = spki.end; rest < tbs.end;) {
    const optional = readElement(bytes, rest, tbs.end);
    if (optional.tag === 0xa3) {
      extensions = readExtensions(bytes, readElement(bytes, optional.valueStart, optional.end));
    } else if (
      optional.tag !== 0x81 &&
      optional.tag !== 0x82 &&
      optional.tag !== 0xa1 &&
      optional.tag !== 0xa2
    ) {
      throw notCertificate(`unexpected field after the public key at byte ${optional.start}`);
    }
    rest = optional.end;
  }

  const issuer = readName(bytes, issuerElement);
  const subject = readName(bytes, subjectElement);
  const key = readPublicKey(bytes, spki);
  const signature = readSignatureAlgorithm(bytes, signatureAlgorithm);
  const facts = extensions ?? {
    isCa: false,
    dnsNames: [],
    sanCount: 0,
    hasCrlDistributionPoint: false,
    hasOcsp: false,
    extendedKeyUsage: [],
  };
  const sameName = bytesEqual(bytes, subjectElement, issuerElement);
  const keyIdsAgree =
    facts.subjectKeyId === undefined ||
    facts.authorityKeyId === undefined ||
    facts.subjectKeyId === facts.authorityKeyId;

  const record: CertificateRecord = {
    fingerprint: hash('sha256', bytes, 'hex'),
    subject: subject.text,
    issuer: issuer.text,
    serialNumber,
    notBefore: readTime(bytes, notBeforeElement),
    notAfter: readTime(bytes, notAfterElement),
    keyAlgorithm: key.keyAlgorithm,
    signatureAlgorithm: signature.name,
    signatureAlgorithmOid: signature.oid,
    signatureHash: signature.hash,
    publicKeyFingerprint: hash('sha256', bytes.subarray(spki.start, spki.end), 'hex'),
    isCa: facts.isCa,
    selfIssued: sameName && keyIdsAgree,
    dnsNames: facts.dnsNames,
    sanCount: facts.sanCount,
    hasCrlDistributionPoint: facts.hasCrlDistributionPoint,
    hasOcsp: facts.hasOcsp,
    extendedKeyUsage: facts.extendedKeyUsage,
  };
  if (subject.commonName !== undefined) record.subjectCommonName = subject.commonName;
  if (issuer.commonName !== undefined) record.issuerCommonName = issuer.commonName;
  if (key.keySize !== undefined) record.keySize = key.keySize;
  if (key.curve !== undefined) record.curve = key.curve;
  if (facts.subjectKeyId !== undefined) record.subjectKeyId = facts.subjectKeyId;
  if (facts.authorityKeyId !== undefined) record.authorityKeyId = facts.authorityKeyId;
  return record;
}

/** Lower-case hex without leading zero bytes (a zero serial stays `00`). */
function serialHex(bytes: Buffer, element: Element): string {
  let start = element.valueStart;
  while (start < element.end - 1 && bytes[start] === 0) start += 1;
  return bytes.toString('hex', start, element.end);
}

function readSignatureAlgorithm(
  bytes: Buffer,
  algorithm: Element,
): { name: string; oid: string; hash: HashName } {
  const oidElement = expectElement(
    bytes,
    algorithm.valueStart,
    algorithm.end,
    TAG.oid,
    'the signature algorithm OID',
  );
  const oid = readOid(bytes, oidElement);
  const known = SIGNATURE_ALGORITHMS.get(oid);
  if (!known) return { name: oid, oid, hash: 'unknown' };
  if (oid !== RSASSA_PSS) return { name: known.name, oid, hash: known.hash };
  return { name: known.name, oid, hash: pssHash(bytes, algorithm, oidElement) };
}

/** RSASSA-PSS-params: hashAlgorithm is [0] EXPLICIT and defaults to SHA-1 when absent. */
function pssHash(bytes: Buffer, algorithm: Element, oidElement: Element): HashName {
  if (oidElement.end >= algorithm.end) return 'sha1';
  const params = readElement(bytes, oidElement.end, algorithm.end);
  if (params.tag !== TAG.sequence) return 'sha1';
  for (let offset = params.valueStart; offset < params.end;) {
    const field = readElement(bytes, offset, params.end);
    if (field.tag === 0xa0) {
      const hashAlgorithm = expectElement(
        bytes,
        field.valueStart,
        field.end,
        TAG.sequence,
        'the PSS hash algorithm',
      );
      const hashOid = expectElement(
        bytes,
        hashAlgorithm.valueStart,
        hashAlgorithm.end,
        TAG.oid,
        'the PSS hash OID',
      );
      return HASHES.get(readOid(bytes, hashOid)) ?? 'unknown';
    }
    offset = field.end;
  }
  return 'sha1';
}
