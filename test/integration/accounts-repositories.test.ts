/** The accounts repositories against real SQLite and PostgreSQL: mapping, normalisation and the conditional writes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/persistence/dialect.js';
import {
  findApiTokenByHash,
  insertApiToken,
  markApiTokenUsed,
} from '../../src/persistence/repositories/accounts/api-tokens.js';
import {
  countOwners,
  insertMembership,
  listMembers,
} from '../../src/persistence/repositories/accounts/memberships.js';
import {
  insertOrganisation,
  lockOrganisation,
} from '../../src/persistence/repositories/accounts/organisations.js';
import {
  findSession,
  insertSession,
  touchSession,
} from '../../src/persistence/repositories/accounts/sessions.js';
import {
  clearFailedSignIns,
  findCredentials,
  findUserByEmail,
  insertUser,
  recordFailedSignIn,
  type User,
} from '../../src/persistence/repositories/accounts/users.js';
import { listAudit, recordAudit } from '../../src/persistence/repositories/audit.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';

const T0 = new Date('2026-05-01T12:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe.each(DIALECTS)('accounts repositories on %s', (dialect) => {
  let database: TestDatabase;
  let ann: User;
  let ben: User;
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ann = await insertUser(db(), {
      email: ' Ann@Example.TEST ',
      name: 'Ann',
      passwordHash: 'h1',
      isAdmin: true,
      at: T0,
    });
    ben = await insertUser(db(), {
      email: 'ben@example.test',
      name: 'Ben',
      passwordHash: 'h2',
      isAdmin: false,
      at: T0,
    });
  });
  afterAll(() => database.drop());

  it('stores emails trimmed and lower-cased, finds them either way, and refuses duplicates', async () => {
    expect(ann).toEqual({
      id: ann.id,
      email: 'ann@example.test',
      name: 'Ann',
      isAdmin: true,
      createdAt: T0.toISOString(),
    });
    expect(await findUserByEmail(db(), 'ANN@example.test')).toEqual(ann);
    const duplicate = insertUser(db(), {
      email: 'ANN@EXAMPLE.TEST',
      name: 'x',
      passwordHash: 'h',
      isAdmin: false,
      at: T0,
    });
    await expect(duplicate).rejects.toSatisfy(isUniqueViolation);
  });

  it('counts failures, locks at the threshold and starts over, and clears on success', async () => {
    const rule = { threshold: 3, lockUntil: later(900_000) };
    expect(await recordFailedSignIn(db(), ben.id, rule)).toEqual({ lockedUntil: null });
    expect(await recordFailedSignIn(db(), ben.id, rule)).toEqual({ lockedUntil: null });
    expect(await recordFailedSignIn(db(), ben.id, rule)).toEqual({
      lockedUntil: later(900_000).toISOString(),
    });
    expect(await findCredentials(db(), 'ben@example.test')).toMatchObject({
      passwordHash: 'h2',
      failedLogins: 0,
      lockedUntil: later(900_000).toISOString(),
    });
    await clearFailedSignIns(db(), ben.id);
    expect(await findCredentials(db(), 'ben@example.test')).toMatchObject({
      failedLogins: 0,
      lockedUntil: null,
    });
  });

  it('slides a session only when it was last seen before the given time', async () => {
    await insertSession(db(), { idHash: 'a'.repeat(64), userId: ann.id, at: T0, expiresAt: later(1000) });
    const seenBefore = later(-60_000);
    expect(
      await touchSession(db(), 'a'.repeat(64), { now: later(1), expiresAt: later(2000), seenBefore }),
    ).toBe(false);
    const touched = await touchSession(db(), 'a'.repeat(64), {
      now: later(60_000),
      expiresAt: later(9000),
      seenBefore: T0,
    });
    expect(touched).toBe(true);
    expect(await findSession(db(), 'a'.repeat(64))).toEqual({
      userId: ann.id,
      email: 'ann@example.test',
      isAdmin: true,
      createdAt: T0.toISOString(),
      expiresAt: later(9000).toISOString(),
      lastSeenAt: later(60_000).toISOString(),
    });
  });

  it('keeps organisations, owners and members consistent', async () => {
    const org = await db()
      .transaction()
      .execute((trx) => insertOrganisation(trx, { name: 'Org', slug: 'org', ownerId: ann.id, at: T0 }));
    await insertMembership(db(), { orgId: org.id, userId: ben.id, role: 'viewer', at: T0 });
    expect(await countOwners(db(), org.id)).toBe(1);
    expect((await listMembers(db(), org.id)).map((m) => [m.email, m.role])).toEqual([
      ['ann@example.test', 'owner'],
      ['ben@example.test', 'viewer'],
    ]);
    expect(
      await db()
        .transaction()
        .execute((trx) => lockOrganisation(trx, org.id)),
    ).toBe(true);
    expect(
      await db()
        .transaction()
        .execute((trx) => lockOrganisation(trx, 'missing')),
    ).toBe(false);
    const clash = insertOrganisation(db(), { name: 'Other', slug: 'org', ownerId: ann.id, at: T0 });
    await expect(clash).rejects.toSatisfy(isUniqueViolation);
  });

  it('records a token use only once per window, and parses scopes back', async () => {
    const [org] = await db().selectFrom('organisations').select('id').execute();
    const token = await insertApiToken(db(), {
      tokenHash: 'b'.repeat(64),
      userId: ann.id,
      orgId: org!.id,
      name: 't',
      scopes: ['members:read'],
      at: T0,
      expiresAt: null,
    });
    expect(await markApiTokenUsed(db(), token.id, T0, later(-60_000))).toBe(true);
    expect(await markApiTokenUsed(db(), token.id, later(30_000), later(-30_000))).toBe(false);
    expect(await markApiTokenUsed(db(), token.id, later(60_000), T0)).toBe(true);
    expect(await findApiTokenByHash(db(), 'b'.repeat(64))).toEqual({
      email: 'ann@example.test',
      token: { ...token, lastUsedAt: later(60_000).toISOString() },
    });
  });

  it('lists audit entries newest first with paging, filters and parsed details', async () => {
    const [org] = await db().selectFrom('organisations').select('id').execute();
    for (let i = 0; i < 5; i++) {
      await recordAudit(db(), {
        orgId: org!.id,
        actorUserId: ann.id,
        event: `e${i % 2}`,
        detail: { i },
        ip: '127.0.0.1',
        at: later(i),
      });
    }
    await recordAudit(db(), { event: 'auth.sign-in', detail: {}, at: T0 });
    const newest = await listAudit(db(), org!.id, { limit: 2 });
    expect(newest.map((e) => e.detail)).toEqual([{ i: 4 }, { i: 3 }]);
    expect(newest[0]).toMatchObject({
      orgId: org!.id,
      actorUserId: ann.id,
      event: 'e0',
      ip: '127.0.0.1',
      at: later(4).toISOString(),
    });
    const older = await listAudit(db(), org!.id, { limit: 10, beforeId: newest[1]!.id });
    expect(older.map((e) => e.detail['i'])).toEqual([2, 1, 0]);
    expect((await listAudit(db(), org!.id, { limit: 10, event: 'e1' })).map((e) => e.detail['i'])).toEqual([
      3, 1,
    ]);
    expect(await listAudit(db(), null, { limit: 10 })).toEqual([
      expect.objectContaining({ event: 'auth.sign-in', orgId: null, ip: null }),
    ]);
  });
});
