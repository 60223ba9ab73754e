import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, Database } from '../../schema.js';

/** An API token without its secret; only the sha256 of the secret is ever stored. */
export interface ApiToken {
  id: string;
  userId: string;
  orgId: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token found by its hash, with the owner's email for the principal. */
export interface ApiTokenOwner {
  token: ApiToken;
  email: string;
}

type Row = Omit<Selectable<ApiTokenTable>, 'token_hash'>;
const COLUMNS = [
  'api_tokens.id',
  'api_tokens.user_id',
  'api_tokens.org_id',
  'api_tokens.name',
  'api_tokens.scopes',
  'api_tokens.created_at',
  'api_tokens.expires_at',
  'api_tokens.last_used_at',
  'api_tokens.revoked_at',
] as const;

function toApiToken(row: Row): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    orgId: row.org_id,
    name: row.name,
    scopes: parseScopes(row.scopes),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** The column holds a JSON array; anything else in it grants nothing rather than failing the request. */
function parseScopes(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

export async function insertApiToken(
  db: Kysely<Database>,
  input: {
    tokenHash: string;
    userId: string;
    orgId: string;
    name: string;
    scopes: readonly string[];
    at: Date;
    expiresAt: Date | null;
  },
): Promise<ApiToken> {
  const row = {
    id: randomUUID(),
    token_hash: input.tokenHash,
    user_id: input.userId,
    org_id: input.orgId,
    name: input.name,
    scopes: JSON.stringify(input.scopes),
    created_at: input.at.toISOString(),
    expires_at: input.expiresAt?.toISOString() ?? null,
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return toApiToken(row);
}

export async function findApiTokenByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ApiTokenOwner | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([...COLUMNS, 'users.email'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && { token: toApiToken(row), email: row.email };
}

export async function findApiToken(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<ApiToken | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toApiToken(row);
}

/** A user's tokens for one organisation, newest first. */
export async function listApiTokens(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toApiToken);
}

/**
 * Records a use, but only when the last recorded use is older than `usedBefore`; the
 * condition is in the statement so concurrent requests agree on which one wrote (and audits).
 */
export async function markApiTokenUsed(
  db: Kysely<Database>,
  id: string,
  now: Date,
  usedBefore: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ last_used_at: now.toISOString() })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', usedBefore.toISOString())]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Revokes a token; revoking one already revoked keeps the first time. */
export async function revokeApiToken(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** A member who leaves an organisation takes no working token for it along. */
export async function revokeMemberApiTokens(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at.toISOString() })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
