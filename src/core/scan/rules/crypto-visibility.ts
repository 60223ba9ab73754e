/**
 * Visibility of cryptography beyond certificates needs a cryptographic inventory: a CBOM that
 * declares algorithms and keys. It is worth more when it classifies each algorithm's quantum
 * security and when it lists the certificates that discovery actually found.
 */
import { discovered, ofPhrase, plural, suggestion, type Level, type ScanRule } from './rule.js';

export const CRYPTO_VISIBILITY_THRESHOLDS = {
  /** Declared algorithms with a NIST quantum security level, needed for level 4. */
  classified: 0.9,
  /** Discovered certificates the CBOM also lists, needed for level 4. */
  cbomCoverage: 0.8,
} as const;

export const cryptoVisibilityRule: ScanRule = {
  id: 'crypto-visibility',
  requirement: 'G.cryptography.crypto-visibility',
  evaluate(inv) {
    const algorithms = inv.algorithms;
    if (inv.certificates.length === 0 && algorithms.length === 0 && inv.keys.length === 0) return null;
    const hasCbom = algorithms.length > 0 || inv.indicators.sourceKinds.includes('cbom');
    const found = discovered(inv);
    const inCbom = found.filter((cert) => cert.sources.some((source) => source.kind === 'cbom')).length;
    const classified = algorithms.filter(
      (algorithm) => algorithm.nistQuantumSecurityLevel !== undefined,
    ).length;
    const t = CRYPTO_VISIBILITY_THRESHOLDS;
    let level: Level;
    if (!hasCbom) level = 2;
    else if (
      found.length > 0 &&
      algorithms.length > 0 &&
      classified / algorithms.length >= t.classified &&
      inCbom / found.length >= t.cbomCoverage
    )
      level = 4;
    else level = 3;
    const reasoning: string[] = [];
    if (!hasCbom)
      reasoning.push(
        `No CBOM was scanned, so nothing declares the algorithms, keys, libraries and protocols in use beyond certificates.`,
        `The ${plural(inv.certificates.length, 'certificate')} found show ${plural(inv.indicators.keyTypes.length, 'key type')} and ${plural(inv.indicators.signatureAlgorithms.length, 'signature algorithm')}, which is the only cryptography the scan could see.`,
      );
    else {
      reasoning.push(
        `A CBOM declares ${plural(algorithms.length, 'algorithm')}, ${inv.indicators.declaredQuantumVulnerable} of them quantum-vulnerable (NIST level 0); ${ofPhrase(classified, algorithms.length, 'algorithm')} carry a NIST quantum security level.`,
      );
      reasoning.push(
        found.length === 0
          ? 'Nothing was discovered independently, so the CBOM cannot be checked against what is deployed.'
          : `The CBOM lists ${ofPhrase(inCbom, found.length, 'discovered certificate')}.`,
      );
    }
    if (level === 4)
      reasoning.push('Level 5 concerns practised agility, which visibility alone does not show.');
    return suggestion(cryptoVisibilityRule, level, reasoning);
  },
};
