import type { ScanSourceKind, SourceEvent } from '../core/scan/scan.types.js';

/**
 * One source of scan evidence: a certificate file, a set of TLS endpoints, an inventory
 * export. A source reports what it could not read as `skipped` events and goes on; it throws
 * only when it cannot start at all (a PkimmError with a USAGE or FILE_UNREADABLE code).
 */
export interface ScanSource {
  readonly kind: ScanSourceKind;
  /** For progress and messages: a path, an upload name or `TLS (3 endpoints)`. */
  readonly name: string;
  events(): AsyncIterable<SourceEvent>;
  /** How many inputs `events` will read, when that is cheap to know, so a progress bar can show a fraction. */
  countInputs?(): Promise<number>;
}
