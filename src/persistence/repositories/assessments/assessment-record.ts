import type { AssessmentTable } from '../../schema.js';

export type AssessmentStatus = AssessmentTable['status'];

/**
 * An assessment as the service layer sees it: camelCase fields and the document already
 * parsed from its JSON column. The columns next to the document (title, model, mode, type)
 * are copies kept for listing; the document is the truth.
 */
export interface AssessmentRecord {
  id: string;
  orgId: string;
  title: string;
  modelId: string;
  modelVersion: string;
  mode: string;
  type: string | null;
  status: AssessmentStatus;
  version: number;
  document: unknown;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The columns a change may rewrite besides the document. */
export interface AssessmentColumns {
  title?: string;
  type?: string | null;
  mode?: string;
  status?: AssessmentStatus;
}

export function toAssessmentRecord(row: AssessmentTable): AssessmentRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    title: row.title,
    modelId: row.model_id,
    modelVersion: row.model_version,
    mode: row.mode,
    type: row.type,
    status: row.status,
    // PostgreSQL returns integers as numbers here (int4), but be explicit for bigint drivers.
    version: Number(row.version),
    document: JSON.parse(row.document) as unknown,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
