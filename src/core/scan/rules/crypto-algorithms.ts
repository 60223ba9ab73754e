/**
 * The algorithms in use show whether rules on minimum strength are enforced: weak keys and
 * collision-prone signature hashes mean they are not. Self-signatures of trust anchors are
 * left out of the hash check because nobody relies on them (the anchor is trusted as such).
 */
import {
  hasBrokenSignatureHash,
  isPostQuantumKey,
  isQuantumVulnerable,
  isWeakKey,
} from '../certificate-facts.js';
import { ofPhrase, plural, share, suggestion, type Level, type ScanRule } from './rule.js';

export const CRYPTO_ALGORITHMS_THRESHOLDS = {
  /** Above this share of weak certificates, nobody governs the choice of algorithms. */
  weakMany: 0.1,
} as const;

export const cryptoAlgorithmsRule: ScanRule = {
  id: 'crypto-algorithms',
  requirement: 'G.cryptography.crypto-algorithms',
  evaluate(inv) {
    const certs = inv.certificates;
    if (certs.length === 0) return null;
    const weak = certs.filter(
      (cert) => isWeakKey(cert) || (!cert.selfIssued && hasBrokenSignatureHash(cert)),
    );
    const postQuantum = certs.filter(isPostQuantumKey).length;
    const weakShare = share(weak.length, certs.length);
    let level: Level;
    if (weakShare > CRYPTO_ALGORITHMS_THRESHOLDS.weakMany) level = 1;
    else if (weak.length > 0) level = 2;
    else if (postQuantum === 0) level = 3;
    else level = 4;
    const { weakKeys, sha1Signatures, md5Signatures } = inv.indicators;
    const vulnerable = certs.filter(isQuantumVulnerable).length;
    const reasoning = [
      `${ofPhrase(weak.length, certs.length, 'certificate')} use a weak key or an MD5/SHA-1 signature (${plural(weakKeys, 'weak key')}, ${sha1Signatures} SHA-1 and ${md5Signatures} MD5 signatures in all).`,
      `${ofPhrase(vulnerable, certs.length, 'certificate')} rely on RSA, elliptic-curve or DSA cryptography that a quantum computer breaks; ${plural(postQuantum, 'certificate')} use a post-quantum key.`,
    ];
    if (level === 3)
      reasoning.push('Level 4 needs a planned transition, which shows as post-quantum certificates in use.');
    return suggestion(cryptoAlgorithmsRule, level, reasoning);
  },
};
