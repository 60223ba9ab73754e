import { describe, expect, it } from 'vitest';
import { commonNameOf, issuerSerialKey, normalizeDn, normalizeSerial } from './names.js';

describe('names', () => {
  it('reads the CN of an RFC 4514 name, escapes included', () => {
    expect(commonNameOf('CN=Example\\, Inc. CA,O=Example')).toBe('Example, Inc. CA');
    expect(commonNameOf('O=Example,cn = Lower')).toBe('Lower');
    expect(commonNameOf('O=No Common Name')).toBeUndefined();
  });

  it('normalises DNs and serials the way exports differ', () => {
    expect(normalizeDn(' CN=A , O=B ')).toBe(normalizeDn('cn=a,o=b'));
    expect(normalizeSerial('00:0A:1b')).toBe('a1b');
    expect(normalizeSerial('0x000')).toBe('0');
  });

  it('keys on issuer CN and serial, or on the whole DN without a CN', () => {
    expect(issuerSerialKey({ issuer: 'CN=CA,O=X', serialNumber: '01' })).toBe(
      issuerSerialKey({ issuer: 'CN=ca', issuerCommonName: ' CA ', serialNumber: '1' }),
    );
    expect(issuerSerialKey({ issuer: 'O=X', serialNumber: '1' })).not.toBe(
      issuerSerialKey({ issuer: 'O=Y', serialNumber: '1' }),
    );
  });
});
