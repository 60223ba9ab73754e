/**
 * Splits a top-level JSON array into its elements while the bytes stream in, so a CT search
 * export of a million entries is parsed one element at a time and memory stays flat. The scan
 * works on bytes: every structural character of JSON is ASCII, and UTF-8 never uses ASCII
 * bytes inside a multi-byte character, so chunk boundaries can fall anywhere. Each element is
 * decoded and handed to JSON.parse on its own; a broken element is reported and the next one
 * is read, as long as the brackets still balance.
 */
export type JsonArrayItem =
  | { kind: 'element'; index: number; value: unknown }
  | { kind: 'bad-element'; index: number; reason: string }
  /** The document as a whole is not (or not only) a JSON array; reported once, at the point found. */
  | { kind: 'bad-document'; reason: string };

export interface JsonArrayOptions {
  /** Longest element accepted, in bytes (default 1 MiB). */
  maxElementBytes?: number;
  /** Deepest nesting inside one element (default 64). */
  maxDepth?: number;
}

export const DEFAULT_MAX_ELEMENT_BYTES = 1024 * 1024;
export const DEFAULT_MAX_ELEMENT_DEPTH = 64;

const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

type Phase = 'before' | 'between' | 'element' | 'after';

export async function* jsonArrayElements(
  chunks: AsyncIterable<Uint8Array>,
  options: JsonArrayOptions = {},
): AsyncGenerator<JsonArrayItem> {
  const maxBytes = options.maxElementBytes ?? DEFAULT_MAX_ELEMENT_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_ELEMENT_DEPTH;
  const decoder = new TextDecoder('utf-8', { fatal: true });

  let phase: Phase = 'before';
  let bomBytes = 0;
  let index = 0;
  // The element being read: its pieces, its size, and why it is already known to be bad.
  let pieces: Uint8Array[] = [];
  let elementBytes = 0;
  let deepest = 0;
  let tooLarge = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  // Whether anything but white space was seen since the last separator (to find `[1,,2]`).
  let sawContent = false;

  const finishElement = (): JsonArrayItem => {
    const at = index;
    index += 1;
    const parts = pieces;
    const size = elementBytes;
    const largest = deepest;
    const oversized = tooLarge;
    pieces = [];
    elementBytes = 0;
    deepest = 0;
    tooLarge = false;
    sawContent = false;
    if (oversized)
      return { kind: 'bad-element', index: at, reason: `element is larger than ${maxBytes} bytes` };
    if (largest > maxDepth) {
      return {
        kind: 'bad-element',
        index: at,
        reason: `element is nested more than ${maxDepth} levels deep`,
      };
    }
    const bytes = concat(parts, size);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { kind: 'bad-element', index: at, reason: 'element is not valid UTF-8' };
    }
    if (text.trim() === '')
      return {
        kind: 'bad-element',
        index: at,
        reason: 'empty element (two commas in a row or a trailing comma)',
      };
    try {
      return { kind: 'element', index: at, value: JSON.parse(text) as unknown };
    } catch (error) {
      return { kind: 'bad-element', index: at, reason: `not valid JSON: ${(error as Error).message}` };
    }
  };

  const keep = (chunk: Uint8Array, from: number, to: number) => {
    if (to <= from || tooLarge) return;
    elementBytes += to - from;
    if (elementBytes > maxBytes) {
      tooLarge = true;
      pieces = [];
      return;
    }
    pieces.push(chunk.slice(from, to));
  };

  for await (const chunk of chunks) {
    let start = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i] as number;
      if (phase === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === BACKSLASH) escaped = true;
          else if (byte === QUOTE) inString = false;
          continue;
        }
        if (byte === QUOTE) {
          inString = true;
          sawContent = true;
        } else if (byte === OPEN_CURLY || byte === OPEN_SQUARE) {
          depth += 1;
          sawContent = true;
          if (depth > deepest) deepest = depth;
        } else if ((byte === CLOSE_CURLY || byte === CLOSE_SQUARE) && depth > 0) {
          depth -= 1;
        } else if (depth === 0 && (byte === COMMA || byte === CLOSE_SQUARE)) {
          keep(chunk, start, i);
          yield finishElement();
          if (byte === CLOSE_SQUARE) phase = 'after';
          else phase = 'between';
          continue;
        } else if (!isSpace(byte)) sawContent = true;
        continue;
      }
      if (phase === 'before') {
        // A UTF-8 byte order mark may precede the array.
        if (bomBytes < 3 && byte === [0xef, 0xbb, 0xbf][bomBytes]) {
          bomBytes += 1;
          continue;
        }
        if (isSpace(byte)) continue;
        if (byte !== OPEN_SQUARE) {
          yield { kind: 'bad-document', reason: 'not a JSON array: the document must start with [' };
          return;
        }
        phase = 'between';
        continue;
      }
      if (phase === 'between') {
        if (isSpace(byte)) continue;
        if (byte === CLOSE_SQUARE && index === 0 && !sawContent) {
          phase = 'after';
          continue;
        }
        // Anything else starts an element, which may be empty (`,` right away) or end the array.
        phase = 'element';
        start = i;
        depth = 0;
        i -= 1;
        continue;
      }
      if (phase === 'after') {
        if (isSpace(byte)) continue;
        yield { kind: 'bad-document', reason: 'unexpected text after the closing ] of the array' };
        return;
      }
    }
    if (phase === 'element') keep(chunk, start, chunk.length);
  }
  if (phase === 'before') yield { kind: 'bad-document', reason: 'empty document: expected a JSON array' };
  else if (phase === 'element' || phase === 'between') {
    if (phase === 'element' && sawContent) {
      yield { kind: 'bad-element', index, reason: 'element is cut off: the document ends inside it' };
    }
    yield { kind: 'bad-document', reason: 'the document ends before the array is closed with ]' };
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
