import { describe, expect, it } from 'vitest';
import { asn1 } from '../../../test/support/pki-fixtures.js';
import { DerError, integerBits, readElement, readOid, readTime } from './der.js';

const element = (bytes: Uint8Array) => readElement(bytes, 0, bytes.length);

describe('the DER walker', () => {
  it('reads short, long and high-tag headers and checks lengths against the limit', () => {
    const long = asn1.octets(new Uint8Array(300));
    expect(element(long)).toEqual({ tag: 0x04, start: 0, valueStart: 4, end: 304 });
    expect(element(new Uint8Array([0x9f, 0x81, 0x01, 0x01, 0xaa]))).toEqual({
      tag: 0x9f,
      start: 0,
      valueStart: 4,
      end: 5,
    });
    expect(() => readElement(long, 0, 100)).toThrow('truncated: the length at byte 1 runs past the end');
    expect(() => element(new Uint8Array([0x30]))).toThrow('truncated: the length at byte 1 is missing');
    expect(() => element(new Uint8Array([0x30, 0x85, 1, 1, 1, 1, 1]))).toThrow(/implausibly large/);
    expect(() => element(new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]))).toThrow(DerError);
  });

  it('decodes OIDs, arcs beyond 2^53 included, and rejects an unfinished arc', () => {
    const uuidArc = '329800735698586629295641978511506172918';
    for (const oid of ['1.2.840.113549.1.1.11', '2.5.4.3', '0.9.2342.19200300.100.1.25', `2.25.${uuidArc}`]) {
      expect(readOid(asn1.oid(oid), element(asn1.oid(oid)))).toBe(oid);
    }
    const broken = new Uint8Array([0x06, 0x02, 0x2a, 0x86]);
    expect(() => readOid(broken, element(broken))).toThrow(/malformed OBJECT IDENTIFIER/);
  });

  it('counts significant bits of an INTEGER', () => {
    const modulus = asn1.int(`00${'ff'.repeat(256)}`);
    expect(integerBits(modulus, element(modulus))).toBe(2048);
    const small = asn1.int('0001');
    expect(integerBits(small, element(small))).toBe(1);
  });

  it.each([
    [asn1.utcTime('490101000000Z'), '2049-01-01T00:00:00.000Z'],
    [asn1.utcTime('500101000000Z'), '1950-01-01T00:00:00.000Z'],
    [asn1.utcTime('2401011200Z'), '2024-01-01T12:00:00.000Z'],
    [asn1.utcTime('240101120000+0130'), '2024-01-01T10:30:00.000Z'],
    [asn1.generalizedTime('00050301120000Z'), '0005-03-01T12:00:00.000Z'],
    [asn1.generalizedTime('20240229235959.123Z'), '2024-02-29T23:59:59.123Z'],
  ])('reads times (%#)', (bytes, iso) => {
    expect(readTime(bytes, element(bytes))).toBe(iso);
  });

  it.each(['2401011200', '24013112000Z', '241301000000Z', '24010112000aZ', '240101120000Zjunk'])(
    'rejects the malformed UTCTime %s',
    (text) => {
      const bytes = asn1.utcTime(text);
      expect(() => readTime(bytes, element(bytes))).toThrow(DerError);
    },
  );

  it('refuses a day that does not exist rather than rolling it over', () => {
    const bytes = asn1.generalizedTime('20230229120000Z');
    expect(() => readTime(bytes, element(bytes))).toThrow('malformed GeneralizedTime at byte 0');
  });
});
