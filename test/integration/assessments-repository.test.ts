/**
 * The assessment repositories on both databases, without HTTP: versioned writes, their
 * all-or-nothing transactions, revisions, idempotency records and evidence bytes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChange } from '../../src/persistence/repositories/assessments/apply-change.js';
import {
  createAssessment,
  deleteAssessment,
  getAssessment,
  listAssessments,
} from '../../src/persistence/repositories/assessments/assessments.js';
import {
  deleteEvidence,
  getEvidenceContent,
  insertEvidence,
  listEvidence,
} from '../../src/persistence/repositories/assessments/evidence.js';
import {
  findIdempotent,
  type IdempotencyRecord,
} from '../../src/persistence/repositories/assessments/idempotency.js';
import { listRevisions, revisionsAfter } from '../../src/persistence/repositories/assessments/revisions.js';
import { insertOrganisation } from '../../src/persistence/repositories/accounts/organisations.js';
import { insertUser } from '../../src/persistence/repositories/accounts/users.js';
import { isUniqueViolation } from '../../src/persistence/dialect.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';

const AT = '2026-03-01T09:00:00.000Z';
const doc = (title: string) => ({
  format: 'pkimm-assessment',
  formatVersion: 1,
  title,
  model: { id: 'pkimm', version: '2.0.0' },
  mode: 'full',
});

describe.each(DIALECTS)('assessment repositories on %s', (dialect) => {
  let database: TestDatabase;
  let orgId: string;
  let userId: string;
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const user = await insertUser(db(), {
      email: 'repo@example.test',
      name: 'Repo',
      passwordHash: 'x',
      isAdmin: false,
      at: new Date(AT),
    });
    userId = user.id;
    orgId = (
      await insertOrganisation(db(), {
        name: 'Repo org',
        slug: 'repo-org',
        ownerId: userId,
        at: new Date(AT),
      })
    ).id;
  });
  afterAll(() => database.drop());

  const create = (title = 'A') =>
    createAssessment(db(), {
      id: randomUUID(),
      orgId,
      title,
      modelId: 'pkimm',
      modelVersion: '2.0.0',
      mode: 'full',
      type: null,
      document: doc(title),
      actor: userId,
      at: AT,
      kind: 'create',
    });

  const change = (
    assessmentId: string,
    expectedVersion: number,
    title: string,
    extra: Partial<Parameters<typeof applyChange>[1]> = {},
  ) =>
    applyChange(db(), {
      assessmentId,
      expectedVersion,
      actor: userId,
      at: AT,
      kind: 'metadata',
      change: { path: ['title'], before: 'x', after: title },
      nextDocument: doc(title),
      nextColumns: { title },
      ...extra,
    });

  it('creates at version 1 with its first revision, gets, lists and deletes', async () => {
    const created = await create('Created');
    expect(created).toMatchObject({
      orgId,
      title: 'Created',
      version: 1,
      status: 'draft',
      document: doc('Created'),
    });
    expect(await getAssessment(db(), created.id)).toEqual(created);
    expect((await listAssessments(db(), orgId)).map((a) => a.id)).toContain(created.id);
    expect(await listRevisions(db(), created.id)).toMatchObject([
      {
        version: 1,
        kind: 'create',
        actorUserId: userId,
        actorEmail: 'repo@example.test',
        change: { path: [], before: null },
      },
    ]);
    expect(await deleteAssessment(db(), created.id)).toBe(true);
    expect(await getAssessment(db(), created.id)).toBeUndefined();
    expect(await listRevisions(db(), created.id)).toEqual([]);
  });

  it('writes a change only at the expected version, with its revision', async () => {
    const { id } = await create();
    expect(await change(id, 1, 'B')).toEqual({ applied: true, version: 2 });
    expect(await change(id, 1, 'C')).toEqual({ applied: false });
    const stored = await getAssessment(db(), id);
    expect(stored).toMatchObject({ version: 2, title: 'B', document: doc('B') });
    expect((await listRevisions(db(), id)).map((r) => r.version)).toEqual([1, 2]);
    expect((await revisionsAfter(db(), id, 0)).map((r) => r.version)).toEqual([2, 1]);
  });

  it('rolls the whole change back when a part of it fails', async () => {
    const { id } = await create();
    const record: IdempotencyRecord = {
      userId,
      key: `k-${id}`,
      requestHash: 'h1',
      response: { status: 200, etag: '"2"', body: { ok: true } },
      createdAt: AT,
    };
    expect(
      await change(id, 1, 'B', { idempotency: { record, notBefore: '2026-01-01T00:00:00.000Z' } }),
    ).toEqual({ applied: true, version: 2 });
    expect(await findIdempotent(db(), userId, record.key, '2026-01-01T00:00:00.000Z')).toEqual(record);
    // The same live key again: the insert fails after the UPDATE and the revision, and takes both with it.
    const failed = await change(id, 2, 'C', {
      idempotency: { record: { ...record, requestHash: 'h2' }, notBefore: '2026-01-01T00:00:00.000Z' },
    }).catch((error: unknown) => error);
    expect(isUniqueViolation(failed)).toBe(true);
    expect(await getAssessment(db(), id)).toMatchObject({ version: 2, title: 'B' });
    expect((await listRevisions(db(), id)).map((r) => r.version)).toEqual([1, 2]);
    // An expired key is free again.
    expect(await findIdempotent(db(), userId, record.key, '2026-03-02T00:00:00.000Z')).toBeUndefined();
    expect(
      await change(id, 2, 'C', {
        idempotency: {
          record: { ...record, createdAt: '2026-03-02T10:00:00.000Z' },
          notBefore: '2026-03-02T00:00:00.000Z',
        },
      }),
    ).toEqual({
      applied: true,
      version: 3,
    });
  });

  it('does not delete a final assessment', async () => {
    const { id } = await create();
    expect(
      await applyChange(db(), {
        assessmentId: id,
        expectedVersion: 1,
        actor: userId,
        at: AT,
        kind: 'status',
        change: { path: ['status'], before: 'draft', after: 'final' },
        nextDocument: doc('A'),
        nextColumns: { status: 'final' },
      }),
    ).toEqual({ applied: true, version: 2 });
    expect(await deleteAssessment(db(), id)).toBe(false);
    expect(await getAssessment(db(), id)).toMatchObject({ status: 'final' });
  });

  it('stores evidence bytes exactly and lists items without them', async () => {
    const { id } = await create();
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    const base = {
      orgId,
      assessmentId: id,
      title: 'File',
      text: null,
      url: null,
      requirementKeys: ['G.a.b'],
      createdBy: userId,
      createdAt: AT,
    };
    const item = await insertEvidence(db(), {
      ...base,
      id: randomUUID(),
      kind: 'file',
      fileName: 'f.bin',
      contentType: 'application/octet-stream',
      size: bytes.length,
      sha256: 'abc',
      content: bytes,
    });
    expect(await listEvidence(db(), id)).toEqual([item]);
    expect(Buffer.from((await getEvidenceContent(db(), item.id)) ?? []).equals(Buffer.from(bytes))).toBe(
      true,
    );
    expect(await deleteEvidence(db(), item.id, { actor: userId, at: AT })).toBe(true);
    expect(await listEvidence(db(), id)).toEqual([]);
  });
});
