/**
 * PKIMM 1.0.0 and 2.0.0 built in memory from the published facts (ids, weights, order), with
 * placeholder texts. Tests use it where a model version has no bundled file yet (1.0.0), and
 * to stay independent of the bundled texts.
 */
import { PkimmError } from '../../src/core/errors.js';
import type { Category, LevelNumber, Model, ModuleId } from '../../src/core/model/model.types.js';

type RequirementFacts = [id: string, weight: number, removedIn2?: boolean];
interface CategoryFacts {
  module: ModuleId;
  id: string;
  name: string;
  weight: number;
  requirements: RequirementFacts[];
  /** Only in 1.1.0 and later. */
  newIn2?: boolean;
}

/** The 2.0.0 structure, plus the two 1.0.0 cipher-suite requirements at their 1.0.0 positions. */
const FACTS: CategoryFacts[] = [
  {
    module: 'G',
    id: 'strategy-and-vision',
    name: 'Strategy and vision',
    weight: 5,
    requirements: [
      ['sponsor-support', 3],
      ['responsible-leadership', 2],
      ['scope-and-drivers', 2],
      ['architecture', 1],
    ],
  },
  {
    module: 'G',
    id: 'policies-and-documentation',
    name: 'Policies and documentation',
    weight: 4,
    requirements: [
      ['policy-scope', 2],
      ['certificate-policy', 5],
      ['practice-statement', 5],
      ['disclosure-statement', 4],
      ['policy-review', 3],
    ],
  },
  {
    module: 'G',
    id: 'compliance',
    name: 'Compliance',
    weight: 2,
    requirements: [
      ['compliance-policies', 3],
      ['compliance-monitoring', 4],
      ['compliance-responsibilities', 3],
      ['regulatory-inventory', 5],
    ],
  },
  {
    module: 'G',
    id: 'processes-and-procedures',
    name: 'Processes and procedures',
    weight: 3,
    requirements: [
      ['process-scope', 4],
      ['process-documentation', 3],
      ['bau-execution', 5],
      ['process-evidence', 3],
      ['process-improvement', 2],
    ],
  },
  {
    module: 'G',
    id: 'cryptography',
    name: 'Cryptography',
    weight: 5,
    newIn2: true,
    requirements: [
      ['crypto-terminology', 3],
      ['crypto-algorithms', 5],
      ['crypto-protocols', 3],
      ['crypto-visibility', 5],
      ['crypto-lifecycle', 4],
      ['crypto-agility', 5],
    ],
  },
  {
    module: 'M',
    id: 'key-management',
    name: 'Key management',
    weight: 4,
    requirements: [
      ['key-mgmt-roles', 2],
      ['key-inventory', 2],
      ['device-inventory', 1],
      ['key-lifecycle', 2],
      ['cipher-suites', 2, true],
      ['key-mgmt-review', 3],
    ],
  },
  {
    module: 'M',
    id: 'certificate-management',
    name: 'Certificate management',
    weight: 4,
    requirements: [
      ['cert-profiles', 2],
      ['cert-cipher-suites', 3, true],
      ['cert-lifecycle', 4],
      ['cert-inventory', 3],
      ['cert-discovery', 2],
      ['cert-mgmt-review', 4],
      ['pki-governance', 2],
    ],
  },
  {
    module: 'M',
    id: 'infrastructure-management',
    name: 'Infrastructure management',
    weight: 2,
    requirements: [
      ['infra-documentation', 4],
      ['network-segmentation', 3],
      ['vulnerability-management', 3],
      ['recovery-objectives', 1],
      ['infra-review', 2],
    ],
  },
  {
    module: 'M',
    id: 'change-management-and-agility',
    name: 'Change management and agility',
    weight: 3,
    requirements: [
      ['change-policy', 4],
      ['change-request', 3],
      ['change-process', 4],
      ['agility-requirements', 2],
      ['change-mgmt-review', 2],
    ],
  },
  {
    module: 'O',
    id: 'resilience',
    name: 'Resilience',
    weight: 4,
    requirements: [
      ['risk-assessment', 6],
      ['incident-planning', 4],
      ['business-continuity', 5],
      ['future-proofing', 3],
      ['competence-sharing', 3],
      ['continual-improvement', 4],
    ],
  },
  {
    module: 'O',
    id: 'automation',
    name: 'Automation',
    weight: 2,
    requirements: [
      ['automation-description', 3],
      ['automation-monitoring', 1],
      ['exception-handling', 1],
    ],
  },
  {
    module: 'O',
    id: 'interoperability',
    name: 'Interoperability',
    weight: 2,
    requirements: [
      ['interop-strategy', 3],
      ['integration-guidance', 1],
      ['open-standards', 3],
    ],
  },
  {
    module: 'O',
    id: 'monitoring-and-auditing',
    name: 'Monitoring and auditing',
    weight: 2,
    requirements: [
      ['logging-requirements', 4],
      ['log-collection', 4],
      ['audit-trail', 5],
      ['event-monitoring', 5],
      ['critical-event-alerting', 3],
      ['log-review', 2],
    ],
  },
  {
    module: 'R',
    id: 'sourcing',
    name: 'Sourcing',
    weight: 4,
    requirements: [
      ['resource-identification', 5],
      ['resource-definition', 3],
      ['resource-availability', 4],
      ['resource-review', 3],
    ],
  },
  {
    module: 'R',
    id: 'knowledge-and-training',
    name: 'Knowledge and training',
    weight: 3,
    requirements: [
      ['training-plan', 2],
      ['personnel-training', 2],
      ['security-awareness-training', 2],
      ['education-plan', 1],
      ['knowledge-review', 2],
    ],
  },
  {
    module: 'R',
    id: 'awareness',
    name: 'Awareness',
    weight: 3,
    requirements: [
      ['awareness-plan', 2],
      ['pki-disclosure', 2],
      ['single-point-of-contact', 1],
      ['timely-communication', 2],
    ],
  },
];

const MODULE_NAMES: Record<ModuleId, string> = {
  G: 'Governance',
  M: 'Management',
  O: 'Operations',
  R: 'Resources',
};
const LEVEL_NAMES_2 = ['Initial', 'Foundational', 'Advanced', 'Managed', 'Optimized'];
const LEVEL_NAMES_1 = ['Initial', 'Basic', 'Advanced', 'Managed', 'Optimized'];

function buildModel(version: '1.0.0' | '2.0.0'): Model {
  const v2 = version === '2.0.0';
  const levelNames = v2 ? LEVEL_NAMES_2 : LEVEL_NAMES_1;
  let number = 0;
  const modules = (['G', 'M', 'O', 'R'] as const).map((moduleId) => {
    const categories: Category[] = [];
    for (const facts of FACTS.filter((c) => c.module === moduleId && (v2 || !c.newIn2))) {
      number += 1;
      const id = v2 ? facts.id : String(number);
      const key = `${moduleId}.${id}`;
      const kept = facts.requirements.filter(([, , removed]) => !(v2 && removed));
      categories.push({
        id,
        key,
        position: `${moduleId}.${number}`,
        moduleId,
        weight: facts.weight,
        name: facts.name,
        description: `${facts.name} (test model)`,
        levels: levelNames.map((name, i) => ({
          number: (i + 1) as LevelNumber,
          name,
          description: `${facts.name} at level ${i + 1}`,
        })),
        requirements: kept.map(([reqId, weight], i) => {
          const localId = v2 ? reqId : String(i + 1);
          return {
            id: localId,
            key: `${key}.${localId}`,
            position: `${moduleId}.${number}.${i + 1}`,
            weight,
            name: reqId,
            guidance: '',
            assessment: '',
            references: [],
          };
        }),
      });
    }
    return { id: moduleId, name: MODULE_NAMES[moduleId], description: '', categories };
  });
  return {
    id: 'pkimm',
    version,
    schemaVersion: version,
    origin: 'bundled',
    levels: levelNames.map((name, i) => ({
      number: (i + 1) as LevelNumber,
      name,
      meaning: '',
      indicators: [],
      risks: '',
    })),
    modules,
    references: [],
  };
}

export const tinyModel2 = buildModel('2.0.0');
export const tinyModel1 = buildModel('1.0.0');

/** A registry over the in-memory models, shaped like the real ModelRegistry. */
export const tinyRegistry = {
  get(id: string, version: string): Promise<Model> {
    const model =
      id === 'pkimm' && version === '2.0.0'
        ? tinyModel2
        : id === 'pkimm' && version === '1.0.0'
          ? tinyModel1
          : undefined;
    if (model) return Promise.resolve(model);
    return Promise.reject(
      new PkimmError('MODEL_NOT_FOUND', `no model ${id} ${version} (known: pkimm 1.0.0, 2.0.0)`),
    );
  },
};
