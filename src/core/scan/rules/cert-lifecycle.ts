/**
 * A followed lifecycle leaves traces a scan can read: certificates are renewed before they
 * expire, and issued certificates point to a status service (CRL or OCSP) so they can be
 * revoked. Level 5 also needs governance and improvement, which a scan cannot see.
 */
import { hasRevocationPointer, notAfterMs } from '../certificate-facts.js';
import { ofPhrase, share, suggestion, type Level, type ScanRule } from './rule.js';

export const CERT_LIFECYCLE_THRESHOLDS = {
  /** Above this share of expired certificates, expiries are evidently noticed only when something breaks. */
  expiredMany: 0.2,
  /** Above this share, renewal is not under control. */
  expiredSome: 0.05,
  /** At most this share may be expired for level 4. */
  expiredRare: 0.01,
  /** Issued certificates with a CRL or OCSP pointer needed for level 3. */
  revocation: 0.9,
  /** …and for level 4. */
  revocationAll: 0.99,
} as const;

export const certLifecycleRule: ScanRule = {
  id: 'cert-lifecycle',
  requirement: 'M.certificate-management.cert-lifecycle',
  evaluate(inv) {
    const dated = inv.certificates.filter((cert) => notAfterMs(cert) !== undefined);
    if (dated.length === 0) return null;
    const expired = inv.indicators.expired;
    const issued = inv.certificates.filter((cert) => !cert.selfIssued);
    const withPointer = issued.filter(hasRevocationPointer).length;
    const expiredShare = share(expired, dated.length);
    // Without issued certificates there is nothing to revoke, so revocation does not limit the level.
    const revocationShare = issued.length === 0 ? 1 : share(withPointer, issued.length);
    const t = CERT_LIFECYCLE_THRESHOLDS;
    let level: Level;
    if (expiredShare > t.expiredMany) level = 1;
    else if (expiredShare > t.expiredSome || revocationShare < t.revocation) level = 2;
    else if (expiredShare > t.expiredRare || revocationShare < t.revocationAll) level = 3;
    else level = 4;
    const reasoning = [
      `${ofPhrase(expired, dated.length, 'dated certificate')} had expired at the scan time, and ${inv.indicators.expiringWithin30Days} more expire within 30 days.`,
    ];
    if (issued.length === 0)
      reasoning.push('Only self-issued certificates were found, so revocation pointers do not apply.');
    else
      reasoning.push(
        `${ofPhrase(withPointer, issued.length, 'issued certificate')} name a CRL distribution point or an OCSP responder, so they can be revoked and checked.`,
      );
    if (level === 4)
      reasoning.push(
        'Level 5 also needs certificate management tied into governance and improved over time, which a scan cannot show.',
      );
    return suggestion(certLifecycleRule, level, reasoning);
  },
};
