/**
 * Brute force and account enumeration at sign-in: five wrong passwords lock the account even
 * when every guess comes from another address or claims another X-Forwarded-For; the right
 * password is refused during the lock and accepted after it; an unknown email answers every
 * attempt, the locking one included, with the same status and body as a real one, and about as
 * slowly.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DEFAULT_PASSWORD, signUp, testClock, type TestClock } from '../support/accounts.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

let address = 0;

describe.each(DIALECTS)('security: sign-in lockout on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let clock: TestClock;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    clock = testClock();
    app = await buildTestApp(database.handle, clock);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  /** Each attempt from a new address with a made-up X-Forwarded-For, as a botnet or a spoofer would. */
  const attempt = (email: string, password: string) => {
    address += 1;
    return app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'x-forwarded-for': `203.0.113.${address % 250}` },
      payload: { email, password },
      remoteAddress: `10.99.${address >> 8}.${address & 255}`,
    });
  };
  /** What an observer sees: status, code and message, without the request id and the lock's end time. */
  const seen = (response: LightMyRequestResponse) => {
    const { code, message } = response.json<{ error: { code: string; message: string } }>().error;
    return { status: response.statusCode, code, message: message.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, 'T') };
  };

  it('locks after five wrong passwords from five addresses, refuses the right one, and lifts after 15 minutes', async () => {
    const user = await signUp(app, { email: 'victim@lockout.test' });
    for (let i = 0; i < 4; i += 1)
      expect((await attempt(user.email, `wrong guess number ${i}`)).statusCode).toBe(401);
    expect((await attempt(user.email, 'the fifth wrong guess')).statusCode).toBe(429);
    const during = await attempt(user.email, DEFAULT_PASSWORD);
    expect(during.statusCode).toBe(429);
    expect(during.cookies.find((c) => c.name === 'pkimm_session')).toBeUndefined();
    clock.advance(14 * 60_000);
    expect((await attempt(user.email, DEFAULT_PASSWORD)).statusCode).toBe(429);
    clock.advance(60_000 + 1);
    expect((await attempt(user.email, DEFAULT_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown email exactly as a real one, through the lock', async () => {
    const user = await signUp(app, { email: 'real@lockout.test' });
    const real: ReturnType<typeof seen>[] = [];
    const unknown: ReturnType<typeof seen>[] = [];
    for (let i = 0; i < 7; i += 1) {
      real.push(seen(await attempt(user.email, `wrong guess number ${i}`)));
      unknown.push(seen(await attempt('nobody@lockout.test', `wrong guess number ${i}`)));
    }
    expect(real.map((r) => r.status)).toEqual([401, 401, 401, 401, 429, 429, 429]);
    expect(unknown).toEqual(real);
    // Email case and spaces do not open a second series of attempts for either.
    expect(seen(await attempt('NOBODY@lockout.test', 'x'.repeat(12)))).toEqual(real[6]);
    expect(seen(await attempt('REAL@lockout.test', 'x'.repeat(12)))).toEqual(real[6]);
  });

  it('takes about as long for an unknown email as for a wrong password', async () => {
    const user = await signUp(app, { email: 'timing@lockout.test' });
    const time = async (email: string) => {
      const start = performance.now();
      await attempt(email, 'not the password at all');
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, and the lock's counter reset between rounds, so both sides hash every time.
    for (let round = 0; round < 6; round += 1) {
      known.push(await time(user.email));
      unknown.push(await time(`ghost${round}@lockout.test`));
      if (round % 3 === 2) await database.handle.db.updateTable('users').set({ failed_logins: 0 }).execute();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(known);
    expect(ratio, `unknown ${median(unknown)} ms vs known ${median(known)} ms`).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });
});
