/**
 * Session fixation and expiry: ids the client makes up (or reads from the database) are never
 * accepted, sign-in always issues a fresh id and ends the one sent along, sign-out and a
 * password change end sessions on the server (replays get 401), and expiry holds whether the
 * clock moves or the stored expiry passes.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  buildTestApp,
  DEFAULT_PASSWORD,
  signUp,
  testClock,
  type TestClock,
} from '../support/accounts.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

const COOKIE = 'pkimm_session';

describe.each(DIALECTS)('security: sessions on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let clock: TestClock;
  let users = 0;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    clock = testClock();
    app = await buildTestApp(database.handle, clock);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  const fresh = () => signUp(app, { email: `s${(users += 1)}@sessions.test` });
  const signIn = (email: string, cookie?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: cookie === undefined ? {} : { cookie, origin: as(app, { cookie }).origin },
      payload: { email, password: DEFAULT_PASSWORD },
      remoteAddress: `10.77.0.${users}`,
    });
  const issued = (response: { cookies: { name: string; value: string }[] }) =>
    response.cookies.find((c) => c.name === COOKIE)?.value;
  const storedHashes = async () =>
    (await database.handle.db.selectFrom('sessions').select('id_hash').execute()).map((r) => r.id_hash);

  it('never accepts a session id the client made up, nor the hash the database holds', async () => {
    const user = await fresh();
    for (const madeUp of [randomBytes(32).toString('base64url'), 'admin', "' OR 1=1 --", 'x'.repeat(5000)])
      expect((await me(`${COOKIE}=${encodeURIComponent(madeUp)}`)).statusCode, madeUp.slice(0, 20)).toBe(401);
    const hashes = await storedHashes();
    expect(hashes.length).toBeGreaterThan(0);
    for (const hash of hashes) expect((await me(`${COOKIE}=${hash}`)).statusCode).toBe(401);
    // The cookie value itself is nowhere in the table: only its hash is.
    expect(hashes).not.toContain(user.cookie.split('=')[1]);
  });

  it('issues a new id at sign-in and never adopts the one the browser sent along', async () => {
    const user = await fresh();
    const planted = randomBytes(32).toString('base64url');
    const withPlanted = await signIn(user.email, `${COOKIE}=${planted}`);
    expect(withPlanted.statusCode).toBe(200);
    expect(issued(withPlanted)).not.toBe(planted);
    expect((await me(`${COOKIE}=${planted}`)).statusCode).toBe(401);
    // A live session sent along is not upgraded either: it ends, and a new one starts.
    const old = user.cookie;
    const again = await signIn(user.email, old);
    expect(issued(again)).not.toBe(old.split('=')[1]);
    expect((await me(old)).statusCode).toBe(401);
    expect((await me(`${COOKIE}=${issued(again)}`)).statusCode).toBe(200);
  });

  it('kills the session on the server at sign-out, so replaying the cookie gets 401', async () => {
    const user = await fresh();
    const before = (await storedHashes()).length;
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: as(app, user) });
    expect(out.statusCode).toBeLessThan(300);
    expect((await storedHashes()).length).toBe(before - 1);
    expect((await me(user.cookie)).statusCode).toBe(401);
  });

  it('ends every other session at a password change and gives this one a new id', async () => {
    const user = await fresh();
    const laptop = `${COOKIE}=${issued(await signIn(user.email))}`;
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: as(app, user),
      payload: { currentPassword: DEFAULT_PASSWORD, newPassword: 'a completely different passphrase' },
    });
    expect(changed.statusCode).toBeLessThan(300);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await me(`${COOKIE}=${issued(changed)}`)).statusCode).toBe(200);
  });

  it('refuses a session whose stored expiry has passed, and removes it', async () => {
    const user = await fresh();
    await database.handle.db
      .updateTable('sessions')
      .set({ expires_at: new Date(clock.now().getTime() - 1000).toISOString() })
      .where('user_id', '=', user.userId)
      .execute();
    expect((await me(user.cookie)).statusCode).toBe(401);
    const left = await database.handle.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', user.userId)
      .execute();
    expect(left).toEqual([]);
  });

  it('ends a session after 30 idle minutes and 12 hours after sign-in however busy', async () => {
    const idle = await fresh();
    clock.advance(29 * 60_000);
    expect((await me(idle.cookie)).statusCode).toBe(200);
    clock.advance(30 * 60_000 + 1);
    expect((await me(idle.cookie)).statusCode).toBe(401);
    const busy = await fresh();
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advance(20 * 60_000);
      expect((await me(busy.cookie)).statusCode, `after ${minutes + 20} minutes`).toBe(200);
    }
    clock.advance(21 * 60_000);
    expect((await me(busy.cookie)).statusCode).toBe(401);
  });

  it('sets the cookie HttpOnly, SameSite=Lax, Path=/, and Secure with __Host- when configured', async () => {
    const response = await signIn((await fresh()).email);
    const cookie = response.cookies.find((c) => c.name === COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).not.toBe(true);
    const secure = await buildTestApp(database.handle, clock, { PKIMM_SECURE_COOKIES: 'true' });
    const user = await signUp(app, { email: 'secure@sessions.test' });
    const viaHttps = await secure.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: DEFAULT_PASSWORD },
      remoteAddress: '10.78.0.1',
    });
    const hosted = viaHttps.cookies.find((c) => c.name === `__Host-${COOKIE}`);
    expect(hosted).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
    expect(hosted?.domain).toBeUndefined();
    // The bare name is not read by a server that expects the prefixed one.
    const bare = await secure.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `${COOKIE}=${hosted?.value ?? ''}` },
    });
    expect(bare.statusCode).toBe(401);
    await secure.close();
  });
});
