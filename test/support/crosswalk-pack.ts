/** A small, valid crosswalk pack over PKIMM 2.0.0 for unit tests; override any field. */
import type { CrosswalkPack } from '../../src/core/crosswalk/crosswalk.types.js';

export function samplePack(overrides: Partial<CrosswalkPack> = {}): CrosswalkPack {
  return {
    kind: 'pkimm-crosswalk',
    schemaVersion: '1.0.0',
    id: 'sample',
    framework: 'Sample',
    title: 'A sample framework',
    version: '2026',
    packVersion: '1.0.0',
    model: '2.0.0',
    controls: [
      { id: 'C-1', title: 'Cryptography policy', group: 'Protect' },
      { id: 'C-2', title: 'Asset inventory' },
    ],
    mappings: [
      {
        requirement: 'G.cryptography.crypto-algorithms',
        control: 'C-1',
        relationship: 'subset',
        rationale: 'Algorithm rules are part of a cryptography policy.',
      },
      {
        requirement: 'M.certificate-management.cert-inventory',
        control: 'C-2',
        relationship: 'subset',
        rationale: 'Certificates are assets.',
      },
    ],
    ...overrides,
  };
}
