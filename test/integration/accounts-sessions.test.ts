/** Changing one's password and managing one's own sessions, on both databases. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/persistence/repositories/audit.js';
import { verifyPassword } from '../../src/server/auth/passwords.js';
import {
  DEFAULT_PASSWORD,
  as,
  bearer,
  buildTestApp,
  createOrg,
  createToken,
  errorOf,
  signIn,
  signUp,
  testClock,
} from '../support/accounts.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';

const NEW_PASSWORD = 'a different passphrase, also long';

describe.each(DIALECTS)('accounts: password change and sessions on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const clock = testClock();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildTestApp(database.handle, clock);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  const post = (cookie: string, url: string, payload: object) =>
    app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as(app, { cookie }), payload });
  const sessions = async (cookie: string) =>
    (await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: { cookie } })).json<{
      sessions: { id: string; current: boolean; createdAt: string; lastSeenAt: string; expiresAt: string }[];
    }>().sessions;
  const storedHash = async (userId: string) =>
    (
      await database.handle.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
    ).password_hash;

  it('changes the password, ends every other session and gives this one a new token', async () => {
    const fay = await signUp(app, { email: 'fay@example.test' });
    const laptop = await signIn(app, fay.email);
    const response = await post(fay.cookie, '/auth/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ endedSessions: 1 });
    const renewed = response.cookies.find((c) => c.name === 'pkimm_session');
    expect(renewed?.value).toMatch(/^[\w-]{43}$/);
    expect(`pkimm_session=${renewed?.value}`).not.toBe(fay.cookie);
    expect((await me(fay.cookie)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(`pkimm_session=${renewed?.value}`)).statusCode).toBe(200);
    expect(await verifyPassword(await storedHash(fay.userId), NEW_PASSWORD)).toBe(true);
    await expect(signIn(app, fay.email)).rejects.toThrow(/sign-in of/);
    expect(await signIn(app, fay.email, NEW_PASSWORD)).toMatch(/^pkimm_session=/);
    const events = await listAudit(database.handle.db, null, { limit: 500 });
    const changed = events.find((e) => e.event === 'auth.password-changed' && e.actorUserId === fay.userId);
    expect(changed?.detail).toEqual({ endedSessions: 1 });
    expect(JSON.stringify(events)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password (counted towards the lockout), a weak or unchanged new one', async () => {
    const gus = await signUp(app, { email: 'gus@example.test' });
    const before = await storedHash(gus.userId);
    const wrong = await post(gus.cookie, '/auth/password', {
      currentPassword: 'not the password at all',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(401);
    const weak = await post(gus.cookie, '/auth/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak).issues).toHaveLength(1);
    expect(errorOf(weak).issues[0]).toMatchObject({ path: 'body.newPassword' });
    expect(errorOf(weak).issues[0]?.message).toMatch(/at least 12 characters/);
    const same = await post(gus.cookie, '/auth/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: DEFAULT_PASSWORD,
    });
    expect(errorOf(same).issues[0]?.message).toMatch(/differ/);
    expect(await storedHash(gus.userId)).toBe(before);
    expect((await me(gus.cookie)).statusCode).toBe(200);
    // The right password above cleared the count; five wrong guesses in a row lock the account,
    // so whoever holds only a stolen cookie locks it rather than guessing their way in.
    for (let i = 0; i < 5; i += 1)
      await post(gus.cookie, '/auth/password', {
        currentPassword: `wrong guess ${i}!`,
        newPassword: NEW_PASSWORD,
      });
    const locked = await post(gus.cookie, '/auth/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(locked.statusCode).toBe(429);
    expect(await storedHash(gus.userId)).toBe(before);
  });

  it('needs a session and the right origin; an API token cannot change a password', async () => {
    const hal = await signUp(app, { email: 'hal@example.test' });
    const orgId = await createOrg(app, hal.cookie, 'Hal');
    const { token } = await createToken(app, hal.cookie, orgId, ['members:read']);
    const viaToken = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: bearer(token),
      payload: { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(viaToken.statusCode).toBe(403);
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: hal.cookie, origin: 'https://evil.example' },
      payload: { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(crossSite.statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lists only your own live sessions, marks the current one and never shows a usable token', async () => {
    const ida = await signUp(app, { email: 'ida@example.test' });
    const phone = await signIn(app, ida.email);
    const other = await signUp(app, { email: 'jo@example.test' });
    const listed = await sessions(ida.cookie);
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    const secrets = [ida.cookie, phone, other.cookie].map((c) => c.split('=')[1]!);
    for (const s of listed) {
      expect(s.id).toMatch(/^[0-9a-f]{16}$/);
      for (const secret of secrets) expect(secret).not.toContain(s.id);
      expect((await me(`pkimm_session=${s.id}`)).statusCode).toBe(401);
    }
    expect((await sessions(other.cookie)).map((s) => s.id)).not.toContain(listed[0]!.id);
  });

  it('ends one other session, or all others, after the password is given again', async () => {
    const kim = await signUp(app, { email: 'kim@example.test' });
    const tablet = await signIn(app, kim.email);
    const phone = await signIn(app, kim.email);
    const mallory = await signUp(app, { email: 'mallory@example.test' });
    const listed = await sessions(kim.cookie);
    const tabletId = (await sessions(tablet)).find((s) => s.current)!.id;
    const currentId = listed.find((s) => s.current)!.id;

    const noPassword = await post(kim.cookie, '/auth/sessions/end', { password: 'wrong password here' });
    expect(noPassword.statusCode).toBe(401);
    expect(await sessions(kim.cookie)).toHaveLength(3);
    // Someone else cannot end Kim's session, even knowing its id.
    const foreign = await post(mallory.cookie, '/auth/sessions/end', {
      password: DEFAULT_PASSWORD,
      session: tabletId,
    });
    expect(foreign.statusCode).toBe(404);
    const self = await post(kim.cookie, '/auth/sessions/end', {
      password: DEFAULT_PASSWORD,
      session: currentId,
    });
    expect(errorOf(self).message).toMatch(/sign out instead/);

    const one = await post(kim.cookie, '/auth/sessions/end', {
      password: DEFAULT_PASSWORD,
      session: tabletId,
    });
    expect(one.json()).toEqual({ ended: 1 });
    expect((await me(tablet)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(200);
    const rest = await post(kim.cookie, '/auth/sessions/end', { password: DEFAULT_PASSWORD });
    expect(rest.json()).toEqual({ ended: 1 });
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(kim.cookie)).statusCode).toBe(200);
    expect((await me(mallory.cookie)).statusCode).toBe(200);
    const bad = await post(kim.cookie, '/auth/sessions/end', { password: DEFAULT_PASSWORD, session: '../x' });
    expect(bad.statusCode).toBe(400);
  });
});
