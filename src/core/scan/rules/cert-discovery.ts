/**
 * Discovery is judged by its breadth (files, network, CT logs), by whether it turns up CAs
 * outside the declared scope, and by whether its results end up in the inventory.
 */
import {
  DISCOVERY_KINDS,
  discovered,
  EXPORT_KINDS,
  hasSourceKind,
  ofPhrase,
  plural,
  suggestion,
  type Level,
  type ScanRule,
} from './rule.js';
import type { ScanSourceKind } from '../scan.types.js';

export const CERT_DISCOVERY_THRESHOLDS = {
  /** Below this inventory coverage, discovery results are evidently not fed back. */
  notFedBack: 0.5,
  /** From here, with every method used and no unknown issuer, discovery is complete. */
  fedBack: 0.95,
} as const;

const METHOD_NAMES: Record<string, string> = { file: 'files', tls: 'TLS endpoints', ct: 'CT logs' };

export const certDiscoveryRule: ScanRule = {
  id: 'cert-discovery',
  requirement: 'M.certificate-management.cert-discovery',
  evaluate(inv) {
    const found = discovered(inv);
    if (found.length === 0) return null;
    const methods = DISCOVERY_KINDS.filter((kind: ScanSourceKind) =>
      found.some((cert) => cert.sources.some((source) => source.kind === kind)),
    );
    const coverage = inv.indicators.inventoryCoverage;
    const { unknownIssuers, issuers } = inv.indicators;
    const t = CERT_DISCOVERY_THRESHOLDS;
    // One method is a start (2), each further method one level more, up to 4.
    let level = (1 + methods.length) as Level;
    if (coverage !== undefined && coverage < t.notFedBack && level > 2) level = 2;
    if (
      methods.length === DISCOVERY_KINDS.length &&
      unknownIssuers === 0 &&
      coverage !== undefined &&
      coverage >= t.fedBack
    )
      level = 5;
    const unused = DISCOVERY_KINDS.filter((kind) => !methods.includes(kind)).map(
      (kind) => METHOD_NAMES[kind],
    );
    const reasoning = [
      `${plural(found.length, 'certificate')} ${found.length === 1 ? 'was' : 'were'} discovered through ${methods.length} of ${DISCOVERY_KINDS.length} methods (${methods.map((kind) => METHOD_NAMES[kind]).join(', ')})${unused.length > 0 ? `; ${unused.join(' and ')} were not searched` : ''}.`,
      unknownIssuers === 0
        ? issuers.length === 1
          ? 'The one issuer found is known to the declared scope.'
          : `All ${issuers.length} issuers found are known to the declared scope.`
        : `${ofPhrase(unknownIssuers, issuers.length, 'issuer')} are not known to the declared scope, which points to shadow or unregistered CAs.`,
    ];
    reasoning.push(
      coverage === undefined
        ? 'No inventory export was scanned, so the scan cannot show that discoveries are fed into the inventory.'
        : `The inventory exports list ${ofPhrase(found.filter((cert) => hasSourceKind(cert, EXPORT_KINDS)).length, found.length, 'discovered certificate')}.`,
    );
    return suggestion(certDiscoveryRule, level, reasoning);
  },
};
