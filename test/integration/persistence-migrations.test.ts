import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, migrationStatus } from '../../src/persistence/migrate.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database.drop());

  it('are applied once: running them again applies nothing', async () => {
    const db = database.handle.db as never;
    expect(await migrateToLatest(db, dialect)).toEqual({ applied: [] });
    expect((await migrationStatus(db, dialect)).map((m) => [m.name, m.executedAt !== null])).toEqual([
      ['001-init', true],
      ['002-attestations', true],
      ['003-cycles', true],
      ['004-benchmark', true],
      ['005-scans', true],
      ['006-assessment-log', true],
      ['007-assurance', true],
      ['008-onsite', true],
      ['009-signoff', true],
      ['010-freeze-assurance', true],
    ]);
  });

  it('create every table with the same columns on both databases', async () => {
    const tables = await database.handle.db.introspection.getTables();
    const names = tables
      .map((t) => t.name)
      .filter((n) => !n.startsWith('kysely_'))
      .sort();
    expect(names).toEqual(
      [
        'api_tokens',
        'approvals',
        'assessment_cycles',
        'assessment_log',
        'assessment_participants',
        'assurance_profiles',
        'corrections',
        'onsite_artifacts',
        'onsite_contacts',
        'onsite_interviewees',
        'onsite_interviews',
        'participant_statements',
        'requirement_consensus',
        'requirement_questions',
        'requirement_reviews',
        'respondent_ratings',
        'sign_offs',
        'workshop_items',
        'workshop_votes',
        'workshops',
        'assessment_grants',
        'attestation_keys',
        'attestations',
        'assessments',
        'audit_log',
        'benchmark_secrets',
        'benchmark_submissions',
        'evidence',
        'idempotency_keys',
        'memberships',
        'organisations',
        'portfolio_scopes',
        'revisions',
        'scan_suggestions',
        'sessions',
        'users',
      ].sort(),
    );
    const assessments = tables.find((t) => t.name === 'assessments')!;
    expect(assessments.columns.map((c) => c.name).sort()).toEqual(
      [
        'created_at',
        'created_by',
        'document',
        'id',
        'mode',
        'model_id',
        'model_version',
        'org_id',
        'status',
        'title',
        'type',
        'updated_at',
        'version',
      ].sort(),
    );
  });

  it('enforce foreign keys and unique emails', async () => {
    const { db } = database.handle;
    const at = new Date().toISOString();
    await expect(
      db
        .insertInto('memberships')
        .values({ org_id: 'missing', user_id: 'missing', role: 'owner', created_at: at })
        .execute(),
    ).rejects.toThrow();
    const user = {
      name: 'A',
      password_hash: 'x',
      is_admin: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: at,
    };
    await db
      .insertInto('users')
      .values({ ...user, id: 'u1', email: 'a@example.org' })
      .execute();
    await expect(
      db
        .insertInto('users')
        .values({ ...user, id: 'u2', email: 'a@example.org' })
        .execute(),
    ).rejects.toThrow();
  });

  it('store binary evidence content byte for byte', async () => {
    const { db } = database.handle;
    const at = new Date().toISOString();
    await db.insertInto('organisations').values({ id: 'o1', name: 'O', slug: 'o', created_at: at }).execute();
    await db
      .insertInto('assessments')
      .values({
        id: 'a1',
        org_id: 'o1',
        title: 't',
        model_id: 'pkimm',
        model_version: '2.0.0',
        mode: 'full',
        type: null,
        status: 'draft',
        version: 1,
        document: '{}',
        created_by: 'u1',
        created_at: at,
        updated_at: at,
      })
      .execute();
    const bytes = new Uint8Array([0, 255, 1, 254, 0x89, 0x50, 0x4e, 0x47]);
    await db
      .insertInto('evidence')
      .values({
        id: 'e1',
        org_id: 'o1',
        assessment_id: 'a1',
        kind: 'file',
        title: 'f',
        text: null,
        url: null,
        file_name: 'f.bin',
        content_type: 'application/octet-stream',
        size: bytes.length,
        sha256: null,
        content: bytes,
        requirement_keys: '[]',
        created_by: 'u1',
        created_at: at,
      })
      .execute();
    const row = await db
      .selectFrom('evidence')
      .select('content')
      .where('id', '=', 'e1')
      .executeTakeFirstOrThrow();
    expect([...new Uint8Array(row.content!)]).toEqual([...bytes]);
  });

  it('roll back to an empty schema and forward again', async () => {
    const db = database.handle.db as never;
    // One step down per migration, newest first.
    expect(await migrateDown(db, dialect)).toEqual({ applied: ['010-freeze-assurance'] });
    expect(await migrateDown(db, dialect)).toEqual({ applied: ['009-signoff'] });
    expect(await migrateDown(db, dialect)).toEqual({ applied: ['008-onsite'] });
    expect(await migrateDown(db, dialect)).toEqual({ applied: ['007-assurance'] });
    expect(await migrateDown(db, dialect)).toEqual({ applied: ['006-assessment-log'] });
    expect(await migrateDown(db, dialect)).toEqual({ applied: ['005-scans'] });
    expect(await migrateDown(db, dialect)).toEqual({ applied: ['004-benchmark'] });
    expect(await migrateDown(db, dialect)).toEqual({ applied: ['003-cycles'] });
    expect(await migrateDown(db, dialect)).toEqual({ applied: ['002-attestations'] });
    await migrateDown(db, dialect);
    const left = (await database.handle.db.introspection.getTables())
      .map((t) => t.name)
      .filter((n) => !n.startsWith('kysely_'));
    expect(left).toEqual([]);
    expect(await migrateToLatest(db, dialect)).toEqual({
      applied: [
        '001-init',
        '002-attestations',
        '003-cycles',
        '004-benchmark',
        '005-scans',
        '006-assessment-log',
        '007-assurance',
        '008-onsite',
        '009-signoff',
        '010-freeze-assurance',
      ],
    });
    await sql`select count(*) from assessments`.execute(database.handle.db);
  });
});
