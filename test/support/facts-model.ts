/**
 * PKIMM 2.0.0 and 1.0.0 built from the published facts alone (ids, weights, order), with
 * placeholder texts. Tests use it to check scoring without the loader, and to check that the
 * bundled model files carry exactly these facts.
 */
import type { Category, Model, ModuleId } from '../../src/core/model/model.types.js';

type Row = [moduleId: ModuleId, id: string, weight: number, name: string, requirements: [string, number][]];

export const FACTS_2_0_0: Row[] = [
  [
    'G',
    'strategy-and-vision',
    5,
    'Strategy and vision',
    [
      ['sponsor-support', 3],
      ['responsible-leadership', 2],
      ['scope-and-drivers', 2],
      ['architecture', 1],
    ],
  ],
  [
    'G',
    'policies-and-documentation',
    4,
    'Policies and documentation',
    [
      ['policy-scope', 2],
      ['certificate-policy', 5],
      ['practice-statement', 5],
      ['disclosure-statement', 4],
      ['policy-review', 3],
    ],
  ],
  [
    'G',
    'compliance',
    2,
    'Compliance',
    [
      ['compliance-policies', 3],
      ['compliance-monitoring', 4],
      ['compliance-responsibilities', 3],
      ['regulatory-inventory', 5],
    ],
  ],
  [
    'G',
    'processes-and-procedures',
    3,
    'Processes and procedures',
    [
      ['process-scope', 4],
      ['process-documentation', 3],
      ['bau-execution', 5],
      ['process-evidence', 3],
      ['process-improvement', 2],
    ],
  ],
  [
    'G',
    'cryptography',
    5,
    'Cryptography',
    [
      ['crypto-terminology', 3],
      ['crypto-algorithms', 5],
      ['crypto-protocols', 3],
      ['crypto-visibility', 5],
      ['crypto-lifecycle', 4],
      ['crypto-agility', 5],
    ],
  ],
  [
    'M',
    'key-management',
    4,
    'Key management',
    [
      ['key-mgmt-roles', 2],
      ['key-inventory', 2],
      ['device-inventory', 1],
      ['key-lifecycle', 2],
      ['key-mgmt-review', 3],
    ],
  ],
  [
    'M',
    'certificate-management',
    4,
    'Certificate management',
    [
      ['cert-profiles', 2],
      ['cert-lifecycle', 4],
      ['cert-inventory', 3],
      ['cert-discovery', 2],
      ['cert-mgmt-review', 4],
      ['pki-governance', 2],
    ],
  ],
  [
    'M',
    'infrastructure-management',
    2,
    'Infrastructure management',
    [
      ['infra-documentation', 4],
      ['network-segmentation', 3],
      ['vulnerability-management', 3],
      ['recovery-objectives', 1],
      ['infra-review', 2],
    ],
  ],
  [
    'M',
    'change-management-and-agility',
    3,
    'Change management and agility',
    [
      ['change-policy', 4],
      ['change-request', 3],
      ['change-process', 4],
      ['agility-requirements', 2],
      ['change-mgmt-review', 2],
    ],
  ],
  [
    'O',
    'resilience',
    4,
    'Resilience',
    [
      ['risk-assessment', 6],
      ['incident-planning', 4],
      ['business-continuity', 5],
      ['future-proofing', 3],
      ['competence-sharing', 3],
      ['continual-improvement', 4],
    ],
  ],
  [
    'O',
    'automation',
    2,
    'Automation',
    [
      ['automation-description', 3],
      ['automation-monitoring', 1],
      ['exception-handling', 1],
    ],
  ],
  [
    'O',
    'interoperability',
    2,
    'Interoperability',
    [
      ['interop-strategy', 3],
      ['integration-guidance', 1],
      ['open-standards', 3],
    ],
  ],
  [
    'O',
    'monitoring-and-auditing',
    2,
    'Monitoring and auditing',
    [
      ['logging-requirements', 4],
      ['log-collection', 4],
      ['audit-trail', 5],
      ['event-monitoring', 5],
      ['critical-event-alerting', 3],
      ['log-review', 2],
    ],
  ],
  [
    'R',
    'sourcing',
    4,
    'Sourcing',
    [
      ['resource-identification', 5],
      ['resource-definition', 3],
      ['resource-availability', 4],
      ['resource-review', 3],
    ],
  ],
  [
    'R',
    'knowledge-and-training',
    3,
    'Knowledge and training',
    [
      ['training-plan', 2],
      ['personnel-training', 2],
      ['security-awareness-training', 2],
      ['education-plan', 1],
      ['knowledge-review', 2],
    ],
  ],
  [
    'R',
    'awareness',
    3,
    'Awareness',
    [
      ['awareness-plan', 2],
      ['pki-disclosure', 2],
      ['single-point-of-contact', 1],
      ['timely-communication', 2],
    ],
  ],
];

/** 1.0.0: no Cryptography, numeric ids, and the two cipher-suite requirements (M.5.5, M.6.2). */
export const FACTS_1_0_0: Row[] = FACTS_2_0_0.filter((row) => row[1] !== 'cryptography').map((row, index) => {
  const requirements = row[4].map((r): [string, number] => ['', r[1]]);
  if (row[1] === 'key-management') requirements.splice(4, 0, ['', 2]);
  if (row[1] === 'certificate-management') requirements.splice(1, 0, ['', 3]);
  return [
    row[0],
    String(index + 1),
    row[2],
    row[3],
    requirements.map((r, i): [string, number] => [String(i + 1), r[1]]),
  ];
});

const MODULE_NAMES: Record<ModuleId, string> = {
  G: 'Governance',
  M: 'Management',
  O: 'Operations',
  R: 'Resources',
};

export function factsModel(version: '1.0.0' | '2.0.0'): Model {
  const rows = version === '2.0.0' ? FACTS_2_0_0 : FACTS_1_0_0;
  const names = [
    'Initial',
    version === '2.0.0' ? 'Foundational' : 'Basic',
    'Advanced',
    'Managed',
    'Optimized',
  ];
  const levels = names.map((name, i) => ({
    number: (i + 1) as 1,
    name,
    meaning: name,
    indicators: [],
    risks: '',
  }));
  const categories: Category[] = rows.map(([moduleId, id, weight, name, reqs], index) => ({
    id,
    key: `${moduleId}.${id}`,
    position: `${moduleId}.${index + 1}`,
    moduleId,
    weight,
    name,
    description: '',
    levels: levels.map((l) => ({ number: l.number, name: l.name, description: `${name} at ${l.name}` })),
    requirements: reqs.map(([rid, rweight], r) => ({
      id: rid,
      key: `${moduleId}.${id}.${rid}`,
      position: `${moduleId}.${index + 1}.${r + 1}`,
      weight: rweight,
      name: rid,
      guidance: '',
      assessment: '',
      references: [],
    })),
  }));
  return {
    id: 'pkimm',
    version,
    schemaVersion: version,
    origin: 'bundled',
    levels,
    references: [],
    modules: (['G', 'M', 'O', 'R'] as const).map((id) => ({
      id,
      name: MODULE_NAMES[id],
      description: '',
      categories: categories.filter((c) => c.moduleId === id),
    })),
  };
}
