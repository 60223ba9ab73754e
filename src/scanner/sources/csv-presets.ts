/**
 * The columns a CSV inventory export may carry, and the header names each preset recognises.
 * Headers are compared after lower-casing and dropping everything but letters and digits, so
 * `Not After`, `not_after` and `notAfter` are one alias.
 */
export const CSV_FIELDS = [
  'certificate',
  'subject',
  'commonName',
  'issuer',
  'serialNumber',
  'notBefore',
  'notAfter',
  'keyAlgorithm',
  'keySize',
  'signatureAlgorithm',
  'san',
  'fingerprint',
] as const;

export type CsvField = (typeof CSV_FIELDS)[number];

export type CsvPreset = 'generic' | 'adcs';

export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const GENERIC: Record<CsvField, string[]> = {
  certificate: ['certificate', 'cert', 'pem', 'certificate_pem', 'der', 'certificate_base64'],
  subject: ['subject', 'subject_dn', 'subject_name', 'distinguished_name', 'dn'],
  commonName: ['cn', 'common_name', 'subject_cn', 'name', 'hostname'],
  issuer: ['issuer', 'issuer_dn', 'issuer_name', 'issuer_cn', 'ca', 'ca_name', 'issuing_ca'],
  serialNumber: ['serial', 'serial_number', 'serialnumber', 'serial_hex'],
  notBefore: ['not_before', 'valid_from', 'issued', 'issue_date', 'start_date', 'effective_date'],
  notAfter: [
    'not_after',
    'valid_to',
    'valid_until',
    'expiry',
    'expires',
    'expiration',
    'expiration_date',
    'end_date',
  ],
  keyAlgorithm: ['key_algorithm', 'key_type', 'public_key_algorithm', 'key_alg', 'algorithm'],
  keySize: ['key_size', 'key_bits', 'key_length', 'bits', 'public_key_length'],
  signatureAlgorithm: ['signature_algorithm', 'sig_alg', 'signature_alg', 'sigalg', 'signature'],
  san: [
    'san',
    'sans',
    'subject_alt_names',
    'subject_alternative_names',
    'subject_alternative_name',
    'dns_names',
  ],
  fingerprint: ['fingerprint', 'sha256', 'sha256_fingerprint', 'fingerprint_sha256'],
};

// Column titles of `certutil -view csv` (English locale). The CA database holds no issuer name:
// its exports need the CA name passed in (the `issuer` option).
const ADCS: Record<CsvField, string[]> = {
  certificate: ['Binary Certificate', 'Raw Certificate'],
  subject: ['Issued Distinguished Name', 'Requester Name Distinguished Name'],
  commonName: ['Issued Common Name'],
  issuer: ['Issuer Common Name', 'Issuer Distinguished Name', 'Issuer Name', 'CA Name'],
  serialNumber: ['Serial Number'],
  notBefore: ['Certificate Effective Date'],
  notAfter: ['Certificate Expiration Date'],
  keyAlgorithm: ['Public Key Algorithm'],
  keySize: ['Public Key Length'],
  signatureAlgorithm: ['Signature Algorithm'],
  san: ['Subject Alternative Name', 'SAN'],
  fingerprint: ['Certificate Hash SHA256'],
};

const PRESETS: Record<CsvPreset, Record<CsvField, string[]>> = { generic: GENERIC, adcs: ADCS };

/** The header keys that stand for each field in a preset. */
export function presetAliases(preset: CsvPreset): Record<CsvField, Set<string>> {
  const aliases = {} as Record<CsvField, Set<string>>;
  for (const field of CSV_FIELDS) aliases[field] = new Set(PRESETS[preset][field].map(headerKey));
  return aliases;
}
