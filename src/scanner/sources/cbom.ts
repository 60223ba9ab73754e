import type { SourceEvent } from '../../core/scan/scan.types.js';
import { deepestNesting } from '../../io/nesting-guard.js';
import type { ByteInput } from '../input.js';
import type { ScanSource } from '../source.js';
import { assetEvents, indexComponents } from './cbom-assets.js';
import { DigestingChunks } from './derived-fingerprint.js';

/**
 * A CycloneDX cryptographic bill of materials (CBOM, CycloneDX 1.6 and later): certificates,
 * algorithms and key material declared by the system's owners. Unlike a CT export it is one
 * document whose parts refer to each other by `bom-ref`, so it is read whole, within a size
 * limit and after a nesting check, and then walked.
 */
export interface CbomOptions {
  /** Largest document accepted, in bytes (default 64 MiB). */
  maxBytes?: number;
  /** Deepest nesting accepted (default 200: components nest, but not that deep). */
  maxDepth?: number;
}

export const DEFAULT_CBOM_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_CBOM_MAX_DEPTH = 200;

export async function* cbomEvents(input: ByteInput, options: CbomOptions = {}): AsyncGenerator<SourceEvent> {
  const maxBytes = options.maxBytes ?? DEFAULT_CBOM_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_CBOM_MAX_DEPTH;
  const tooLarge = `document is larger than the CBOM limit of ${maxBytes} bytes`;
  // An input refused before or while reading has no digest: its bytes were not all read.
  if (input.size !== undefined && input.size > maxBytes) {
    yield { type: 'skipped', item: { location: input.name, reason: `${tooLarge} (${input.size} bytes)` } };
    return;
  }
  const digesting = new DigestingChunks(input.chunks());
  const parts: Uint8Array[] = [];
  for await (const chunk of digesting.chunks()) {
    if (digesting.size > maxBytes) {
      yield { type: 'skipped', item: { location: input.name, reason: tooLarge } };
      return;
    }
    parts.push(chunk);
  }
  yield { type: 'input', input: digesting.digest('cbom', input.name) };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
  } catch {
    yield { type: 'skipped', item: { location: input.name, reason: 'not valid UTF-8 text' } };
    return;
  }
  const nesting = deepestNesting(text, maxDepth);
  if (nesting.depth > maxDepth) {
    yield {
      type: 'skipped',
      item: {
        location: input.name,
        reason: `nested more than ${maxDepth} levels deep (line ${nesting.line}); refused unparsed`,
      },
    };
    return;
  }
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    yield {
      type: 'skipped',
      item: { location: input.name, reason: `not valid JSON: ${(error as Error).message}` },
    };
    return;
  }
  if (!isObject(document) || document.bomFormat !== 'CycloneDX') {
    const found = isObject(document) ? JSON.stringify(document.bomFormat ?? null) : 'not an object';
    yield {
      type: 'skipped',
      item: {
        location: input.name,
        reason: `not a CycloneDX document: bomFormat must be "CycloneDX", found ${found}`,
      },
    };
    return;
  }
  const components = Array.isArray(document.components) ? (document.components as unknown[]) : [];
  const index = indexComponents(components);
  for (const [position, component] of index.all.entries()) {
    yield* assetEvents(component, index, input.name, position);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function cbomSource(input: ByteInput, options: CbomOptions = {}): ScanSource {
  return { kind: 'cbom', name: input.name, events: () => cbomEvents(input, options) };
}
