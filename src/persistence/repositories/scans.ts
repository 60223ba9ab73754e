import type { Kysely } from 'kysely';
import type { Database, ScanSuggestionTable } from '../schema.js';
import { insertEvidence, type NewEvidence } from './assessments/evidence.js';

export type SuggestionStatus = ScanSuggestionTable['status'];

export interface SuggestionRecord {
  id: string;
  orgId: string;
  assessmentId: string;
  scanId: string;
  requirement: string;
  rule: string;
  level: number;
  reasoning: string[];
  status: SuggestionStatus;
  decidedLevel: number | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export type NewSuggestion = Omit<SuggestionRecord, 'status' | 'decidedLevel' | 'decidedBy' | 'decidedAt'>;

function toRecord(row: ScanSuggestionTable): SuggestionRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    assessmentId: row.assessment_id,
    scanId: row.evidence_id,
    requirement: row.requirement_key,
    rule: row.rule,
    level: Number(row.level),
    reasoning: JSON.parse(row.reasoning) as string[],
    status: row.status,
    decidedLevel: row.decided_level === null ? null : Number(row.decided_level),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}

/** Stores a scan's evidence item and its suggestions together: both or neither. */
export async function insertScan(
  db: Kysely<Database>,
  evidence: NewEvidence,
  suggestions: NewSuggestion[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertEvidence(trx, evidence);
    if (suggestions.length === 0) return;
    await trx
      .insertInto('scan_suggestions')
      .values(
        suggestions.map((s) => ({
          id: s.id,
          org_id: s.orgId,
          assessment_id: s.assessmentId,
          evidence_id: s.scanId,
          requirement_key: s.requirement,
          rule: s.rule,
          level: s.level,
          reasoning: JSON.stringify(s.reasoning),
          status: 'open' as const,
          decided_level: null,
          decided_by: null,
          decided_at: null,
          created_at: s.createdAt,
        })),
      )
      .execute();
  });
}

/** An assessment's suggestions: open ones first, then by scan time (newest first) and requirement. */
export async function listSuggestions(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<SuggestionRecord[]> {
  const rows = await db
    .selectFrom('scan_suggestions')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at', 'desc')
    .orderBy('requirement_key')
    .orderBy('rule')
    .execute();
  const records = rows.map(toRecord);
  return [...records.filter((r) => r.status === 'open'), ...records.filter((r) => r.status !== 'open')];
}

export async function getSuggestion(db: Kysely<Database>, id: string): Promise<SuggestionRecord | undefined> {
  const row = await db.selectFrom('scan_suggestions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Records a decision on a still-open suggestion; false when someone decided it first. */
export async function decideSuggestion(
  db: Kysely<Database>,
  id: string,
  decision: { status: Exclude<SuggestionStatus, 'open'>; level: number | null; by: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('scan_suggestions')
    .set({
      status: decision.status,
      decided_level: decision.level,
      decided_by: decision.by,
      decided_at: decision.at,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
