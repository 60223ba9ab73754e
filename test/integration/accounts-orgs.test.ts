/** Organisations, the member-management role matrix, last-owner protection, grants and the audit log, on both databases. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/persistence/schema.js';
import {
  addMember,
  as,
  buildTestApp,
  createOrg,
  errorOf,
  createOrgWithRoles,
  signUp,
  testClock,
  type AuditBody,
  type GrantBody,
  type MeBody,
  type MemberBody,
  type OrgBody,
  type OrgWithRoles,
  type UserBody,
  type SignedUp,
} from '../support/accounts.js';

const anyString = expect.any(String) as string;
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';

const ROLES: Role[] = ['owner', 'assessor', 'contributor', 'viewer'];

describe.each(DIALECTS)('accounts: organisations and members on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let a: OrgWithRoles;
  let b: OrgWithRoles;
  let outsider: SignedUp;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildTestApp(database.handle, testClock());
    a = await createOrgWithRoles(app, 'a');
    b = await createOrgWithRoles(app, 'b');
    outsider = await signUp(app, { email: 'outsider@example.test' });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const call = (who: SignedUp, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: as(app, who), ...(payload ? { payload } : {}) });

  it('creates an organisation with its creator as owner and lists it only for members', async () => {
    const created = await call(outsider, 'POST', '/orgs', { name: '  Ünïcode PKI, Ltd. ' });
    expect(created.statusCode).toBe(201);
    const org = created.json<OrgBody>();
    expect(org).toMatchObject({ name: 'Ünïcode PKI, Ltd.', slug: 'unicode-pki-ltd', role: 'owner' });
    const again = await call(outsider, 'POST', '/orgs', { name: 'Unicode PKI Ltd' });
    expect(again.json<OrgBody>().slug).toMatch(/^unicode-pki-ltd-[0-9a-f]{6}$/);
    const mine = (await call(outsider, 'GET', '/orgs'))
      .json<{ organisations: OrgBody[] }>()
      .organisations.map((o) => o.id);
    expect(mine).toContain(org.id);
    expect(mine).not.toContain(a.orgId);
    expect((await call(a.viewer, 'GET', `/orgs/${a.orgId}`)).json()).toMatchObject({
      id: a.orgId,
      role: 'viewer',
    });
    expect((await call(outsider, 'POST', '/orgs', { name: '   ' })).statusCode).toBe(400);
  });

  it('shows the signed-in user their organisations with roles', async () => {
    const me = (await call(a.assessor, 'GET', '/auth/me')).json<MeBody>();
    expect(me.user).toMatchObject({ id: a.assessor.userId, email: 'assessor@a.test' });
    expect(me.organisations).toEqual([expect.objectContaining({ id: a.orgId, role: 'assessor' })]);
    expect(me.assessments).toEqual([]);
  });

  it('answers 404 for every route of an organisation one is not a member of', async () => {
    const target = a.viewer.userId;
    const attempts = [
      call(b.owner, 'GET', `/orgs/${a.orgId}`),
      call(b.owner, 'GET', `/orgs/${a.orgId}/members`),
      call(b.owner, 'POST', `/orgs/${a.orgId}/members`, { email: outsider.email, role: 'viewer' }),
      call(b.owner, 'PATCH', `/orgs/${a.orgId}/members/${target}`, { role: 'owner' }),
      call(b.owner, 'DELETE', `/orgs/${a.orgId}/members/${target}`),
      call(b.owner, 'GET', `/orgs/${a.orgId}/audit`),
      call(b.owner, 'GET', `/orgs/${a.orgId}/tokens`),
      call(b.owner, 'POST', `/orgs/${a.orgId}/tokens`, { name: 'x', scopes: ['assessments:read'] }),
      call(b.owner, 'GET', `/orgs/no-such-org`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(404);
      expect(errorOf(response).code).toBe('NOT_FOUND');
    }
    expect(
      (await call(a.owner, 'GET', `/orgs/${a.orgId}/members`)).json<{ members: MemberBody[] }>().members,
    ).toHaveLength(4);
  });

  it.each(['assessor', 'contributor', 'viewer'] as const)(
    'refuses member management to a %s with 403',
    async (role) => {
      const who = a[role];
      const attempts = await Promise.all([
        call(who, 'POST', `/orgs/${a.orgId}/members`, { email: outsider.email, role: 'viewer' }),
        call(who, 'PATCH', `/orgs/${a.orgId}/members/${a.viewer.userId}`, { role: 'owner' }),
        call(who, 'DELETE', `/orgs/${a.orgId}/members/${a.owner.userId}`),
        call(who, 'GET', `/orgs/${a.orgId}/audit`),
      ]);
      for (const response of attempts) {
        expect(response.statusCode).toBe(403);
        expect(errorOf(response).message).toMatch(
          new RegExp(`your role \\(${role}\\) may not manage members`),
        );
      }
      expect((await call(who, 'GET', `/orgs/${a.orgId}/members`)).statusCode).toBe(200);
    },
  );

  it('lets the owner add, re-role and remove members, and refuses duplicates and unknown accounts', async () => {
    const org = await createOrgWithRoles(app, 'matrix');
    const newcomer = await signUp(app, { email: 'newcomer@example.test' });
    const added = await call(org.owner, 'POST', `/orgs/${org.orgId}/members`, {
      email: ' NEWCOMER@example.test',
      role: 'viewer',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ userId: newcomer.userId, email: newcomer.email, role: 'viewer' });
    const duplicate = await call(org.owner, 'POST', `/orgs/${org.orgId}/members`, {
      email: newcomer.email,
      role: 'assessor',
    });
    expect(duplicate.statusCode).toBe(409);
    const unknown = await call(org.owner, 'POST', `/orgs/${org.orgId}/members`, {
      email: 'ghost@example.test',
      role: 'viewer',
    });
    expect(unknown.statusCode).toBe(422);
    expect(errorOf(unknown).issues).toEqual([{ path: 'body.email', message: 'no account has this email' }]);
    const badRole = await call(org.owner, 'POST', `/orgs/${org.orgId}/members`, {
      email: newcomer.email,
      role: 'admin',
    });
    expect(badRole.statusCode).toBe(400);

    for (const role of ROLES) {
      const changed = await call(org.owner, 'PATCH', `/orgs/${org.orgId}/members/${newcomer.userId}`, {
        role,
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json<MemberBody>().role).toBe(role);
    }
    expect(
      (await call(org.owner, 'DELETE', `/orgs/${org.orgId}/members/${newcomer.userId}`)).statusCode,
    ).toBe(204);
    expect((await call(newcomer, 'GET', `/orgs/${org.orgId}`)).statusCode).toBe(404);
    expect(
      (await call(org.owner, 'DELETE', `/orgs/${org.orgId}/members/${newcomer.userId}`)).statusCode,
    ).toBe(404);
    expect(
      (await call(org.owner, 'PATCH', `/orgs/${org.orgId}/members/${outsider.userId}`, { role: 'viewer' }))
        .statusCode,
    ).toBe(404);
  });

  it('lets a member leave on their own, but never leaves an organisation without an owner', async () => {
    const org = await createOrgWithRoles(app, 'owners');
    expect(
      (await call(org.viewer, 'DELETE', `/orgs/${org.orgId}/members/${org.viewer.userId}`)).statusCode,
    ).toBe(204);

    const demote = await call(org.owner, 'PATCH', `/orgs/${org.orgId}/members/${org.owner.userId}`, {
      role: 'assessor',
    });
    expect(demote.statusCode).toBe(409);
    expect(errorOf(demote).message).toMatch(/last owner/);
    expect(
      (await call(org.owner, 'DELETE', `/orgs/${org.orgId}/members/${org.owner.userId}`)).statusCode,
    ).toBe(409);

    expect(
      (await call(org.owner, 'PATCH', `/orgs/${org.orgId}/members/${org.assessor.userId}`, { role: 'owner' }))
        .statusCode,
    ).toBe(200);
    // Two owners demoting each other at once: one succeeds, the other finds itself demoted.
    const [first, second] = await Promise.all([
      call(org.owner, 'PATCH', `/orgs/${org.orgId}/members/${org.assessor.userId}`, { role: 'viewer' }),
      call(org.assessor, 'PATCH', `/orgs/${org.orgId}/members/${org.owner.userId}`, { role: 'viewer' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 403]);
    const members = (await call(org.contributor, 'GET', `/orgs/${org.orgId}/members`)).json<{
      members: MemberBody[];
    }>().members as {
      role: Role;
    }[];
    expect(members.filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('audits role changes with before and after, newest first, for owners only', async () => {
    const org = await createOrgWithRoles(app, 'audit');
    await call(org.owner, 'PATCH', `/orgs/${org.orgId}/members/${org.viewer.userId}`, {
      role: 'contributor',
    });
    await call(org.owner, 'PATCH', `/orgs/${org.orgId}/members/${org.viewer.userId}`, { role: 'assessor' });
    const log = await call(org.owner, 'GET', `/orgs/${org.orgId}/audit?limit=2`);
    expect(log.statusCode).toBe(200);
    expect(log.json<{ entries: AuditBody[] }>().entries).toEqual([
      expect.objectContaining({
        event: 'member.role-changed',
        actorUserId: org.owner.userId,
        detail: {
          userId: org.viewer.userId,
          email: 'viewer@audit.test',
          before: 'contributor',
          after: 'assessor',
        },
        ip: anyString,
      }),
      expect.objectContaining({
        event: 'member.role-changed',
        detail: expect.objectContaining({ before: 'viewer', after: 'contributor' }) as object,
      }),
    ]);
    const all = (await call(org.owner, 'GET', `/orgs/${org.orgId}/audit`)).json<{ entries: AuditBody[] }>()
      .entries as {
      event: string;
    }[];
    expect(all.map((e) => e.event).slice(-4)).toEqual([
      'member.added',
      'member.added',
      'member.added',
      'org.created',
    ]);
    expect((await call(org.owner, 'GET', `/orgs/${org.orgId}/audit?limit=0`)).statusCode).toBe(400);
  });

  it('creates accounts for admins only', async () => {
    const admin = await signUp(app, { email: 'root@example.test', admin: true });
    const payload = { email: 'Fresh@Example.test', name: 'Fresh', password: 'a long enough password' };
    expect((await call(a.owner, 'POST', '/users', payload)).statusCode).toBe(403);
    const created = await call(admin, 'POST', '/users', payload);
    expect(created.statusCode).toBe(201);
    expect(created.json<{ user: UserBody }>().user).toEqual({
      id: anyString,
      email: 'fresh@example.test',
      name: 'Fresh',
      isAdmin: false,
      createdAt: anyString,
    });
    expect((await call(admin, 'POST', '/users', payload)).statusCode).toBe(409);
    expect((await call(admin, 'POST', '/users', { ...payload, email: 'not-an-email' })).statusCode).toBe(400);
  });

  describe('external assessor grants', () => {
    let assessmentId: string;
    let external: SignedUp;

    beforeAll(async () => {
      assessmentId = crypto.randomUUID();
      const at = new Date().toISOString();
      // Assessments belong to the assessments API; a bare row is all a grant needs.
      await database.handle.db
        .insertInto('assessments')
        .values({
          id: assessmentId,
          org_id: a.orgId,
          title: 'Annual PKI review',
          model_id: 'pkimm',
          model_version: '2.0.0',
          mode: 'full',
          type: null,
          status: 'draft',
          version: 1,
          document: '{}',
          created_by: a.owner.userId,
          created_at: at,
          updated_at: at,
        })
        .execute();
      external = await signUp(app, { email: 'external@auditors.test' });
    });

    const grants = `/assessments/`;

    it('lets the owner invite an existing account to one assessment, which is all that account sees', async () => {
      const invited = await call(a.owner, 'POST', `${grants}${assessmentId}/grants`, {
        email: external.email,
      });
      expect(invited.statusCode).toBe(201);
      expect(invited.json()).toMatchObject({ assessmentId, userId: external.userId, role: 'assessor' });
      const me = (await call(external, 'GET', '/auth/me')).json<MeBody>();
      expect(me.assessments).toEqual([{ id: assessmentId, title: 'Annual PKI review', role: 'assessor' }]);
      expect(me.organisations).toEqual([]);
      for (const url of [`/orgs/${a.orgId}`, `/orgs/${a.orgId}/members`, `/orgs/${a.orgId}/audit`]) {
        expect((await call(external, 'GET', url)).statusCode).toBe(404);
      }
      const list = await call(external, 'GET', `${grants}${assessmentId}/grants`);
      expect(list.statusCode).toBe(404);
      expect(list.body).not.toContain(a.orgId);
      expect(
        (await call(a.owner, 'GET', `${grants}${assessmentId}/grants`)).json<{ grants: GrantBody[] }>()
          .grants,
      ).toHaveLength(1);
    });

    it('refuses duplicates, members, unknown accounts, non-owners and other organisations', async () => {
      const post = (who: SignedUp, body: object, id = assessmentId) =>
        call(who, 'POST', `${grants}${id}/grants`, body);
      expect((await post(a.owner, { email: external.email, role: 'viewer' })).statusCode).toBe(409);
      expect((await post(a.owner, { email: a.viewer.email })).statusCode).toBe(409);
      expect((await post(a.owner, { email: 'ghost@example.test' })).statusCode).toBe(422);
      expect((await post(a.owner, { email: outsider.email, role: 'owner' })).statusCode).toBe(400);
      expect((await post(a.assessor, { email: outsider.email })).statusCode).toBe(403);
      expect((await post(b.owner, { email: outsider.email })).statusCode).toBe(404);
      expect((await post(a.owner, { email: outsider.email }, 'no-such-assessment')).statusCode).toBe(404);
    });

    it('withdraws a grant', async () => {
      const url = `${grants}${assessmentId}/grants/${external.userId}`;
      expect((await call(a.assessor, 'DELETE', url)).statusCode).toBe(403);
      expect((await call(a.owner, 'DELETE', url)).statusCode).toBe(204);
      expect((await call(a.owner, 'DELETE', url)).statusCode).toBe(404);
      expect((await call(external, 'GET', '/auth/me')).json<MeBody>().assessments).toEqual([]);
      const log = (await call(a.owner, 'GET', `/orgs/${a.orgId}/audit?event=grant.removed`)).json<{
        entries: AuditBody[];
      }>().entries;
      expect(log).toEqual([expect.objectContaining({ detail: { assessmentId, userId: external.userId } })]);
    });
  });

  it('lets an owner add a member by an existing account through the helper', async () => {
    const owner = await signUp(app, { email: 'helper-owner@example.test' });
    const orgId = await createOrg(app, owner.cookie, 'Helper');
    await addMember(app, owner.cookie, orgId, outsider.email, 'contributor');
    expect((await call(outsider, 'GET', `/orgs/${orgId}`)).json<OrgBody>().role).toBe('contributor');
  });
});
