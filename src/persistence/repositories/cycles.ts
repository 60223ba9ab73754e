import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { insertNewAssessment, type NewAssessment } from './assessments/assessments.js';

/** The scope of assessments that were never given one: one scope per organisation. */
export const DEFAULT_SCOPE = 'default';

export interface CycleRecord {
  assessmentId: string;
  orgId: string;
  scopeKey: string;
  baselineId: string | null;
  /** YYYY-MM-DD, or null for the default. */
  reminderOn: string | null;
  /** The assessment whose Governance and Resources answers this one uses, if any. */
  sharedSourceId: string | null;
}

/** The assessment's cycle data; an assessment without a row is in the default scope. */
export async function getCycle(
  db: Kysely<Database>,
  assessmentId: string,
  orgId: string,
): Promise<CycleRecord> {
  const row = await db
    .selectFrom('assessment_cycles')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  return row ? toRecord(row) : defaultCycle(assessmentId, orgId);
}

/** What an assessment without a stored row has: the default scope and nothing else. */
export function defaultCycle(assessmentId: string, orgId: string): CycleRecord {
  return {
    assessmentId,
    orgId,
    scopeKey: DEFAULT_SCOPE,
    baselineId: null,
    reminderOn: null,
    sharedSourceId: null,
  };
}

/** Every assessment's cycle data in an organisation, by assessment id (rows only where one was stored). */
export async function listCycles(db: Kysely<Database>, orgId: string): Promise<Map<string, CycleRecord>> {
  const rows = await db.selectFrom('assessment_cycles').selectAll().where('org_id', '=', orgId).execute();
  return new Map(rows.map((row) => [row.assessment_id, toRecord(row)]));
}

export async function saveCycle(db: Kysely<Database>, cycle: CycleRecord, at: string): Promise<void> {
  const values = {
    scope_key: cycle.scopeKey,
    baseline_id: cycle.baselineId,
    reminder_on: cycle.reminderOn,
    shared_source_id: cycle.sharedSourceId,
    updated_at: at,
  };
  await db
    .insertInto('assessment_cycles')
    .values({ assessment_id: cycle.assessmentId, org_id: cycle.orgId, ...values })
    .onConflict((oc) => oc.column('assessment_id').doUpdateSet(values))
    .execute();
}

/**
 * Copies an assessment's evidence items (bytes included) to another assessment, keeping each
 * item's original date and author so its age stays visible. Returns how many were copied.
 */
export async function copyEvidence(
  db: Kysely<Database>,
  fromAssessmentId: string,
  toAssessmentId: string,
): Promise<number> {
  const rows = await db
    .selectFrom('evidence')
    .selectAll()
    .where('assessment_id', '=', fromAssessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    await db
      .insertInto('evidence')
      .values({ ...row, id: randomUUID(), assessment_id: toAssessmentId })
      .execute();
  }
  return rows.length;
}

/**
 * Stores the next cycle in one transaction: the new assessment at version 1 with its first
 * revision, its cycle row pointing at the previous assessment, and copies of the previous
 * evidence. Either all of it is stored or none.
 */
export async function insertNextCycle(
  db: Kysely<Database>,
  input: { assessment: Omit<NewAssessment, 'idempotency'>; cycle: CycleRecord; fromAssessmentId: string },
): Promise<number> {
  const a = input.assessment;
  return db.transaction().execute(async (trx) => {
    await insertNewAssessment(trx, a);
    await saveCycle(trx, input.cycle, a.at);
    return copyEvidence(trx, input.fromAssessmentId, a.id);
  });
}

/** The organisation's stored scope weights (scopes without a row weigh 1). */
export async function listScopeWeights(db: Kysely<Database>, orgId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('portfolio_scopes')
    .select(['scope_key', 'weight'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(rows.map((row) => [row.scope_key, Number(row.weight)]));
}

export async function saveScopeWeights(
  db: Kysely<Database>,
  orgId: string,
  weights: Record<string, number>,
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [scopeKey, weight] of Object.entries(weights)) {
      await trx
        .insertInto('portfolio_scopes')
        .values({ org_id: orgId, scope_key: scopeKey, weight, updated_at: at })
        .onConflict((oc) => oc.columns(['org_id', 'scope_key']).doUpdateSet({ weight, updated_at: at }))
        .execute();
    }
  });
}

function toRecord(row: {
  assessment_id: string;
  org_id: string;
  scope_key: string;
  baseline_id: string | null;
  reminder_on: string | null;
  shared_source_id: string | null;
}): CycleRecord {
  return {
    assessmentId: row.assessment_id,
    orgId: row.org_id,
    scopeKey: row.scope_key,
    baselineId: row.baseline_id,
    reminderOn: row.reminder_on,
    sharedSourceId: row.shared_source_id,
  };
}

/** Whether any assessment takes its shared answers from this one. */
export async function isSharedSource(db: Kysely<Database>, assessmentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('assessment_cycles')
    .select('assessment_id')
    .where('shared_source_id', '=', assessmentId)
    .executeTakeFirst();
  return row !== undefined;
}
