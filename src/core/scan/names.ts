/**
 * Normalised forms of names and serial numbers, so that the same certificate listed by a
 * CSV export, a CT search and a PEM file is recognised as one, whatever spacing or case each used.
 */

/** Splits an RFC 4514 string at its unescaped commas and plus signs. */
function splitRdnParts(dn: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const char = dn[i] ?? '';
    if (char === '\\' && i + 1 < dn.length) {
      current += char + (dn[i + 1] ?? '');
      i++;
    } else if (char === ',' || char === '+') {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function unescapeValue(value: string): string {
  return value.replace(/\\([0-9a-fA-F]{2}|.)/g, (_, escaped: string) =>
    escaped.length === 2 ? String.fromCharCode(parseInt(escaped, 16)) : escaped,
  );
}

/** The first CN attribute of a distinguished name, unescaped and trimmed, if it has one. */
export function commonNameOf(dn: string): string | undefined {
  for (const part of splitRdnParts(dn)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim().toUpperCase() === 'CN')
      return unescapeValue(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * A comparison form of a DN: lower case, no spaces around separators. Exports often write
 * `CN=x, O=y` where the parser writes `CN=x,O=y`; both denote the same name.
 */
export function normalizeDn(dn: string): string {
  return dn
    .trim()
    .toLowerCase()
    .replace(/\s*([,=+])\s*/g, '$1');
}

/** Lower-case hex without separators or leading zeros; `0` for a zero serial. */
export function normalizeSerial(serial: string): string {
  const hex = serial.trim().toLowerCase().replace(/^0x/, '').replace(/[\s:]/g, '');
  const stripped = hex.replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}

/**
 * The key a derived record is matched on: issuer CN (or the whole issuer DN when it has none)
 * and serial. Exports rarely agree on the full issuer DN, but the CN and serial are stable.
 */
export function issuerSerialKey(record: {
  issuer: string;
  issuerCommonName?: string;
  serialNumber: string;
}): string {
  const cn = record.issuerCommonName?.trim() || commonNameOf(record.issuer);
  const issuerPart =
    cn !== undefined && cn !== '' ? `cn:${cn.toLowerCase()}` : `dn:${normalizeDn(record.issuer)}`;
  return `${issuerPart}|${normalizeSerial(record.serialNumber)}`;
}

/**
 * A memoised `normalizeDn` for one inventory: a scan has few distinct issuers but every
 * certificate names one, so each issuer string is normalised once.
 */
export function createDnNormalizer(): (dn: string) => string {
  const seen = new Map<string, string>();
  return (dn) => {
    let normal = seen.get(dn);
    if (normal === undefined) {
      normal = normalizeDn(dn);
      seen.set(dn, normal);
    }
    return normal;
  };
}
