/**
 * What a report is built from. Everything is plain data that the CLI and the server each
 * gather in their own way (a file and an optional JWS, or the database); the builder never
 * reads files, the clock or the network.
 */
import type { Assessment } from '../core/assessment/assessment.types.js';
import type { CrosswalkView } from '../core/crosswalk/crosswalk-view.js';
import type { Model } from '../core/model/model.types.js';
import { scoreAssessment } from '../core/scoring/score-assessment.js';
import type { ScoreReport } from '../core/scoring/score.types.js';

export const REPORT_TYPES = ['self', 'assessment', 'detailed', 'attestation'] as const;
/** self: the self-assessment summary; assessment: for management; detailed: for the PKI team; attestation: for relying parties. */
export type ReportType = (typeof REPORT_TYPES)[number];

export const REPORT_LANGUAGES = ['en', 'de'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const REPORT_FORMATS = ['pdf', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The verification reference of a signed attestation (see the attestation contract). */
export interface AttestationReference {
  id: string;
  /** `sha256:` + lowercase hex over the JWS payload bytes. */
  digest: string;
  issuedAt: string;
  /** The signing certificate's subject, when known. */
  issuer?: string;
}

/** One action towards a better level. Filled by the action-plan feature; reports only render them. */
export interface ActionPlan {
  title: string;
  /** The category or requirement key it is about. */
  target?: string;
  owner?: string;
  due?: string;
  status?: string;
  description?: string;
}

/** Stored evidence items (server only), by requirement key; the file's own `evidence` text comes from the answer. */
export type EvidenceByRequirement = ReadonlyMap<string, readonly string[]>;

/** A rating that came from an automated scan's suggestion, accepted unchanged and still current. */
export interface ScanSuggestedRating {
  requirement: string;
  level: number;
  rule: string;
  decidedAt: string;
}

export interface ReportInput {
  assessment: Assessment;
  model: Model;
  /** The scoring engine's result for `assessment` against `model`; the report shows exactly these levels. */
  score: ScoreReport;
  /** An earlier assessment to compare with (detailed report). */
  previous?: { assessment: Assessment; score: ScoreReport };
  attestation?: AttestationReference;
  actionPlans?: readonly ActionPlan[];
  evidence?: EvidenceByRequirement;
  /** Server only: which ratings came from accepted scan suggestions. */
  suggestedRatings?: readonly ScanSuggestedRating[];
  /** Crosswalk views chosen for the detailed report, computed by the caller (src/core/crosswalk). */
  crosswalks?: readonly CrosswalkView[];
  language: ReportLanguage;
  /** When the report is generated (ISO timestamp), printed on it and used as the PDF date. */
  generatedAt: string;
}

/** An assessment with the model it is scored against. */
export interface Scorable {
  assessment: Assessment;
  model: Model;
}

/**
 * The report input from unscored parts: the assessment and the previous one are scored here,
 * so the CLI and the server cannot differ in how a report's levels come about.
 */
export function scoredReportInput(
  parts: Scorable &
    Omit<ReportInput, 'score' | 'previous' | 'attestation' | 'evidence'> & {
      previous?: Scorable | undefined;
      attestation?: AttestationReference | undefined;
      evidence?: EvidenceByRequirement | undefined;
    },
): ReportInput {
  const { previous, attestation, evidence, ...rest } = parts;
  return {
    ...rest,
    score: scoreAssessment(parts.model, parts.assessment),
    ...(previous
      ? { previous: { assessment: previous.assessment, score: scoreAssessment(previous.model, previous.assessment) } }
      : {}),
    ...(attestation ? { attestation } : {}),
    ...(evidence ? { evidence } : {}),
  };
}
