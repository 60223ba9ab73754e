import { z } from 'zod';

/**
 * The signed content of an attestation (docs/attestations.md). Relying parties read these keys,
 * so they are only ever added to, never renamed; `version` changes if their meaning does.
 */
export const ATTESTATION_TYPE = 'pkimm-attestation';
export const ATTESTATION_VERSION = 1;

/** The methodology's trust in each assessment method. */
export const TRUST_LEVEL = { self: 'low', formal: 'medium', 'third-party': 'high' } as const;

const Level = z.object({
  /** The full-precision weighted average; null when nothing was rated. */
  raw: z.number().nullable(),
  /** The reported level: floor(raw), never rounded up. */
  level: z.number().int().min(1).max(5).nullable(),
  name: z.string().nullable(),
});

// As the assessment file gives it (YYYY-MM-DD in our format); not re-validated here.
const AssessmentDate = z.string().min(1);

/** Someone named in a sign-off: the account id and the display name at signing time. */
const Person = z.strictObject({ id: z.string().min(1), name: z.string() });

/**
 * Present when the attestation was issued by a four-eyes sign-off (docs/assurance.md): who
 * assessed, who approved, and the final version that was frozen.
 */
const SignOff = z.strictObject({
  at: z.iso.datetime(),
  version: z.number().int().min(1),
  assessors: z.array(Person),
  approvers: z.array(Person).min(1),
});

export const AttestationPayloadSchema = z.strictObject({
  id: z.uuid(),
  type: z.literal(ATTESTATION_TYPE),
  version: z.literal(ATTESTATION_VERSION),
  issuedAt: z.iso.datetime(),
  assessment: z.strictObject({
    id: z.string().min(1).optional(),
    name: z.string(),
    organisation: z.string().optional(),
    type: z.enum(['self', 'formal', 'third-party']),
    trustLevel: z.enum(['low', 'medium', 'high']),
    assessor: z
      .strictObject({
        name: z.string().optional(),
        company: z.string().optional(),
        position: z.enum(['internal', 'external']).optional(),
      })
      .optional(),
    /** When the assessment was finished (or started, when no finish date is set). */
    date: AssessmentDate,
    modelId: z.string().min(1),
    modelVersion: z.string().min(1),
    mode: z.enum(['self', 'full']),
  }),
  levels: z.strictObject({
    overall: Level,
    modules: z.array(Level.extend({ id: z.string() }).strict()),
    categories: z.array(Level.extend({ key: z.string(), module: z.string() }).strict()),
  }),
  /** The subject of the signing certificate, RFC 4514 style (`CN=…, O=…`). */
  issuer: z.string().min(1),
  signOff: SignOff.optional(),
});

export type AttestationPayload = z.infer<typeof AttestationPayloadSchema>;
export type AttestedLevel = z.infer<typeof Level>;
export type SignOffClaim = z.infer<typeof SignOff>;

/** What a report prints of an attestation, so a reader can look it up and check it. */
export interface AttestationSummary {
  id: string;
  /** `sha256:` + hex over the payload bytes. */
  digest: string;
  issuedAt: string;
  /** The signing certificate's subject. */
  issuer: string;
}
