/** API tokens: shown once, stored hashed, bound to one organisation, limited by scopes and role, audited; on both databases. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/persistence/repositories/audit.js';
import {
  addMember,
  as,
  bearer,
  buildTestApp,
  createOrg,
  createOrgWithRoles,
  createToken,
  errorOf,
  signIn,
  signUp,
  testClock,
  type OrgWithRoles,
  type TokenBody,
  type SignedUp,
} from '../support/accounts.js';

import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe.each(DIALECTS)('accounts: API tokens on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const clock = testClock();
  let a: OrgWithRoles;
  let orgB: string;
  let newcomer: SignedUp;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildTestApp(database.handle, clock);
    a = await createOrgWithRoles(app, 'a');
    orgB = await createOrg(app, a.owner.cookie, 'B, also owned by a.owner');
    newcomer = await signUp(app, { email: 'newcomer@example.test' });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const withToken = (
    token: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });

  it('shows the secret once, stores only its hash, and never lists it', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${a.orgId}/tokens`,
      headers: as(app, a.owner),
      payload: { name: 'ci', scopes: ['assessments:read', 'assessments:read'], expiresInDays: 30 },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json<TokenBody & { token: string }>();
    expect(created).toMatchObject({
      name: 'ci',
      userId: a.owner.userId,
      scopes: ['assessments:read'],
      expiresAt: new Date(clock.now().getTime() + 30 * DAY).toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(created.token).toMatch(/^pkimm_[A-Za-z0-9_-]{43}$/);
    const rows = await database.handle.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(JSON.stringify(rows)).not.toContain(created.token.slice(6));
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${a.orgId}/tokens`,
      headers: as(app, a.owner),
    });
    expect(list.json<{ tokens: TokenBody[] }>().tokens.map((t) => t.id)).toContain(created.id);
    expect(list.body).not.toContain(created.token.slice(6));
    expect(list.body).not.toMatch(/"token"|hash/);
    const others = await app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${a.orgId}/tokens`,
      headers: as(app, a.viewer),
    });
    expect(others.json<{ tokens: TokenBody[] }>().tokens).toEqual([]);
  });

  it('refuses unknown scopes and empty scope lists', async () => {
    for (const scopes of [['admin'], []]) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${a.orgId}/tokens`,
        headers: as(app, a.owner),
        payload: { name: 'bad', scopes },
      });
      expect(response.statusCode).toBe(400);
    }
  });

  it('authenticates a request without any Origin check, bound to its own organisation', async () => {
    const { token } = await createToken(app, a.owner.cookie, a.orgId, ['members:read', 'members:write']);
    expect((await withToken(token, 'GET', `/orgs/${a.orgId}`)).json()).toMatchObject({
      id: a.orgId,
      role: 'owner',
    });
    expect(
      (await withToken(token, 'GET', '/orgs'))
        .json<{ organisations: { id: string }[] }>()
        .organisations.map((o) => o.id),
    ).toEqual([a.orgId]);
    // The owner of B is the same person, but a token of A sees nothing of B.
    expect((await withToken(token, 'GET', `/orgs/${orgB}`)).statusCode).toBe(404);
    expect((await withToken(token, 'GET', `/orgs/${orgB}/members`)).statusCode).toBe(404);
    const added = await withToken(token, 'POST', `/orgs/${a.orgId}/members`, {
      email: newcomer.email,
      role: 'viewer',
    });
    expect(added.statusCode).toBe(201);
  });

  it('refuses what the scopes do not cover with 403', async () => {
    const { token: readOnly } = await createToken(app, a.owner.cookie, a.orgId, ['members:read']);
    expect((await withToken(readOnly, 'GET', `/orgs/${a.orgId}/members`)).statusCode).toBe(200);
    const write = await withToken(readOnly, 'PATCH', `/orgs/${a.orgId}/members/${newcomer.userId}`, {
      role: 'assessor',
    });
    expect(write.statusCode).toBe(403);
    expect(errorOf(write).message).toBe('this API token lacks the members:write scope');
    const { token: assessmentsOnly } = await createToken(app, a.owner.cookie, a.orgId, ['assessments:read']);
    expect((await withToken(assessmentsOnly, 'GET', `/orgs/${a.orgId}/members`)).statusCode).toBe(403);
    expect((await withToken(assessmentsOnly, 'GET', `/orgs/${a.orgId}/audit`)).statusCode).toBe(403);
  });

  it("limits a token to its creator's role as well as its scopes", async () => {
    const { token } = await createToken(app, a.viewer.cookie, a.orgId, ['members:read', 'members:write']);
    const response = await withToken(token, 'DELETE', `/orgs/${a.orgId}/members/${newcomer.userId}`);
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).message).toMatch(/your role \(viewer\)/);
  });

  it('may not create organisations, tokens or accounts', async () => {
    const admin = await signUp(app, { email: 'admin@example.test', admin: true });
    await addMember(app, a.owner.cookie, a.orgId, admin.email, 'owner');
    const { token } = await createToken(app, admin.cookie, a.orgId, ['members:read', 'members:write']);
    expect((await withToken(token, 'POST', '/orgs', { name: 'Sneaky' })).statusCode).toBe(403);
    expect(
      (await withToken(token, 'POST', `/orgs/${a.orgId}/tokens`, { name: 'x', scopes: ['members:read'] }))
        .statusCode,
    ).toBe(403);
    expect((await withToken(token, 'GET', `/orgs/${a.orgId}/tokens`)).statusCode).toBe(403);
    const user = { email: 'made-by-token@example.test', name: 'X', password: 'a long enough password' };
    expect((await withToken(token, 'POST', '/users', user)).statusCode).toBe(403);
  });

  it('records a use at most once a minute, in last_used_at and the audit log', async () => {
    const { token, id } = await createToken(app, a.owner.cookie, a.orgId, ['members:read'], { name: 'cron' });
    const uses = async () =>
      (await listAudit(database.handle.db, a.orgId, { limit: 500, event: 'token.used' })).filter(
        (e) => e.detail['tokenId'] === id,
      );
    for (let i = 0; i < 3; i++)
      expect((await withToken(token, 'GET', `/orgs/${a.orgId}/members`)).statusCode).toBe(200);
    const first = await uses();
    expect(first).toEqual([
      expect.objectContaining({
        actorUserId: a.owner.userId,
        at: clock.now().toISOString(),
        detail: { tokenId: id, name: 'cron', method: 'GET', path: `/api/v1/orgs/${a.orgId}/members` },
      }),
    ]);
    clock.advance(MINUTE);
    await withToken(token, 'GET', `/orgs/${a.orgId}`);
    expect(await uses()).toHaveLength(2);
    const row = await database.handle.db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).toBe(clock.now().toISOString());
    const owners = await app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${a.orgId}/audit?event=token.used`,
      headers: as(app, a.owner),
    });
    expect(owners.json<{ entries: unknown[] }>().entries.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses revoked, expired, unknown and malformed tokens with 401', async () => {
    const { token, id } = await createToken(app, a.owner.cookie, a.orgId, ['members:read']);
    expect((await withToken(token, 'GET', `/orgs/${a.orgId}`)).statusCode).toBe(200);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/orgs/${a.orgId}/tokens/${id}`,
      headers: as(app, a.owner),
    });
    expect(revoke.statusCode).toBe(204);
    const revoked = await withToken(token, 'GET', `/orgs/${a.orgId}`);
    expect(revoked.statusCode).toBe(401);
    expect(errorOf(revoked).message).toMatch(/revoked/);

    const { token: shortLived } = await createToken(app, a.owner.cookie, a.orgId, ['members:read'], {
      expiresInDays: 1,
    });
    clock.advance(DAY);
    expect(errorOf(await withToken(shortLived, 'GET', `/orgs/${a.orgId}`)).message).toMatch(/expired/);

    expect((await withToken(`pkimm_${'A'.repeat(43)}`, 'GET', '/orgs')).statusCode).toBe(401);
    const malformed = await app.inject({
      method: 'GET',
      url: '/api/v1/orgs',
      headers: { authorization: 'Basic abc' },
    });
    expect(malformed.statusCode).toBe(401);
  });

  it("revokes only one's own tokens, or any as an owner; a removed member's tokens stop working", async () => {
    // The clock moved by a day above, longer than any session lives; sign everyone in again.
    for (const who of Object.values(a))
      if (typeof who !== 'string') who.cookie = await signIn(app, who.email);
    const mine = await createToken(app, a.assessor.cookie, a.orgId, ['members:read']);
    const ownersToken = await createToken(app, a.owner.cookie, a.orgId, ['members:read']);
    const del = (who: SignedUp, id: string) =>
      app.inject({ method: 'DELETE', url: `/api/v1/orgs/${a.orgId}/tokens/${id}`, headers: as(app, who) });
    expect((await del(a.assessor, ownersToken.id)).statusCode).toBe(404);
    expect((await del(a.owner, mine.id)).statusCode).toBe(204);
    expect((await withToken(mine.token, 'GET', `/orgs/${a.orgId}`)).statusCode).toBe(401);

    const contributorToken = await createToken(app, a.contributor.cookie, a.orgId, ['members:read']);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/orgs/${a.orgId}/members/${a.contributor.userId}`,
      headers: as(app, a.owner),
    });
    expect(removed.statusCode).toBe(204);
    expect((await withToken(contributorToken.token, 'GET', `/orgs/${a.orgId}`)).statusCode).toBe(401);
  });
});
