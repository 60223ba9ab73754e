import type { Assessment, AssessorDetails } from '../assessment/assessment.types.js';
import type { LevelValue, ScoreReport } from '../scoring/score.types.js';
import {
  ATTESTATION_TYPE,
  ATTESTATION_VERSION,
  TRUST_LEVEL,
  type AttestationPayload,
  type AttestedLevel,
  type SignOffClaim,
} from './payload.js';

export interface PayloadInput {
  /** A fresh UUID: the attestation's own id (the caller draws it; core has no randomness). */
  id: string;
  issuedAt: Date;
  assessment: Assessment;
  score: ScoreReport;
  /** The signing certificate's subject. */
  issuer: string;
  /** Set when a four-eyes sign-off issues the attestation. */
  signOff?: SignOffClaim;
}

/**
 * What an attestation says about an assessment: who assessed what, how, against which model
 * version, and the levels the core engine computed. An assessment without a `type` is a
 * self-assessment (the methodology's default, and the lowest trust).
 */
export function buildAttestationPayload(input: PayloadInput): AttestationPayload {
  const { assessment, score } = input;
  const type = assessment.type ?? 'self';
  const issuedAt = input.issuedAt.toISOString();
  const assessor = assessorOf(assessment.assessor);
  return {
    id: input.id,
    type: ATTESTATION_TYPE,
    version: ATTESTATION_VERSION,
    issuedAt,
    assessment: {
      ...(assessment.id === undefined || assessment.id === '' ? {} : { id: assessment.id }),
      name: assessment.title,
      ...(assessment.organisation ? { organisation: assessment.organisation } : {}),
      type,
      trustLevel: TRUST_LEVEL[type],
      ...(assessor ? { assessor } : {}),
      date: assessment.dates?.finish ?? assessment.dates?.start ?? issuedAt.slice(0, 10),
      modelId: assessment.model.id,
      modelVersion: assessment.model.version,
      mode: assessment.mode,
    },
    levels: {
      overall: level(score.overall),
      modules: score.modules.map((m) => ({ id: m.id, ...level(m) })),
      categories: score.categories.map((c) => ({ key: c.key, module: c.moduleId, ...level(c) })),
    },
    issuer: input.issuer,
    ...(input.signOff ? { signOff: input.signOff } : {}),
  };
}

function level(value: LevelValue): AttestedLevel {
  return { raw: value.raw, level: value.level, name: value.levelName };
}

/** Only the fields that are set: canonical JSON refuses `undefined`. */
function assessorOf(details: AssessorDetails | undefined): AttestationPayload['assessment']['assessor'] {
  if (!details) return undefined;
  const result = {
    ...(details.name ? { name: details.name } : {}),
    ...(details.company ? { company: details.company } : {}),
    ...(details.position ? { position: details.position } : {}),
  };
  return Object.keys(result).length > 0 ? result : undefined;
}
