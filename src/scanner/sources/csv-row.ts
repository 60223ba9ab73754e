import type { CertificateRecord, SourceEvent } from '../../core/scan/scan.types.js';
import { CertificateParseError, parseCertificateDer } from '../x509/parse-certificate.js';
import type { CsvColumn, ResolvedColumns } from './csv-columns.js';
import type { CsvField } from './csv-presets.js';
import { parseExportDate } from './date-parse.js';
import {
  commonNameOf,
  keyAlgorithmFromName,
  normaliseSerialHex,
  recordFromExport,
  toRfc4514,
  type ExportedCertificate,
} from './derived-fingerprint.js';

type RowResult = { ok: true; record: CertificateRecord } | { ok: false; reason: string };

/** One data row to a certificate event, or to a skip naming the column that was wrong. */
export function rowEvent(
  cells: string[],
  columns: ResolvedColumns,
  location: string,
  options: { issuer?: string },
): SourceEvent {
  const result = rowRecord(cells, columns, options);
  if (!result.ok) return { type: 'skipped', item: { location, reason: result.reason } };
  return { type: 'certificate', record: result.record, source: { kind: 'csv', location } };
}

function rowRecord(cells: string[], columns: ResolvedColumns, options: { issuer?: string }): RowResult {
  // A formula-looking cell (`=HYPERLINK(…)`) is only text here: cells are never evaluated.
  const cell = (field: CsvField): string | undefined => {
    const column = columns[field];
    const value = column === undefined ? undefined : cells[column.index]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const header = (field: CsvField): string => (columns[field] as CsvColumn).header;

  const certificate = cell('certificate');
  if (certificate !== undefined) return certificateRecord(certificate, header('certificate'));

  const serialText = cell('serialNumber');
  const issuerText = cell('issuer') ?? options.issuer?.trim();
  if (serialText === undefined) {
    return {
      ok: false,
      reason: `no certificate and an empty serial number${columns.serialNumber ? ` ("${header('serialNumber')}")` : ''}`,
    };
  }
  if (issuerText === undefined || issuerText === '')
    return { ok: false, reason: `the issuer ("${header('issuer')}") is empty` };
  const serial = normaliseSerialHex(serialText);
  if (serial === undefined) {
    return {
      ok: false,
      reason: `"${header('serialNumber')}": serial number "${short(serialText)}" is not hexadecimal`,
    };
  }
  const data: ExportedCertificate = { issuer: toRfc4514(issuerText), serial };

  const subjectText = cell('subject');
  const commonName = cell('commonName');
  if (subjectText !== undefined) data.subject = toRfc4514(subjectText);
  else if (commonName !== undefined) data.subject = toRfc4514(`CN=${commonName.replace(/,/g, '\\,')}`);
  const subjectCommonName =
    commonName ?? (data.subject === undefined ? undefined : commonNameOf(data.subject));
  if (subjectCommonName !== undefined) data.subjectCommonName = subjectCommonName;

  for (const field of ['notBefore', 'notAfter'] as const) {
    const text = cell(field);
    if (text === undefined) continue;
    const date = parseExportDate(text);
    if (!date.ok) return { ok: false, reason: `"${header(field)}": ${date.reason}` };
    data[field] = date.iso;
  }
  const keySize = cell('keySize');
  if (keySize !== undefined) {
    if (!/^\d{1,6}$/.test(keySize) || Number(keySize) === 0) {
      return {
        ok: false,
        reason: `"${header('keySize')}": key size "${short(keySize)}" is not a positive whole number`,
      };
    }
    data.keySize = Number(keySize);
  }
  const keyAlgorithm = cell('keyAlgorithm');
  if (keyAlgorithm !== undefined) data.keyAlgorithm = keyAlgorithmFromName(keyAlgorithm);
  const signature = cell('signatureAlgorithm');
  if (signature !== undefined) {
    if (/^\d+(\.\d+)+$/.test(signature)) data.signatureAlgorithmOid = signature;
    data.signatureAlgorithm = signature;
  }
  const san = cell('san');
  if (san !== undefined) {
    const entries = sanEntries(san);
    data.dnsNames = entries.dns;
    data.sanCount = entries.count;
  }
  // Only a SHA-256 fingerprint can stand in for ours; AD CS's "Certificate Hash" is SHA-1 and ignored.
  const fingerprint = cell('fingerprint')?.replace(/[\s:]/g, '').toLowerCase();
  if (fingerprint !== undefined && /^[0-9a-f]{64}$/.test(fingerprint)) data.fingerprint = fingerprint;
  return { ok: true, record: recordFromExport(data) };
}

/** A certificate cell: PEM, or base64 DER with or without line breaks (AD CS "Binary Certificate"). */
function certificateRecord(text: string, header: string): RowResult {
  const pem =
    /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/.exec(
      text,
    );
  const body = (pem ? (pem[1] as string) : text).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    return { ok: false, reason: `"${header}": the certificate is neither PEM nor base64 DER` };
  }
  try {
    return { ok: true, record: parseCertificateDer(Buffer.from(body, 'base64')) };
  } catch (error) {
    if (error instanceof CertificateParseError) return { ok: false, reason: `"${header}": ${error.reason}` };
    throw error;
  }
}

/**
 * SAN cells come as `DNS:a, DNS:b`, `DNS Name=a` (AD CS), `a;b` or one per line. Entries with
 * a DNS prefix, and bare entries that are neither an address nor an IP, are DNS names.
 */
function sanEntries(text: string): { dns: string[]; count: number } {
  const entries = text
    .split(/[,;\n\r]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const dns: string[] = [];
  for (const entry of entries) {
    const prefixed = /^dns(?:\s*name)?\s*[:=]\s*(.+)$/i.exec(entry);
    if (prefixed) dns.push((prefixed[1] as string).toLowerCase());
    else if (!/[:=@]/.test(entry) && !/^\d{1,3}(\.\d{1,3}){3}$/.test(entry) && !/\s/.test(entry)) {
      dns.push(entry.toLowerCase());
    }
  }
  return { dns: [...new Set(dns)], count: entries.length };
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
