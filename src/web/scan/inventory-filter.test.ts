import { describe, expect, it } from 'vitest';
import type { InventoryCertificate } from '../../core/scan/scan.types.js';
import { commonNameOf } from './format.js';
import { filterChoices, filterInventory, hasState, isWeak, keyLabel, NO_FILTER } from './inventory-filter.js';

const SCANNED_AT = '2026-06-15T12:00:00.000Z';
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.parse(SCANNED_AT) + days * DAY).toISOString();

function cert(over: Partial<InventoryCertificate> & { fingerprint: string }): InventoryCertificate {
  return {
    subject: `CN=${over.fingerprint}.example.org`,
    issuer: 'CN=Issuing CA,O=Example',
    issuerCommonName: 'Issuing CA',
    serialNumber: '01',
    keyAlgorithm: 'rsa',
    keySize: 2048,
    signatureAlgorithm: 'sha256WithRSAEncryption',
    signatureHash: 'sha256',
    isCa: false,
    selfIssued: false,
    dnsNames: [],
    sanCount: 0,
    hasCrlDistributionPoint: false,
    hasOcsp: false,
    extendedKeyUsage: [],
    sources: [{ kind: 'file', location: 'bundle.pem#1' }],
    chainComplete: false,
    notAfter: at(365),
    ...over,
  };
}

const expired = cert({ fingerprint: 'expired', notAfter: at(-1) });
const soon = cert({ fingerprint: 'soon', notAfter: at(10) });
const weak = cert({ fingerprint: 'weak', keySize: 1024 });
const sha1 = cert({
  fingerprint: 'sha1',
  signatureHash: 'sha1',
  signatureAlgorithm: 'sha1WithRSAEncryption',
});
const ec = cert({
  fingerprint: 'ec',
  keyAlgorithm: 'ec',
  keySize: 256,
  curve: 'P-256',
  issuer: 'CN=Other CA',
  issuerCommonName: 'Other CA',
  dnsNames: ['shop.example.net'],
});
const all = [expired, soon, weak, sha1, ec];
const names = (list: InventoryCertificate[]) => list.map((c) => c.fingerprint);

describe('inventory filter', () => {
  it('labels keys the way the indicators do', () => {
    expect(keyLabel(weak)).toBe('rsa-1024');
    expect(keyLabel(ec)).toBe('ec-P-256');
    expect(keyLabel({ keyAlgorithm: 'ed25519', keySize: 255 })).toBe('ed25519');
  });

  it('counts RSA and DSA under 2048 bits and EC under 256 bits as weak, nothing else', () => {
    expect(isWeak({ keyAlgorithm: 'rsa', keySize: 2047 })).toBe(true);
    expect(isWeak({ keyAlgorithm: 'dsa', keySize: 1024 })).toBe(true);
    expect(isWeak({ keyAlgorithm: 'ec', keySize: 224 })).toBe(true);
    expect(isWeak({ keyAlgorithm: 'ec', keySize: 256 })).toBe(false);
    expect(isWeak({ keyAlgorithm: 'ed25519', keySize: 255 })).toBe(false);
    expect(isWeak({ keyAlgorithm: 'rsa' })).toBe(false);
  });

  it('measures expiry against the scan time, not the clock', () => {
    expect(hasState(expired, 'expired', SCANNED_AT)).toBe(true);
    expect(hasState(soon, 'expired', SCANNED_AT)).toBe(false);
    expect(hasState(soon, 'expiring', SCANNED_AT)).toBe(true);
    expect(hasState(soon, 'expiring', at(-30))).toBe(false);
    expect(hasState(cert({ fingerprint: 'x', notAfter: at(31) }), 'expiring', SCANNED_AT)).toBe(false);
    // Without a notAfter (a bare CSV row), a certificate is neither expired nor expiring.
    const { notAfter: _, ...undated } = expired;
    expect(hasState(undated, 'expired', SCANNED_AT)).toBe(false);
  });

  it('filters by each state to exactly the matching certificates', () => {
    expect(names(filterInventory(all, NO_FILTER, SCANNED_AT))).toEqual(names(all));
    expect(names(filterInventory(all, { ...NO_FILTER, state: 'expired' }, SCANNED_AT))).toEqual(['expired']);
    expect(names(filterInventory(all, { ...NO_FILTER, state: 'expiring' }, SCANNED_AT))).toEqual(['soon']);
    expect(names(filterInventory(all, { ...NO_FILTER, state: 'weak' }, SCANNED_AT))).toEqual(['weak']);
    expect(names(filterInventory(all, { ...NO_FILTER, state: 'sha1' }, SCANNED_AT))).toEqual(['sha1']);
  });

  it('matches text in subject, issuer and DNS names, ignoring case, and combines filters', () => {
    expect(names(filterInventory(all, { ...NO_FILTER, text: 'SHOP.example' }, SCANNED_AT))).toEqual(['ec']);
    expect(names(filterInventory(all, { ...NO_FILTER, text: 'other ca' }, SCANNED_AT))).toEqual(['ec']);
    expect(names(filterInventory(all, { ...NO_FILTER, text: 'weak.example' }, SCANNED_AT))).toEqual(['weak']);
    const issuer = { ...NO_FILTER, issuer: 'CN=Issuing CA,O=Example' };
    expect(names(filterInventory(all, issuer, SCANNED_AT))).toEqual(['expired', 'soon', 'weak', 'sha1']);
    expect(names(filterInventory(all, { ...issuer, keyType: 'rsa-1024' }, SCANNED_AT))).toEqual(['weak']);
    expect(filterInventory(all, { ...issuer, keyType: 'ec-P-256' }, SCANNED_AT)).toEqual([]);
  });

  it('offers each issuer and key type once, telling apart issuers that share a common name', () => {
    const twin = cert({
      fingerprint: 'twin',
      issuer: 'CN=Issuing CA,O=Elsewhere',
      issuerCommonName: 'Issuing CA',
    });
    const choices = filterChoices([...all, twin]);
    expect(choices.keyTypes).toEqual(['ec-P-256', 'rsa-1024', 'rsa-2048']);
    expect(choices.issuers).toEqual([
      { value: 'CN=Issuing CA,O=Elsewhere', label: 'CN=Issuing CA,O=Elsewhere' },
      { value: 'CN=Issuing CA,O=Example', label: 'CN=Issuing CA,O=Example' },
      { value: 'CN=Other CA', label: 'Other CA' },
    ]);
  });
});

describe('common names for chart labels', () => {
  it('takes the CN of a distinguished name, undoing escapes, and falls back to the whole name', () => {
    expect(commonNameOf('CN=Issuing CA,O=Example')).toBe('Issuing CA');
    expect(commonNameOf('C=DE,O=Example,CN=Root\\, Second')).toBe('Root, Second');
    expect(commonNameOf('O=No Common Name')).toBe('O=No Common Name');
  });
});
