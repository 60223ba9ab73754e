/**
 * The certificate extensions the scan indicators need. Each reader walks only its own
 * extension's value, so a damaged extension is reported by name and an unknown one is skipped
 * without being looked into.
 */
import { DerError, expectElement, readElement, readOid, TAG, type Element } from './der.js';
import { EXTENSIONS, OCSP_ACCESS_METHOD } from './oids.js';

export interface ExtensionFacts {
  isCa: boolean;
  subjectKeyId?: string;
  authorityKeyId?: string;
  dnsNames: string[];
  sanCount: number;
  hasCrlDistributionPoint: boolean;
  hasOcsp: boolean;
  extendedKeyUsage: string[];
}

const NAMES: Record<string, string> = {
  [EXTENSIONS.subjectKeyId]: 'subjectKeyIdentifier',
  [EXTENSIONS.subjectAltName]: 'subjectAltName',
  [EXTENSIONS.basicConstraints]: 'basicConstraints',
  [EXTENSIONS.crlDistributionPoints]: 'cRLDistributionPoints',
  [EXTENSIONS.authorityKeyId]: 'authorityKeyIdentifier',
  [EXTENSIONS.extendedKeyUsage]: 'extKeyUsage',
  [EXTENSIONS.authorityInfoAccess]: 'authorityInfoAccess',
};

/** Reads `Extensions ::= SEQUENCE OF Extension` (the content of the [3] wrapper). */
export function readExtensions(bytes: Buffer, list: Element): ExtensionFacts {
  const facts: ExtensionFacts = {
    isCa: false,
    dnsNames: [],
    sanCount: 0,
    hasCrlDistributionPoint: false,
    hasOcsp: false,
    extendedKeyUsage: [],
  };
  if (list.tag !== TAG.sequence) throw new DerError(`expected the extensions SEQUENCE at byte ${list.start}`);
  for (let offset = list.valueStart; offset < list.end;) {
    const extension = expectElement(bytes, offset, list.end, TAG.sequence, 'an extension SEQUENCE');
    const id = expectElement(bytes, extension.valueStart, extension.end, TAG.oid, 'an extension id');
    let next = readElement(bytes, id.end, extension.end);
    if (next.tag === TAG.boolean) next = readElement(bytes, next.end, extension.end);
    if (next.tag !== TAG.octetString || next.end !== extension.end) {
      throw new DerError(`expected the extension value OCTET STRING at byte ${next.start}`);
    }
    const oid = readOid(bytes, id);
    const name = NAMES[oid];
    if (name !== undefined) {
      try {
        readKnown(bytes, oid, next, facts);
      } catch (error) {
        if (error instanceof DerError) throw new DerError(`damaged ${name} extension: ${error.message}`);
        throw error;
      }
    }
    offset = extension.end;
  }
  return facts;
}

function readKnown(bytes: Buffer, oid: string, octets: Element, facts: ExtensionFacts): void {
  const value = readElement(bytes, octets.valueStart, octets.end);
  if (value.end !== octets.end) throw new DerError(`data follows the value at byte ${value.end}`);
  switch (oid) {
    case EXTENSIONS.basicConstraints: {
      if (value.tag !== TAG.sequence) throw new DerError(`expected a SEQUENCE at byte ${value.start}`);
      if (value.valueStart < value.end) {
        const first = readElement(bytes, value.valueStart, value.end);
        if (first.tag === TAG.boolean) {
          if (first.end - first.valueStart !== 1)
            throw new DerError(`malformed BOOLEAN at byte ${first.start}`);
          facts.isCa = bytes[first.valueStart] !== 0;
        }
      }
      return;
    }
    case EXTENSIONS.subjectKeyId:
      if (value.tag !== TAG.octetString)
        throw new DerError(`expected an OCTET STRING at byte ${value.start}`);
      facts.subjectKeyId = bytes.toString('hex', value.valueStart, value.end);
      return;
    case EXTENSIONS.authorityKeyId: {
      if (value.tag !== TAG.sequence) throw new DerError(`expected a SEQUENCE at byte ${value.start}`);
      for (let offset = value.valueStart; offset < value.end;) {
        const field = readElement(bytes, offset, value.end);
        if (field.tag === 0x80) facts.authorityKeyId = bytes.toString('hex', field.valueStart, field.end);
        offset = field.end;
      }
      return;
    }
    case EXTENSIONS.subjectAltName: {
      if (value.tag !== TAG.sequence) throw new DerError(`expected a SEQUENCE at byte ${value.start}`);
      for (let offset = value.valueStart; offset < value.end;) {
        const general = readElement(bytes, offset, value.end);
        facts.sanCount += 1;
        if (general.tag === 0x82)
          facts.dnsNames.push(bytes.toString('latin1', general.valueStart, general.end));
        offset = general.end;
      }
      return;
    }
    case EXTENSIONS.crlDistributionPoints: {
      if (value.tag !== TAG.sequence) throw new DerError(`expected a SEQUENCE at byte ${value.start}`);
      facts.hasCrlDistributionPoint = value.valueStart < value.end;
      return;
    }
    case EXTENSIONS.authorityInfoAccess: {
      if (value.tag !== TAG.sequence) throw new DerError(`expected a SEQUENCE at byte ${value.start}`);
      for (let offset = value.valueStart; offset < value.end;) {
        const access = expectElement(bytes, offset, value.end, TAG.sequence, 'an AccessDescription');
        const method = expectElement(bytes, access.valueStart, access.end, TAG.oid, 'an access method');
        if (readOid(bytes, method) === OCSP_ACCESS_METHOD) facts.hasOcsp = true;
        offset = access.end;
      }
      return;
    }
    case EXTENSIONS.extendedKeyUsage: {
      if (value.tag !== TAG.sequence) throw new DerError(`expected a SEQUENCE at byte ${value.start}`);
      for (let offset = value.valueStart; offset < value.end;) {
        const purpose = expectElement(bytes, offset, value.end, TAG.oid, 'a key purpose OID');
        facts.extendedKeyUsage.push(readOid(bytes, purpose));
        offset = purpose.end;
      }
      return;
    }
    default:
      return;
  }
}
