import { z } from 'zod';
import type { SourceEvent, SourceRef } from '../../core/scan/scan.types.js';
import type { ByteInput } from '../input.js';
import type { ScanSource } from '../source.js';
import { parseExportDate } from './date-parse.js';
import { DigestingChunks, normaliseSerialHex, recordFromExport, toRfc4514 } from './derived-fingerprint.js';
import { jsonArrayElements, type JsonArrayOptions } from './json-array-stream.js';

/**
 * Certificate-transparency search results saved as JSON, in the shape crt.sh exports
 * (`https://crt.sh/?q=example.org&output=json`): an array of log entries with the issuer,
 * serial, names and validity, but not the certificate. A precertificate and its final
 * certificate share issuer and serial, so both become the same derived fingerprint and the
 * inventory builder counts them once.
 */
const ctEntrySchema = z.object({
  issuer_name: z.string().min(1),
  serial_number: z.string().min(1),
  common_name: z.string().nullish(),
  name_value: z.string().nullish(),
  not_before: z.string().nullish(),
  not_after: z.string().nullish(),
});

export type CtJsonOptions = JsonArrayOptions;

export async function* ctJsonEvents(
  input: ByteInput,
  options: CtJsonOptions = {},
): AsyncGenerator<SourceEvent> {
  const digesting = new DigestingChunks(input.chunks());
  for await (const item of jsonArrayElements(digesting.chunks(), options)) {
    if (item.kind === 'bad-document') {
      yield { type: 'skipped', item: { location: input.name, reason: item.reason } };
    } else if (item.kind === 'bad-element') {
      yield { type: 'skipped', item: { location: `${input.name}#${item.index}`, reason: item.reason } };
    } else {
      yield entryEvent(item.value, `${input.name}#${item.index}`);
    }
  }
  yield { type: 'input', input: digesting.digest('ct', input.name) };
}

function entryEvent(value: unknown, location: string): SourceEvent {
  const parsed = ctEntrySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return {
      type: 'skipped',
      item: { location, reason: `not a crt.sh entry: ${where}${issue?.message ?? 'invalid'}` },
    };
  }
  const entry = parsed.data;
  const serial = normaliseSerialHex(entry.serial_number);
  if (serial === undefined) {
    return {
      type: 'skipped',
      item: { location, reason: `serial_number "${entry.serial_number}" is not hexadecimal` },
    };
  }
  const dates: { notBefore?: string; notAfter?: string } = {};
  for (const [field, key] of [
    ['not_before', 'notBefore'],
    ['not_after', 'notAfter'],
  ] as const) {
    const text = entry[field];
    if (text === undefined || text === null || text === '') continue;
    const date = parseExportDate(text);
    if (!date.ok) return { type: 'skipped', item: { location, reason: `${field}: ${date.reason}` } };
    dates[key] = date.iso;
  }
  const names = splitNames(entry.name_value ?? '');
  const commonName = entry.common_name?.trim() ?? '';
  const source: SourceRef = { kind: 'ct', location };
  const record = recordFromExport({
    // crt.sh prints names most general first (`C=US, O=…, CN=R3`); records use RFC 4514 order.
    issuer: toRfc4514(entry.issuer_name, true),
    serial,
    subject: commonName === '' ? '' : `CN=${commonName.replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)}`,
    ...(commonName === '' ? {} : { subjectCommonName: commonName }),
    ...dates,
    // name_value lists the SAN entries (and often the CN); e-mail addresses are not DNS names.
    dnsNames: names.filter((name) => !name.includes('@')),
    sanCount: names.length,
  });
  return { type: 'certificate', record, source };
}

function splitNames(text: string): string[] {
  const names = text
    .split(/\r?\n/)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  return [...new Set(names)];
}

export function ctSource(input: ByteInput, options: CtJsonOptions = {}): ScanSource {
  return { kind: 'ct', name: input.name, events: () => ctJsonEvents(input, options) };
}
