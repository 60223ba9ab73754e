/**
 * The request and response shapes of the accounts API, shared by its routes and published in
 * the OpenAPI document. Response schemas carry no transforms (they would show as `{}` there);
 * zod objects drop unknown keys on output, so a password hash could never slip into a reply.
 */
import { z } from 'zod';
import { TOKEN_SCOPES, type TokenScope } from '../../auth/principal.js';
import { MAX_PASSWORD_LENGTH } from '../../../core/access/password-rule.js';

export const RoleSchema = z.enum(['owner', 'assessor', 'contributor', 'viewer']);
export const GrantRoleSchema = z.enum(['assessor', 'viewer']);
export const ScopeSchema = z.enum(TOKEN_SCOPES as readonly [TokenScope, ...TokenScope[]]);

/** Input emails are trimmed and lower-cased before the format check, as accounts store them. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .check(z.email({ error: 'must be an email address' }));

export const PasswordSchema = z.string().min(1, 'must not be empty').max(MAX_PASSWORD_LENGTH);
export const Timestamp = z.string().describe('ISO-8601 date and time, UTC');
export const IdParam = z.string().min(1).max(100);

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  createdAt: Timestamp,
});

export const OrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  createdAt: Timestamp,
  role: RoleSchema.describe('your role in it'),
});

export const MemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  since: Timestamp,
});

export const GrantSchema = z.object({
  assessmentId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  createdAt: Timestamp,
});

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  scopes: z.array(ScopeSchema),
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable().describe('recorded at most once a minute'),
  revokedAt: Timestamp.nullable(),
});

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  actorUserId: z.string().nullable(),
  event: z.string(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  at: Timestamp,
});

export const NoContent = z.null().describe('no content');

/** Both ways in, for the OpenAPI document. */
export const SECURITY = [{ session: [] }, { token: [] }];
export const SESSION_ONLY = [{ session: [] }];
