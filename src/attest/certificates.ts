import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import { PkimmError } from '../core/errors.js';
import { x509 } from './x509.js';

/** A certificate as both libraries see it: node:crypto verifies, @peculiar/x509 reads extensions and names. */
export interface Certificate {
  der: Buffer;
  node: X509Certificate;
  parsed: x509.X509Certificate;
  /** RFC 4514 style, e.g. `CN=pkimm attestations, O=Example`. */
  subject: string;
  issuer: string;
  fingerprint: string;
  publicKey: KeyObject;
  /** The basic constraints CA flag. */
  isCa: boolean;
  /** The key usage bits (x509.KeyUsageFlags), undefined when the extension is absent. */
  keyUsage: number | undefined;
  notBefore: Date;
  notAfter: Date;
}

/**
 * Parses a certificate and reads everything verification needs at once: both libraries parse
 * some parts lazily, and a damaged key or extension must fail here (as MALFORMED input), not
 * later in the middle of a check.
 */
export function certificateFromDer(der: Buffer): Certificate {
  const node = new X509Certificate(der);
  const parsed = new x509.X509Certificate(new Uint8Array(der));
  return {
    publicKey: node.publicKey,
    isCa: node.ca,
    keyUsage: parsed.getExtension(x509.KeyUsagesExtension)?.usages,
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    der,
    node,
    parsed,
    subject: parsed.subject,
    issuer: parsed.issuer,
    fingerprint: createHash('sha256').update(der).digest('hex'),
  };
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

/** The blocks of a PEM text, in order: their label and DER bytes. */
export function pemBlocks(text: string): { label: string; der: Buffer }[] {
  return [...text.matchAll(PEM_BLOCK)].map((match) => ({
    label: match[1] ?? '',
    der: Buffer.from((match[2] ?? '').replace(/\s+/g, ''), 'base64'),
  }));
}

export function toPem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Every certificate of a PEM file (a single certificate, a chain, or a bundle of anchors).
 * A file with none, or with one that does not parse, is refused with where it is.
 */
export function certificatesFromPem(text: string, source: string): Certificate[] {
  const blocks = pemBlocks(text).filter((block) => block.label === 'CERTIFICATE');
  if (blocks.length === 0) {
    throw new PkimmError('PARSE_ERROR', 'no PEM certificate found (expected -----BEGIN CERTIFICATE-----)', {
      source,
    });
  }
  return blocks.map((block, index) => {
    try {
      return certificateFromDer(block.der);
    } catch (error) {
      throw new PkimmError('PARSE_ERROR', `certificate ${index + 1} is not a valid X.509 certificate`, {
        source,
        cause: error,
      });
    }
  });
}

export function certificateToPem(certificate: Certificate): string {
  return toPem('CERTIFICATE', certificate.der);
}
