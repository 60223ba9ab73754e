import type { SourceEvent } from '../core/scan/scan.types.js';
import type { ByteInput } from './input.js';
import { certificateFileEvents } from './sources/certificate-files.js';
import { csvInventoryEvents, type CsvOptions } from './sources/csv-inventory.js';
import { ctJsonEvents } from './sources/ct-json.js';
import { cbomEvents } from './sources/cbom.js';

export interface InputReaderOptions {
  pkcs12Passwords?: string[];
  csv?: CsvOptions;
}

export type InputKind = 'certificates' | 'csv' | 'ct' | 'cbom';

/**
 * Picks the reader for one input. `.csv` is an inventory export; `.json` is a CycloneDX CBOM
 * when it is an object and a crt.sh result list when it is an array; everything else is read
 * as certificate material, whose reader recognises PEM, DER, PKCS#7 and PKCS#12 by content.
 */
export async function* eventsOfInput(
  input: ByteInput,
  options: InputReaderOptions,
): AsyncIterable<SourceEvent> {
  const lower = input.name.toLowerCase();
  if (lower.endsWith('.csv')) {
    yield* csvInventoryEvents(input, options.csv ?? {});
    return;
  }
  if (lower.endsWith('.json')) {
    const { first, replay } = await peek(input);
    yield* first === '[' ? ctJsonEvents(replay) : cbomEvents(replay);
    return;
  }
  yield* certificateFileEvents(
    input,
    options.pkcs12Passwords ? { pkcs12Passwords: options.pkcs12Passwords } : {},
  );
}

/** The first non-blank character of an input, and an input that yields every byte again. */
async function peek(input: ByteInput): Promise<{ first: string; replay: ByteInput }> {
  const iterator = input.chunks()[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let first = '';
  while (first === '') {
    const next = await iterator.next();
    if (next.done === true) break;
    head.push(next.value);
    const text = new TextDecoder().decode(next.value).replace(/^\uFEFF/, '');
    first = text.trimStart().charAt(0);
  }
  const replay: ByteInput = {
    name: input.name,
    ...(input.size === undefined ? {} : { size: input.size }),
    async *chunks() {
      yield* head;
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next())
        yield next.value;
    },
  };
  return { first, replay };
}
