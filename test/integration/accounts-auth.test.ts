/** Sign-in, lockout, rate limit, sessions and their cookie, CSRF, password storage and headers, on both databases. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/persistence/repositories/audit.js';
import {
  DEFAULT_PASSWORD,
  as,
  buildTestApp,
  createOrg,
  errorOf,
  freshAddress,
  origin,
  signIn,
  signUp,
  testClock,
  type SignedUp,
} from '../support/accounts.js';

const anyString = expect.any(String) as string;
const matching = (pattern: RegExp) => expect.stringMatching(pattern) as string;
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';

const MINUTE = 60_000;

describe.each(DIALECTS)('accounts: authentication on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const clock = testClock();
  let alice: SignedUp;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildTestApp(database.handle, clock);
    alice = await signUp(app, { email: 'Alice@Example.TEST' });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const signInAs = (email: string, password: string, remoteAddress = freshAddress()) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress });
  const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

  it('signs in with the right password, lower-cases the email, and sets a safe session cookie', async () => {
    const response = await signInAs('  alice@EXAMPLE.test ', DEFAULT_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: {
        id: alice.userId,
        email: 'alice@example.test',
        name: 'Alice',
        isAdmin: false,
        createdAt: anyString,
      },
    });
    const cookie = response.cookies.find((c) => c.name === 'pkimm_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 12 * 3600 });
    expect(cookie?.secure).toBeUndefined(); // loopback over plain HTTP
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sessions = await database.handle.db.selectFrom('sessions').select('id_hash').execute();
    expect(sessions.map((s) => s.id_hash)).not.toContain(cookie?.value);
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.id_hash))).toBe(true);
    expect((await me(`pkimm_session=${cookie?.value}`)).json()).toMatchObject({ user: { id: alice.userId } });
  });

  it('marks the cookie Secure with the __Host- prefix when the server is configured for HTTPS', async () => {
    const secure = await buildTestApp(database.handle, clock, { PKIMM_SECURE_COOKIES: 'true' });
    const response = await secure.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: alice.email, password: DEFAULT_PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === 'pkimm_session')).toBeUndefined();
    const cookie = response.cookies.find((c) => c.name === '__Host-pkimm_session');
    expect(cookie).toMatchObject({ secure: true, path: '/', httpOnly: true });
    expect(cookie?.domain).toBeUndefined();
    // The prefixed name is the one read back; the bare name is not a way in over HTTPS.
    const me = (name: string) =>
      secure.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: `${name}=${cookie?.value}` },
      });
    expect((await me('__Host-pkimm_session')).statusCode).toBe(200);
    expect((await me('pkimm_session')).statusCode).toBe(401);
    await secure.close();
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await signInAs(alice.email, 'not the password at all');
    const unknown = await signInAs('nobody@example.test', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(errorOf(wrong).message).toBe(errorOf(unknown).message);
    expect(wrong.cookies).toEqual([]);
    await signIn(app, alice.email); // resets the failure count for the lockout test
  });

  it('locks the account after 5 failures in a row for 15 minutes, then lets the right password in', async () => {
    const bob = await signUp(app, { email: 'bob@example.test' });
    for (let i = 1; i <= 4; i++)
      expect((await signInAs(bob.email, `wrong password ${i}`)).statusCode).toBe(401);
    const fifth = await signInAs(bob.email, 'wrong password 5');
    expect(fifth.statusCode).toBe(429);
    expect(errorOf(fifth).message).toMatch(/^account locked until 2026-03-01T09:15:00\.000Z/);
    const locked = await signInAs(bob.email, DEFAULT_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(errorOf(locked)).toMatchObject({ code: 'RATE_LIMITED' });
    clock.advance(15 * MINUTE);
    expect((await signInAs(bob.email, DEFAULT_PASSWORD)).statusCode).toBe(200);
    const row = await database.handle.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('id', '=', bob.userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('resets the failure count on success, so failures must be consecutive to lock', async () => {
    const carol = await signUp(app, { email: 'carol@example.test' });
    for (let i = 0; i < 4; i++) await signInAs(carol.email, 'wrong password!!');
    expect((await signInAs(carol.email, DEFAULT_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await signInAs(carol.email, 'wrong password!!')).statusCode).toBe(401);
  });

  it('rate-limits sign-in to 10 a minute per client address', async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    // A new unknown email each time: five tries at one email lock it like an account would.
    for (let i = 0; i < 11; i++)
      statuses.push((await signInAs(`nobody${i}@example.test`, 'whatever it is', address)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const limited = await signInAs(alice.email, DEFAULT_PASSWORD, address);
    expect(errorOf(limited)).toMatchObject({
      code: 'RATE_LIMITED',
      message: matching(/retry in/),
    });
    expect((await signInAs(alice.email, DEFAULT_PASSWORD)).statusCode).toBe(200); // another address
  });

  it('audits successful and failed sign-ins without the password', async () => {
    const events = await listAudit(database.handle.db, null, { limit: 500 });
    const success = events.find((e) => e.event === 'auth.sign-in' && e.actorUserId === alice.userId);
    expect(success).toMatchObject({ detail: { email: alice.email }, ip: matching(/^10\./) });
    const failed = events.filter((e) => e.event === 'auth.sign-in-failed');
    expect(failed.map((e) => e.detail['reason'])).toEqual(
      expect.arrayContaining(['wrong password', 'unknown email', 'locked', 'wrong password; account locked']),
    );
    expect(JSON.stringify(events)).not.toMatch(/wrong password \d|correct horse/);
  });

  it('slides the idle expiry at most once a minute and refuses a session idle for 30 minutes', async () => {
    const dave = await signUp(app, { email: 'dave@example.test' });
    const expiry = () =>
      database.handle.db
        .selectFrom('sessions')
        .select(['expires_at', 'last_seen_at'])
        .where('user_id', '=', dave.userId)
        .executeTakeFirstOrThrow();
    const first = await expiry();
    expect(first.expires_at).toBe(new Date(clock.now().getTime() + 30 * MINUTE).toISOString());
    clock.advance(30_000);
    const soon = await me(dave.cookie);
    expect(soon.statusCode).toBe(200);
    expect(soon.cookies).toEqual([]);
    expect(await expiry()).toEqual(first);
    clock.advance(20 * MINUTE);
    const later = await me(dave.cookie);
    expect(later.statusCode).toBe(200);
    expect(later.cookies.find((c) => c.name === 'pkimm_session')?.maxAge).toBe(12 * 3600);
    const slid = await expiry();
    expect(slid.last_seen_at).toBe(clock.now().toISOString());
    expect(slid.expires_at).toBe(new Date(clock.now().getTime() + 30 * MINUTE).toISOString());
    clock.advance(30 * MINUTE);
    const expired = await me(dave.cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.cookies.find((c) => c.name === 'pkimm_session')?.value).toBe('');
    const left = await database.handle.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', dave.userId)
      .execute();
    expect(left).toEqual([]);
  });

  it('ends a busy session 12 hours after sign-in, however often it is used', async () => {
    const erin = await signUp(app, { email: 'erin@example.test' });
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      clock.advance(20 * MINUTE);
      expect((await me(erin.cookie)).statusCode).toBe(200);
    }
    clock.advance(20 * MINUTE);
    expect((await me(erin.cookie)).statusCode).toBe(401);
  });

  it('ends the previous session of the browser when it signs in again', async () => {
    const before = await signIn(app, alice.email);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { cookie: before, origin: origin(app) }, // the browser is signed in, so CSRF rules apply
      payload: { email: alice.email, password: DEFAULT_PASSWORD },
      remoteAddress: freshAddress(),
    });
    expect(again.statusCode).toBe(200);
    expect(again.cookies.find((c) => c.name === 'pkimm_session')?.value).not.toBe(before.split('=')[1]);
    expect((await me(before)).statusCode).toBe(401);
  });

  it('signs out: deletes the session and clears the cookie', async () => {
    const cookie = await signIn(app, alice.email);
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: as(app, { cookie }),
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'pkimm_session')).toMatchObject({ value: '', path: '/' });
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('refuses cookie-authenticated writes without an Origin or from a foreign one, and accepts its own', async () => {
    const cookie = await signIn(app, alice.email); // earlier tests moved the clock past alice's first session
    const post = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/orgs',
        headers: { cookie, ...headers },
        payload: { name: 'Csrf' },
      });
    for (const headers of [
      {},
      { origin: 'https://evil.example' },
      { referer: 'https://evil.example/page' },
      { origin: 'null' },
    ]) {
      const refused = await post(headers);
      expect(refused.statusCode).toBe(403);
      expect(errorOf(refused)).toMatchObject({
        code: 'FORBIDDEN',
        message: 'cross-site request refused',
      });
    }
    expect((await post({ origin: origin(app) })).statusCode).toBe(201);
    expect((await post({ referer: `${origin(app)}/app/orgs` })).statusCode).toBe(201);
    // Reads need no Origin: SameSite and CORS already keep other sites from reading the answer.
    expect((await app.inject({ method: 'GET', url: '/api/v1/orgs', headers: { cookie } })).statusCode).toBe(
      200,
    );
  });

  it('refuses a sign-in posted from a foreign origin (login CSRF)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: 'https://evil.example' },
      payload: { email: alice.email, password: DEFAULT_PASSWORD },
      remoteAddress: freshAddress(),
    });
    expect(response.statusCode).toBe(403);
  });

  it('stores passwords as argon2id and never returns them', async () => {
    const rows = await database.handle.db.selectFrom('users').select('password_hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const cookie = await signIn(app, alice.email);
    const orgId = await createOrg(app, cookie, 'Hashes');
    const bodies = await Promise.all(
      ['/api/v1/auth/me', '/api/v1/orgs', `/api/v1/orgs/${orgId}`, `/api/v1/orgs/${orgId}/members`].map(
        async (url) => (await app.inject({ method: 'GET', url, headers: { cookie } })).body,
      ),
    );
    for (const body of bodies) expect(body).not.toMatch(/argon2|password/i);
  });

  it('refuses a weak password for a new account with a clear message', async () => {
    const admin = await signUp(app, { email: 'admin@example.test', admin: true });
    const create = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: as(app, admin),
        payload: { email: 'new@example.test', name: 'New', password },
      });
    const short = await create('short');
    expect(short.statusCode).toBe(400);
    expect(errorOf(short).issues).toEqual([
      { path: 'body.password', message: 'the password must be at least 12 characters long (got 5)' },
    ]);
    expect(errorOf(await create('aaaaaaaaaaaaaaaa')).issues).toEqual([
      { path: 'body.password', message: 'the password must not be a single character repeated' },
    ]);
  });

  it('sends strict security headers: CSP without inline script, no sniffing, no framing', async () => {
    const response = await me(await signIn(app, alice.email));
    const csp = String(response.headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/'self'/);
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{7,}; includeSubDomains/);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('keeps API answers out of caches and makes a JSON answer opened in a tab a download', async () => {
    const response = await me(await signIn(app, alice.email));
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="api.json"');
    // The web app's own files are not API answers: they may be cached and are shown inline.
    const page = await app.inject({ method: 'GET', url: '/healthz' });
    expect(page.headers['content-disposition']).toBeUndefined();
    expect(page.headers['server']).toBeUndefined();
    expect(page.headers['x-powered-by']).toBeUndefined();
  });

  it('answers anonymous requests to protected routes with 401', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).code).toBe('UNAUTHENTICATED');
    const bogus = await me('pkimm_session=not-a-real-session');
    expect(bogus.statusCode).toBe(401);
  });
});
