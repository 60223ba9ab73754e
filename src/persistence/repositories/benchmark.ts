import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { SyntheticSubmission } from '../../core/benchmark/synthetic.js';
import type { Database } from '../schema.js';

export const LOCAL_POOL = 'local';

export interface SubmissionRow {
  pool: string;
  orgHash: string;
  modelVersion: string;
  quarter: string;
  profile: { industry: string; size: string; region: string; role: string; cas: string };
  type: string;
  levels: Record<string, number | 'n/a'>;
  synthetic: boolean;
  submittedAt: string;
}

/** Which submissions a comparison looks at: profile codes (absent = any) and assessment types. */
export interface PoolFilter {
  pool: string;
  modelVersion: string;
  profile: Partial<SubmissionRow['profile']>;
  types: readonly string[];
}

/** Stores a submission, replacing that organisation's earlier one; true when one was replaced. */
export async function upsertSubmission(db: Kysely<Database>, row: SubmissionRow): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('benchmark_submissions')
      .select('org_hash')
      .where('pool', '=', row.pool)
      .where('org_hash', '=', row.orgHash)
      .where('model_version', '=', row.modelVersion)
      .executeTakeFirst();
    const values = {
      quarter: row.quarter,
      ...row.profile,
      type: row.type,
      levels: JSON.stringify(row.levels),
      synthetic: row.synthetic ? 1 : 0,
      submitted_at: row.submittedAt,
    };
    await tx
      .insertInto('benchmark_submissions')
      .values({ pool: row.pool, org_hash: row.orgHash, model_version: row.modelVersion, ...values })
      .onConflict((oc) => oc.columns(['pool', 'org_hash', 'model_version']).doUpdateSet(values))
      .execute();
    return existing !== undefined;
  });
}

/** Many synthetic rows at once (the generator and the bench), in chunks both databases accept. */
export async function insertSubmissions(db: Kysely<Database>, rows: readonly SubmissionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((row) => ({
      pool: row.pool,
      org_hash: row.orgHash,
      model_version: row.modelVersion,
      quarter: row.quarter,
      ...row.profile,
      type: row.type,
      levels: JSON.stringify(row.levels),
      synthetic: row.synthetic ? 1 : 0,
      submitted_at: row.submittedAt,
    }));
    await db
      .insertInto('benchmark_submissions')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['pool', 'org_hash', 'model_version']).doUpdateSet((eb) => ({
          quarter: eb.ref('excluded.quarter'),
          industry: eb.ref('excluded.industry'),
          size: eb.ref('excluded.size'),
          region: eb.ref('excluded.region'),
          role: eb.ref('excluded.role'),
          cas: eb.ref('excluded.cas'),
          type: eb.ref('excluded.type'),
          levels: eb.ref('excluded.levels'),
          synthetic: eb.ref('excluded.synthetic'),
          submitted_at: eb.ref('excluded.submitted_at'),
        })),
      )
      .execute();
  }
}

/** Stores a generated pool in the local pool, every row flagged synthetic (the CLI and the bench). */
export async function insertSyntheticPool(
  db: Kysely<Database>,
  pool: readonly SyntheticSubmission[],
  at: Date,
): Promise<void> {
  await insertSubmissions(
    db,
    pool.map(({ orgHash, payload }) => ({
      pool: LOCAL_POOL,
      orgHash,
      modelVersion: payload.modelVersion,
      quarter: payload.quarter,
      profile: payload.profile,
      type: payload.type,
      levels: payload.levels,
      synthetic: true,
      submittedAt: at.toISOString(),
    })),
  );
}

export async function deleteSubmission(
  db: Kysely<Database>,
  pool: string,
  orgHash: string,
  modelVersion: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('benchmark_submissions')
    .where('pool', '=', pool)
    .where('org_hash', '=', orgHash)
    .where('model_version', '=', modelVersion)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listOwnSubmissions(db: Kysely<Database>, pool: string, orgHash: string) {
  const rows = await db
    .selectFrom('benchmark_submissions')
    .selectAll()
    .where('pool', '=', pool)
    .where('org_hash', '=', orgHash)
    .orderBy('model_version')
    .execute();
  return rows.map(toRow);
}

function filtered<O>(
  query: SelectQueryBuilder<Database, 'benchmark_submissions', O>,
  filter: PoolFilter,
): SelectQueryBuilder<Database, 'benchmark_submissions', O> {
  let q = query.where('pool', '=', filter.pool).where('model_version', '=', filter.modelVersion);
  for (const [field, code] of Object.entries(filter.profile))
    if (code !== undefined) q = q.where(field as 'industry', '=', code);
  return q.where('type', 'in', [...filter.types]);
}

export async function countSubmissions(db: Kysely<Database>, filter: PoolFilter): Promise<number> {
  const row = await filtered(
    db.selectFrom('benchmark_submissions').select(sql<number>`count(*)`.as('n')),
    filter,
  ).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The group's levels and types; nothing else leaves the table for a comparison. */
export async function groupSubmissions(db: Kysely<Database>, filter: PoolFilter) {
  const rows = await filtered(
    db.selectFrom('benchmark_submissions').select(['type', 'levels', 'synthetic']),
    filter,
  ).execute();
  return rows.map((row) => ({
    type: row.type,
    levels: JSON.parse(row.levels) as Record<string, number | 'n/a'>,
    synthetic: row.synthetic === 1,
  }));
}

/** The stored secret, or `candidate` stored if there is none; concurrent first calls agree. */
export async function benchmarkSecretOnce(
  db: Kysely<Database>,
  candidate: string,
  at: string,
): Promise<string> {
  await db
    .insertInto('benchmark_secrets')
    .values({ id: 'hmac', secret: candidate, created_at: at })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db
    .selectFrom('benchmark_secrets')
    .select('secret')
    .where('id', '=', 'hmac')
    .executeTakeFirstOrThrow();
  return row.secret;
}

function toRow(
  row: Database['benchmark_submissions'] extends infer T ? { [K in keyof T]: T[K] } : never,
): SubmissionRow {
  return {
    pool: row.pool,
    orgHash: row.org_hash,
    modelVersion: row.model_version,
    quarter: row.quarter,
    profile: { industry: row.industry, size: row.size, region: row.region, role: row.role, cas: row.cas },
    type: row.type,
    levels: JSON.parse(row.levels) as SubmissionRow['levels'],
    synthetic: row.synthetic === 1,
    submittedAt: row.submitted_at,
  };
}
