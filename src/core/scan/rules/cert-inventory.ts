/**
 * How much of what discovery found is also in the organisation's own inventory export. A
 * scan cannot see owners or deployment records, but it can see whether the certificates
 * actually in use are listed, which is what "kept current" comes down to.
 */
import {
  discovered,
  EXPORT_KINDS,
  hasSourceKind,
  ofPhrase,
  plural,
  suggestion,
  type Level,
  type ScanRule,
} from './rule.js';

export const CERT_INVENTORY_THRESHOLDS = {
  /** Below this coverage the export does not work as an inventory at all. */
  effective: 0.2,
  /** From here the inventory is evidently maintained. */
  maintained: 0.8,
  /** From here it is current across the board. */
  current: 0.95,
  /** From here, with every trust anchor listed, it is complete. */
  complete: 0.99,
} as const;

export const certInventoryRule: ScanRule = {
  id: 'cert-inventory',
  requirement: 'M.certificate-management.cert-inventory',
  evaluate(inv) {
    const coverage = inv.indicators.inventoryCoverage;
    if (coverage === undefined) return null;
    const found = discovered(inv);
    const listed = found.filter((cert) => hasSourceKind(cert, EXPORT_KINDS));
    const anchors = found.filter((cert) => cert.selfIssued && cert.isCa);
    const anchorsListed = anchors.filter((cert) => hasSourceKind(cert, EXPORT_KINDS));
    const t = CERT_INVENTORY_THRESHOLDS;
    const anchorsComplete = anchors.length > 0 && anchorsListed.length === anchors.length;
    let level: Level;
    if (coverage < t.effective) level = 1;
    else if (coverage < t.maintained) level = 2;
    else if (coverage < t.current) level = 3;
    else if (coverage < t.complete || !anchorsComplete) level = 4;
    else level = 5;
    const reasoning = [
      `The inventory exports list ${ofPhrase(listed.length, found.length, 'certificate')} that discovery found in files, on TLS endpoints or in CT logs.`,
    ];
    const missing = found.length - listed.length;
    if (missing > 0)
      reasoning.push(
        `${plural(missing, 'certificate')} in use ${missing === 1 ? 'is' : 'are'} missing from the inventory; each one is an expiry nobody tracks.`,
      );
    if (anchors.length === 0)
      reasoning.push(
        'No trust anchor (self-issued CA certificate) was found, so the scan cannot show that trust anchors are inventoried.',
      );
    else
      reasoning.push(
        `The exports list ${ofPhrase(anchorsListed.length, anchors.length, 'trust anchor')} that were found.`,
      );
    return suggestion(certInventoryRule, level, reasoning);
  },
};
