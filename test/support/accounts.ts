/**
 * Accounts for API tests: users created straight through the repository (no admin needed),
 * signed in through the real route, organisations and members through the API. Every
 * sign-in comes from its own client address, so the per-address sign-in rate limit never
 * trips in a test that signs many users in.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ModelRegistry } from '../../src/model-loader/registry.js';
import type { DatabaseHandle } from '../../src/persistence/database.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { ErrorBody } from '../../src/server/error-handler.js';
import type {
  ApiTokenSchema,
  AuditEntrySchema,
  GrantSchema,
  MemberSchema,
  OrganisationSchema,
  UserSchema,
} from '../../src/server/routes/accounts/schemas.js';
import { insertUser } from '../../src/persistence/repositories/accounts/users.js';
import type { Role } from '../../src/persistence/schema.js';
import type { TokenScope } from '../../src/server/auth/principal.js';
import { hashPassword } from '../../src/server/auth/passwords.js';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

export interface SignedUp {
  userId: string;
  email: string;
  /** The `cookie` header value: `pkimm_session=…`. */
  cookie: string;
}

export type OrgWithRoles = { orgId: string } & Record<Role, SignedUp>;

/** A clock tests move by hand (session expiry, lockout, once-a-minute writes). */
export interface TestClock {
  now: () => Date;
  advance: (ms: number) => void;
}

export function testClock(start = '2026-03-01T09:00:00.000Z'): TestClock {
  let at = new Date(start).getTime();
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

/** The app on a test database with its own PKIMM_HOME, quiet logs and the given clock and environment. */
export async function buildTestApp(
  database: DatabaseHandle,
  clock: TestClock = testClock(),
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const home = mkdtempSync(join(tmpdir(), 'pkimm-app-'));
  return buildApp({
    config: loadConfig({ PKIMM_HOME: home, ...env }),
    database,
    registry: new ModelRegistry({ dataDir: home }),
    logger: false,
    now: clock.now,
  });
}

// argon2 is slow on purpose; hash the shared default password once per test process.
let defaultHash: Promise<string> | undefined;
let addresses = 0;

/** A client address no other helper call has used (light-my-request lets tests pick one). */
export function freshAddress(): string {
  addresses += 1;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
}

/** The Origin header value a cookie-authenticated write must carry (the CSRF check). */
export function origin(app: FastifyInstance): string {
  const first = app.deps.config.allowedOrigins[0];
  if (first === undefined) throw new Error('the test config allows no origin');
  return first;
}

/** Headers for a cookie-authenticated request that passes the CSRF check. */
export function as(app: FastifyInstance, who: { cookie: string }): { cookie: string; origin: string } {
  return { cookie: who.cookie, origin: origin(app) };
}

/** Creates an account directly in the database and signs it in through POST /auth/sign-in. */
export async function signUp(
  app: FastifyInstance,
  input: { email: string; password?: string; admin?: boolean; name?: string },
): Promise<SignedUp> {
  const password = input.password ?? DEFAULT_PASSWORD;
  const passwordHash =
    password === DEFAULT_PASSWORD
      ? await (defaultHash ??= hashPassword(DEFAULT_PASSWORD))
      : await hashPassword(password);
  const user = await insertUser(app.deps.database.db, {
    email: input.email,
    name: input.name ?? input.email.split('@')[0] ?? input.email,
    passwordHash,
    isAdmin: input.admin === true,
    at: app.deps.now(),
  });
  return { userId: user.id, email: user.email, cookie: await signIn(app, user.email, password) };
}

/** Signs an existing account in and returns its `cookie` header value. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = DEFAULT_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    remoteAddress: freshAddress(),
  });
  const session = response.cookies.find((c) => c.name === 'pkimm_session');
  if (response.statusCode !== 200 || !session)
    throw new Error(`sign-in of ${email} failed: ${response.body}`);
  return `pkimm_session=${session.value}`;
}

export async function createOrg(app: FastifyInstance, ownerCookie: string, name: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/orgs',
    headers: as(app, { cookie: ownerCookie }),
    payload: { name },
  });
  if (response.statusCode !== 201) throw new Error(`creating organisation ${name} failed: ${response.body}`);
  return response.json<{ id: string }>().id;
}

export async function addMember(
  app: FastifyInstance,
  ownerCookie: string,
  orgId: string,
  email: string,
  role: Role,
): Promise<void> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/members`,
    headers: as(app, { cookie: ownerCookie }),
    payload: { email, role },
  });
  if (response.statusCode !== 201) throw new Error(`adding ${email} as ${role} failed: ${response.body}`);
}

/** An organisation with one signed-in member of each role; emails are `<role>@<label>.test`. */
export async function createOrgWithRoles(app: FastifyInstance, label: string): Promise<OrgWithRoles> {
  const owner = await signUp(app, { email: `owner@${label}.test` });
  const orgId = await createOrg(app, owner.cookie, `Organisation ${label}`);
  const others = {} as Record<Exclude<Role, 'owner'>, SignedUp>;
  for (const role of ['assessor', 'contributor', 'viewer'] as const) {
    others[role] = await signUp(app, { email: `${role}@${label}.test` });
    await addMember(app, owner.cookie, orgId, others[role].email, role);
  }
  return { orgId, owner, ...others };
}

/** Creates an API token for the signed-in user in an organisation; returns the secret and its id. */
export async function createToken(
  app: FastifyInstance,
  cookie: string,
  orgId: string,
  scopes: TokenScope[],
  options: { name?: string; expiresInDays?: number } = {},
): Promise<{ token: string; id: string }> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/tokens`,
    headers: as(app, { cookie }),
    payload: { name: options.name ?? 'test token', scopes, ...options },
  });
  if (response.statusCode !== 201) throw new Error(`creating a token failed: ${response.body}`);
  return response.json<{ token: string; id: string }>();
}

export type UserBody = z.infer<typeof UserSchema>;
export type OrgBody = z.infer<typeof OrganisationSchema>;
export type MemberBody = z.infer<typeof MemberSchema>;
export type TokenBody = z.infer<typeof ApiTokenSchema>;
export type AuditBody = z.infer<typeof AuditEntrySchema>;
export type GrantBody = z.infer<typeof GrantSchema>;
export interface MeBody {
  user: UserBody;
  organisations: OrgBody[];
  assessments: { id: string; title: string; role: string }[];
}

/** The error body of a failed response (see src/server/error-handler.ts). */
export function errorOf(response: { json: <T>() => T }): ErrorBody['error'] {
  return response.json<ErrorBody>().error;
}

/** The `authorization` header for an API token. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
