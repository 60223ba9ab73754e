/** The API contract as the browser sees it. Assessment shapes come from the server's zod schemas. */
import type { z } from 'zod';
import type { AnswerChangeBody } from '../../server/routes/assessments/answer-schema.js';
import type {
  AnswerResultSchema,
  AssessmentSchema,
  CreateBody,
  MetadataBody,
  SummarySchema,
} from '../../server/routes/assessments/assessment-schemas.js';
import type { EvidenceSchema } from '../../server/routes/assessments/evidence-schemas.js';
import type { ScoreSchema } from '../../server/routes/assessments/score-schema.js';
import type { AttestationSchema } from '../../server/attestations/attestation-schemas.js';
import type { ImportReportSchema } from '../../server/routes/exchange-schemas.js';

export type Role = 'owner' | 'assessor' | 'contributor' | 'viewer';

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}

export interface Organisation {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
  role: Role;
}

export interface Me {
  user: User;
  organisations: Organisation[];
  assessments: { id: string; title: string; role: Role }[];
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  since: string;
}

export interface ModelRef {
  id: string;
  version: string;
}

export type AssessmentRecord = z.output<typeof AssessmentSchema>;
export type AssessmentSummary = z.output<typeof SummarySchema>;
export type CreateAssessmentBody = z.input<typeof CreateBody>;
export type MetadataChange = z.input<typeof MetadataBody>;
export type AnswerChange = z.input<typeof AnswerChangeBody>;
export type AnswerResult = z.output<typeof AnswerResultSchema>;
export type ServerScore = z.output<typeof ScoreSchema>;
export type Evidence = z.output<typeof EvidenceSchema>;
export type Attestation = z.output<typeof AttestationSchema>;

/** What an import into an existing assessment changed (POST /assessments/{id}/import). */
export type ImportReport = z.output<typeof ImportReportSchema>;
