import { describe, expect, it } from 'vitest';
import type { IdMapping } from '../migration/id-mapping.js';
import { SCAN_RULES } from './rules/index.js';
import { suggestionKeyFor } from './suggestion-keys.js';

/** Pairs as in model/mappings/pkimm-1.0.0-to-2.0.0.yaml for the requirements the rules speak to. */
const mapping: IdMapping = {
  kind: 'pkimm-id-mapping',
  from: '1.0.0',
  to: '2.0.0',
  categories: [
    { from: 'M.5', to: 'M.key-management' },
    { from: 'M.6', to: 'M.certificate-management' },
  ],
  requirements: [
    { from: 'M.5.2', to: 'M.key-management.key-inventory' },
    { from: 'M.6.3', to: 'M.certificate-management.cert-lifecycle' },
    { from: 'M.6.4', to: 'M.certificate-management.cert-inventory' },
    { from: 'M.6.5', to: 'M.certificate-management.cert-discovery' },
    { from: 'O.10.1', to: 'O.automation.automation-description' },
    { from: 'O.12.4', to: 'O.monitoring-and-auditing.event-monitoring' },
  ],
  unmapped: [{ from: 'M.5.5', reason: 'no successor' }],
  added: ['G.cryptography'],
};

describe('suggestionKeyFor', () => {
  it('keeps the key for a 2.0.0 assessment, with or without a mapping', () => {
    for (const rule of SCAN_RULES) {
      expect(suggestionKeyFor(rule.requirement, '2.0.0')).toBe(rule.requirement);
      expect(suggestionKeyFor(rule.requirement, '2.0.0', mapping)).toBe(rule.requirement);
    }
  });

  it('maps back to the 1.0.0 id, and gives none for requirements 1.0.0 does not have', () => {
    expect(suggestionKeyFor('M.certificate-management.cert-inventory', '1.0.0', mapping)).toBe('M.6.4');
    expect(suggestionKeyFor('O.monitoring-and-auditing.event-monitoring', '1.0.0', mapping)).toBe('O.12.4');
    expect(suggestionKeyFor('G.cryptography.crypto-algorithms', '1.0.0', mapping)).toBeUndefined();
  });

  it('gives none without a mapping or for a version the mapping does not cover', () => {
    expect(suggestionKeyFor('M.certificate-management.cert-inventory', '1.0.0')).toBeUndefined();
    expect(suggestionKeyFor('M.certificate-management.cert-inventory', '3.0.0', mapping)).toBeUndefined();
  });
});
