/**
 * What the TLS endpoints negotiated shows whether protocol rules are applied: TLS 1.1 and
 * older or broken cipher suites mean they are not; TLS 1.3 everywhere means the organisation
 * moves ahead of the minimum.
 */
import { isLegacyTls } from '../indicators.js';
import { ofPhrase, suggestion, type Level, type ScanRule } from './rule.js';
import type { TlsEndpoint } from '../scan.types.js';

export const CRYPTO_PROTOCOLS_THRESHOLDS = {
  /** Above this share of endpoints on legacy protocols or broken ciphers, nobody sets protocol rules. */
  legacyMany: 0.25,
  /** Endpoints on TLS 1.3 needed for level 4 (all of them for level 5). */
  tls13: 0.5,
} as const;

const BROKEN_CIPHER = /RC4|DES|NULL|EXP|ANON|ADH|AECDH|MD5/i;

export function isWeakEndpoint(endpoint: TlsEndpoint): boolean {
  return (
    isLegacyTls(endpoint.protocol) || (endpoint.cipher !== undefined && BROKEN_CIPHER.test(endpoint.cipher))
  );
}

function isTls13(endpoint: TlsEndpoint): boolean {
  return endpoint.protocol?.toLowerCase().replace(/\s+/g, '') === 'tlsv1.3';
}

export const cryptoProtocolsRule: ScanRule = {
  id: 'crypto-protocols',
  requirement: 'G.cryptography.crypto-protocols',
  evaluate(inv) {
    const endpoints = inv.endpoints;
    if (endpoints.length === 0) return null;
    const weak = endpoints.filter(isWeakEndpoint).length;
    const modern = endpoints.filter(isTls13).length;
    const t = CRYPTO_PROTOCOLS_THRESHOLDS;
    let level: Level;
    if (weak / endpoints.length > t.legacyMany) level = 1;
    else if (weak > 0) level = 2;
    else if (modern / endpoints.length < t.tls13) level = 3;
    else if (modern < endpoints.length) level = 4;
    else level = 5;
    const protocols = inv.indicators.tlsProtocols.map((entry) => `${entry.key} ${entry.count}`).join(', ');
    return suggestion(cryptoProtocolsRule, level, [
      `${ofPhrase(weak, endpoints.length, 'TLS endpoint')} negotiated TLS 1.1 or older or a broken cipher suite (RC4, DES, NULL, export or anonymous).`,
      `${ofPhrase(modern, endpoints.length, 'endpoint')} negotiated TLS 1.3; protocols seen: ${protocols}.`,
    ]);
  },
};
