import type { VerificationReason } from '../core/attestation/verification.js';
import type { Certificate } from './certificates.js';
import { x509 } from './x509.js';

/**
 * Checks the certification path of a signing certificate: from the leaf up through the x5c
 * certificates until one of them is a trust anchor or is issued by one. Every link must match
 * by name and by signature, every issuer must be a CA, and every certificate on the path
 * (the anchor included) must be valid at `at`. Revocation is not checked (no CRL/OCSP fetching).
 */
export function checkChain(x5c: Certificate[], anchors: Certificate[], at: Date): VerificationReason[] {
  const reasons: VerificationReason[] = [];
  const path: Certificate[] = [];
  let trusted = false;
  for (let index = 0; index < x5c.length; index += 1) {
    const certificate = x5c[index] as Certificate;
    path.push(certificate);
    if (anchors.some((anchor) => anchor.der.equals(certificate.der))) {
      trusted = true;
      break;
    }
    const anchor = anchors.find((candidate) => issuedBy(certificate, candidate));
    if (anchor) {
      path.push(anchor);
      trusted = true;
      break;
    }
    const next = x5c[index + 1];
    if (!next) break;
    if (!issuedBy(certificate, next)) {
      reasons.push({
        code: 'CHAIN_INVALID',
        message: `x5c[${index}] (${certificate.subject}) is not issued by x5c[${index + 1}] (${next.subject}): the issuer name or the signature does not match`,
      });
      break;
    }
  }
  reasons.push(...usageReasons(path), ...dateReasons(path, at));
  if (!trusted) reasons.push(untrusted(path, anchors));
  return reasons;
}

function issuedBy(child: Certificate, parent: Certificate): boolean {
  try {
    return child.node.checkIssued(parent.node) && child.node.verify(parent.publicKey);
  } catch {
    return false;
  }
}

function usageReasons(path: Certificate[]): VerificationReason[] {
  const reasons: VerificationReason[] = [];
  path.forEach((certificate, index) => {
    const usages = certificate.keyUsage;
    if (index === 0) {
      if (usages !== undefined && (usages & x509.KeyUsageFlags.digitalSignature) === 0) {
        reasons.push({
          code: 'KEY_USAGE_INVALID',
          message: `the signing certificate (${certificate.subject}) has a key usage without digitalSignature`,
        });
      }
      return;
    }
    if (!certificate.isCa) {
      reasons.push({
        code: 'CHAIN_INVALID',
        message: `${certificate.subject} issues a certificate but is not a CA (basic constraints)`,
      });
    }
    if (usages !== undefined && (usages & x509.KeyUsageFlags.keyCertSign) === 0) {
      reasons.push({
        code: 'KEY_USAGE_INVALID',
        message: `${certificate.subject} issues a certificate but its key usage lacks keyCertSign`,
      });
    }
  });
  return reasons;
}

function dateReasons(path: Certificate[], at: Date): VerificationReason[] {
  const reasons: VerificationReason[] = [];
  for (const certificate of path) {
    const { notBefore, notAfter } = certificate;
    if (at.getTime() > notAfter.getTime()) {
      reasons.push({
        code: 'CERT_EXPIRED',
        message: `${certificate.subject} expired on ${notAfter.toISOString()} (checked at ${at.toISOString()})`,
      });
    } else if (at.getTime() < notBefore.getTime()) {
      reasons.push({
        code: 'CERT_NOT_YET_VALID',
        message: `${certificate.subject} is valid only from ${notBefore.toISOString()} (checked at ${at.toISOString()})`,
      });
    }
  }
  return reasons;
}

function untrusted(path: Certificate[], anchors: Certificate[]): VerificationReason {
  if (anchors.length === 0) {
    return { code: 'CHAIN_UNTRUSTED', message: 'no trust anchor was given, so the chain cannot be trusted' };
  }
  const top = path[path.length - 1];
  return {
    code: 'CHAIN_UNTRUSTED',
    message: top
      ? `the chain ends at ${top.subject} (issued by ${top.issuer}), which is neither a trust anchor nor issued by one`
      : 'the document carries no certificate',
  };
}
