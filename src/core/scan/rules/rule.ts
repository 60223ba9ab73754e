/**
 * What a rule is, and the small wording helpers the rules share so that every reasoning
 * quotes its figures the same way ("412 of 430 certificates (95%)").
 */
import type { Inventory, InventoryCertificate, RatingSuggestion, ScanSourceKind } from '../scan.types.js';

export interface ScanRule {
  /** The file name of the rule, e.g. `cert-inventory`. */
  id: string;
  /** Full 2.0.0 requirement key the rule speaks to. */
  requirement: string;
  /** A suggestion, or null when the scan holds nothing this rule can judge. */
  evaluate(inv: Inventory): RatingSuggestion | null;
}

export type Level = RatingSuggestion['level'];

export const DISCOVERY_KINDS: readonly ScanSourceKind[] = ['file', 'tls', 'ct'];
export const EXPORT_KINDS: readonly ScanSourceKind[] = ['csv', 'cbom'];

export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/**
 * A share as a whole percentage, rounded down so that "100%" only ever means all of them and
 * a figure just under a threshold is never shown as the threshold.
 */
export function percent(part: number, whole: number): string {
  return `${Math.floor(share(part, whole) * 100)}%`;
}

export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** `412 of 430 certificates (95%)`. */
export function ofPhrase(part: number, whole: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${part} of ${whole} ${whole === 1 ? noun : pluralNoun} (${percent(part, whole)})`;
}

export function hasSourceKind(cert: InventoryCertificate, kinds: readonly ScanSourceKind[]): boolean {
  return cert.sources.some((source) => kinds.includes(source.kind));
}

export function discovered(inv: Inventory): InventoryCertificate[] {
  return inv.certificates.filter((cert) => hasSourceKind(cert, DISCOVERY_KINDS));
}

export function suggestion(rule: ScanRule, level: Level, reasoning: string[]): RatingSuggestion {
  return { rule: rule.id, requirement: rule.requirement, level, reasoning };
}
