/**
 * Every scan rule, and the suggestions they make for one inventory. A rule that has nothing
 * to judge (no TLS endpoints for the protocol rule, say) makes no suggestion.
 */
import { automationDescriptionRule } from './automation-description.js';
import { certDiscoveryRule } from './cert-discovery.js';
import { certInventoryRule } from './cert-inventory.js';
import { certLifecycleRule } from './cert-lifecycle.js';
import { cryptoAlgorithmsRule } from './crypto-algorithms.js';
import { cryptoProtocolsRule } from './crypto-protocols.js';
import { cryptoVisibilityRule } from './crypto-visibility.js';
import { eventMonitoringRule } from './event-monitoring.js';
import { keyInventoryRule } from './key-inventory.js';
import type { ScanRule } from './rule.js';
import type { Inventory, RatingSuggestion } from '../scan.types.js';

export type { ScanRule } from './rule.js';

/** In model order (Governance, Management, Operations), so suggestions list the way the assessment reads. */
export const SCAN_RULES: readonly ScanRule[] = [
  cryptoAlgorithmsRule,
  cryptoProtocolsRule,
  cryptoVisibilityRule,
  keyInventoryRule,
  certLifecycleRule,
  certInventoryRule,
  certDiscoveryRule,
  automationDescriptionRule,
  eventMonitoringRule,
];

export function suggestRatings(inv: Inventory): RatingSuggestion[] {
  return SCAN_RULES.map((rule) => rule.evaluate(inv)).filter(
    (result): result is RatingSuggestion => result !== null,
  );
}
