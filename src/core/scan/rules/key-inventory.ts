/**
 * A scan sees private keys left in files (keys stored wherever is convenient), whether an
 * inventory of keys was supplied (a CBOM or CSV listing key assets), and public keys shared
 * by several certificates, which a key inventory would have caught.
 */
import { ofPhrase, plural, share, suggestion, type Level, type ScanRule } from './rule.js';

export const KEY_INVENTORY_THRESHOLDS = {
  /** Above this share of certificates sharing a public key, keys are evidently not tracked one by one. */
  reuse: 0.1,
} as const;

export const keyInventoryRule: ScanRule = {
  id: 'key-inventory',
  requirement: 'M.key-management.key-inventory',
  evaluate(inv) {
    const { privateKeysFound, reusedKeys } = inv.indicators;
    if (inv.certificates.length === 0 && inv.keys.length === 0 && privateKeysFound === 0) return null;
    const declared = inv.keys.filter((key) => key.source.kind === 'cbom' || key.source.kind === 'csv').length;
    const withKeyId = inv.certificates.filter((cert) => cert.publicKeyFingerprint !== undefined);
    const distinctKeys = new Set(withKeyId.map((cert) => cert.publicKeyFingerprint)).size;
    const sharing = reusedKeys.reduce((sum, entry) => sum + entry.count, 0);
    const reuseShare = share(sharing, withKeyId.length);
    let level: Level;
    if (privateKeysFound > 0) level = 1;
    else if (declared === 0 || reuseShare > KEY_INVENTORY_THRESHOLDS.reuse) level = 2;
    else if (declared < distinctKeys) level = 3;
    else level = 4;
    const reasoning = [
      privateKeysFound > 0
        ? `${plural(privateKeysFound, 'private key')} lay in scanned files, outside any key store.`
        : 'No private key was found in the scanned files.',
      declared === 0
        ? 'No key inventory (key assets in a CBOM or CSV export) was supplied.'
        : `The supplied inventory declares ${plural(declared, 'key')}, against ${plural(distinctKeys, 'distinct public key')} in the certificates found.`,
      `${ofPhrase(sharing, withKeyId.length, 'certificate')} share their public key with another certificate (${plural(reusedKeys.length, 'key')} reused).`,
    ];
    if (level === 4)
      reasoning.push(
        'Level 5 needs the inventory validated against the HSMs and key stores regularly, which a scan cannot show.',
      );
    return suggestion(keyInventoryRule, level, reasoning);
  },
};
