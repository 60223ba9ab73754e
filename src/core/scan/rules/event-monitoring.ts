/**
 * Expired certificates that are still served, and long-lived certificates a few days from
 * expiry on live endpoints, are operational events monitoring should have caught before users
 * did. Immediate alerting (level 5) cannot be seen from outside.
 */
import { DAY_MS, notAfterMs, validityDays } from '../certificate-facts.js';
import { ofPhrase, plural, suggestion, type Level, type ScanRule } from './rule.js';

export const EVENT_MONITORING_THRESHOLDS = {
  /** Above this share of endpoints serving an expired certificate, nobody watches the services. */
  expiredMany: 0.1,
  /** A leaf this close to expiry (days)… */
  nearExpiryDays: 7,
  /** …that was issued for longer than this (days) should have been renewed already. */
  longLivedDays: 30,
} as const;

export const eventMonitoringRule: ScanRule = {
  id: 'event-monitoring',
  requirement: 'O.monitoring-and-auditing.event-monitoring',
  evaluate(inv) {
    const endpoints = inv.endpoints;
    if (endpoints.length === 0) return null;
    const now = Date.parse(inv.scannedAt);
    const byFingerprint = new Map(inv.certificates.map((cert) => [cert.fingerprint, cert]));
    const t = EVENT_MONITORING_THRESHOLDS;
    const expired = inv.indicators.endpointsServingExpired;
    const nearExpiry = endpoints.filter((endpoint) => {
      const leaf = endpoint.chain[0] === undefined ? undefined : byFingerprint.get(endpoint.chain[0]);
      const end = leaf === undefined ? undefined : notAfterMs(leaf);
      const days = leaf === undefined ? undefined : validityDays(leaf);
      return (
        end !== undefined &&
        end >= now &&
        end - now <= t.nearExpiryDays * DAY_MS &&
        days !== undefined &&
        days > t.longLivedDays
      );
    }).length;
    let level: Level;
    if (expired / endpoints.length > t.expiredMany) level = 1;
    else if (expired > 0) level = 2;
    else if (nearExpiry > 0) level = 3;
    else level = 4;
    const reasoning = [
      `${ofPhrase(expired, endpoints.length, 'TLS endpoint')} served an expired certificate at the scan time.`,
      `${plural(nearExpiry, 'endpoint')} served a long-lived certificate that expires within ${t.nearExpiryDays} days and has not been renewed yet.`,
    ];
    if (level === 4)
      reasoning.push('Level 5 needs immediate alerting on critical events, which a scan cannot show.');
    return suggestion(eventMonitoringRule, level, reasoning);
  },
};
