/**
 * Workshop mode on both databases: a facilitator who may rate drives it, every reader votes
 * from their own device, only the facilitator types in votes for others, the spread follows
 * the votes, the agreed rating is one revision, closing freezes everything, and the minutes
 * (Markdown and HTML) say what happened with every user text escaped.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexModel, levelName } from '../../src/core/model/model-index.js';
import type { Model } from '../../src/core/model/model.types.js';
import { DIALECTS } from '../support/databases.js';
import { bearer, createToken, type SignedUp } from '../support/accounts.js';
import {
  call,
  createAssessment,
  createWorld,
  errorOf,
  revisionsOf,
  type AssessmentBody,
  type World,
} from './assessments-support.js';
import { logIsValid, logOf, model200, put, requirementKeys } from './assurance-onsite-support.js';

interface Vote {
  participant: string;
  userId: string | null;
  typedIn: boolean;
  level: number;
}
interface Item {
  key: string;
  votes: Vote[];
  spread: {
    count: number;
    min: number | null;
    max: number | null;
    median: number | null;
    perLevel: Record<string, number>;
  };
  agreed: { level: number; notes: string; version: number } | null;
}
interface View {
  workshop: {
    id: string;
    status: string;
    facilitator: { userId: string; name: string };
    currentKey: string | null;
  };
  current:
    (Item & { guidance: string; levels: unknown[]; scale: unknown[]; category: { key: string } }) | null;
  items: Item[];
}

const SCRIPT_NAME = '<script>alert(1)</script>';

describe.each(DIALECTS)('workshops on %s', (dialect) => {
  let w: World;
  let id: string;
  let wid: string;
  let k1: string;
  let k2: string;
  let k3: string;
  let model: Model;
  const base = () => `/assessments/${id}/workshops/${wid}`;
  const vote = (who: SignedUp, body: Record<string, unknown>) => put(w.app, who, `${base()}/votes`, body);
  const view = async (who: SignedUp = w.a.viewer) => (await call(w.app, who, 'GET', base())).json<View>();

  beforeAll(async () => {
    w = await createWorld(dialect);
    id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    [k1, k2, k3] = (await requirementKeys(w.app, 3)) as [string, string, string];
    model = await model200(w.app);
  });
  afterAll(() => w.close());

  it('is opened only by someone who may rate, with them as facilitator', async () => {
    const path = `/assessments/${id}/workshops`;
    expect((await call(w.app, w.a.viewer, 'POST', path, { payload: {} })).statusCode).toBe(403);
    expect((await call(w.app, w.a.contributor, 'POST', path, { payload: {} })).statusCode).toBe(403);
    expect((await call(w.app, w.b.owner, 'POST', path, { payload: {} })).statusCode).toBe(404);
    const opened = await call(w.app, w.a.assessor, 'POST', path, { payload: { title: 'Governance day' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const workshop = opened.json<{ workshop: View['workshop'] }>().workshop;
    wid = workshop.id;
    expect(workshop).toMatchObject({
      status: 'open',
      currentKey: null,
      facilitator: { userId: w.a.assessor.userId },
    });
    const list = (await call(w.app, w.a.viewer, 'GET', path)).json<{ workshops: { id: string }[] }>()
      .workshops;
    expect(list.map((x) => x.id)).toEqual([wid]);
  });

  it('is driven by its facilitator only, and shows the requirement with guidance and levels from the model', async () => {
    const early = await vote(w.a.viewer, { level: 2 });
    expect(early.statusCode).toBe(409);
    expect((await put(w.app, w.a.owner, `${base()}/current`, { key: k1 })).statusCode).toBe(403);
    expect((await put(w.app, w.a.viewer, `${base()}/current`, { key: k1 })).statusCode).toBe(403);
    expect((await put(w.app, w.b.owner, `${base()}/current`, { key: k1 })).statusCode).toBe(404);
    expect((await put(w.app, w.a.assessor, `${base()}/current`, { key: 'G.none.none' })).statusCode).toBe(
      422,
    );
    const moved = await put(w.app, w.a.assessor, `${base()}/current`, { key: k1 });
    expect(moved.statusCode, moved.body).toBe(200);
    const current = (await view()).current;
    const index = indexModel(model);
    const requirement = index.requirementByKey.get(k1);
    const category = index.categoryOfRequirement.get(k1);
    expect(current?.key).toBe(k1);
    expect(current?.guidance).toBe(requirement?.guidance);
    expect(current?.category.key).toBe(category?.key);
    expect(current?.levels).toEqual(
      category?.levels.map((l) => ({ number: l.number, name: l.name, description: l.description })),
    );
    expect(current?.scale).toEqual(
      model.levels.map((l) => ({ number: l.number, name: l.name, meaning: l.meaning })),
    );
  });

  it('takes every reader’s own vote, typed-in votes from the facilitator only, and shows their spread', async () => {
    const sent: [SignedUp, Record<string, unknown>][] = [
      [w.a.viewer, { level: 2 }],
      [w.a.contributor, { level: 4 }],
      [w.a.owner, { level: 3 }],
      [w.a.assessor, { participant: SCRIPT_NAME, level: 5 }],
      // A second vote replaces the first.
      [w.a.viewer, { level: 1 }],
    ];
    for (const [who, body] of sent) {
      const response = await vote(who, body);
      expect(response.statusCode, response.body).toBe(200);
    }
    // Voting in someone else's name, or posing as another account, is refused.
    expect((await vote(w.a.contributor, { participant: 'Absent Colleague', level: 1 })).statusCode).toBe(403);
    expect((await vote(w.a.viewer, { participant: 'owner', level: 1 })).statusCode).toBe(403);
    // Even someone who may rate types in nobody's vote unless they facilitate this workshop.
    expect((await vote(w.a.owner, { participant: 'Absent Colleague', level: 1 })).statusCode).toBe(403);
    expect((await vote(w.a.viewer, { level: 1, userId: w.a.owner.userId })).statusCode).toBe(400);
    expect((await vote(w.a.viewer, { level: 6 })).statusCode).toBe(400);
    const readOnly = await createToken(w.app, w.a.viewer.cookie, w.a.orgId, ['assessments:read']);
    const byToken = await w.app.inject({
      method: 'PUT',
      url: `/api/v1${base()}/votes`,
      headers: bearer(readOnly.token),
      payload: { level: 5 },
    });
    expect(byToken.statusCode, byToken.body).toBe(403);
    expect((await vote(w.b.owner, { level: 1 })).statusCode).toBe(404);
    expect((await call(w.app, w.b.owner, 'GET', base())).statusCode).toBe(404);

    const current = (await view()).current;
    const expected = new Map<string, number>([
      [w.a.viewer.userId, 1],
      [w.a.contributor.userId, 4],
      [w.a.owner.userId, 3],
    ]);
    const members = current?.votes.filter((v) => !v.typedIn) ?? [];
    expect(new Map(members.map((v) => [v.userId, v.level]))).toEqual(expected);
    expect(current?.votes.filter((v) => v.typedIn)).toEqual([
      expect.objectContaining({ participant: SCRIPT_NAME, userId: null, level: 5 }),
    ]);
    const levels = [...expected.values(), 5].sort((a, b) => a - b);
    const mid = levels.length / 2;
    expect(current?.spread).toEqual({
      count: levels.length,
      min: levels[0],
      max: levels[levels.length - 1],
      median: ((levels[mid - 1] ?? 0) + (levels[mid] ?? 0)) / 2,
      perLevel: Object.fromEntries(
        [1, 2, 3, 4, 5].map((l) => [String(l), levels.filter((x) => x === l).length]),
      ),
    });
  });

  it('writes the agreed rating as one revision and keeps the notes with the item', async () => {
    const notes = 'Board minutes of 2025-11 show\n<em>sponsor</em> approval';
    expect(
      (await call(w.app, w.a.viewer, 'POST', `${base()}/agree`, { payload: { level: 3, notes } })).statusCode,
    ).toBe(403);
    expect(
      (await call(w.app, w.a.owner, 'POST', `${base()}/agree`, { payload: { level: 3, notes } })).statusCode,
    ).toBe(403);
    const before = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).json<AssessmentBody>();
    const revisions = await revisionsOf(w.app, w.a.viewer, id);
    const agreed = await call(w.app, w.a.assessor, 'POST', `${base()}/agree`, {
      payload: { level: 3, notes },
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json<{ version: number }>().version).toBe(before.version + 1);
    const after = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).json<AssessmentBody>();
    expect(after.version).toBe(before.version + 1);
    const answers = after.document.requirements as Record<string, { level?: number }>;
    expect(answers[k1]?.level).toBe(3);
    const now = await revisionsOf(w.app, w.a.viewer, id);
    expect(now).toHaveLength(revisions.length + 1);
    expect(now.find((r) => r.version === after.version)).toMatchObject({ kind: 'requirement.level' });
    expect((await view()).items[0]?.agreed).toMatchObject({ level: 3, notes, version: after.version });
  });

  it('moves on without losing earlier votes, and agrees only on requirements it discussed', async () => {
    expect((await put(w.app, w.a.assessor, `${base()}/current`, { key: k2 })).statusCode).toBe(200);
    expect((await vote(w.a.viewer, { level: 2 })).statusCode).toBe(200);
    const state = await view();
    expect(state.current?.key).toBe(k2);
    expect(state.current?.votes.map((v) => [v.userId, v.level])).toEqual([[w.a.viewer.userId, 2]]);
    expect(state.items.map((i) => [i.key, i.votes.length])).toEqual([
      [k1, 4],
      [k2, 1],
    ]);
    const never = await call(w.app, w.a.assessor, 'POST', `${base()}/agree`, {
      payload: { level: 2, key: k3 },
    });
    expect(never.statusCode).toBe(409);
  });

  it('freezes votes and agreements once closed', async () => {
    expect((await call(w.app, w.a.owner, 'POST', `${base()}/close`)).statusCode).toBe(403);
    const closed = await call(w.app, w.a.assessor, 'POST', `${base()}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const frozen = await view();
    expect(frozen.workshop.status).toBe('closed');
    const attempts = [
      await vote(w.a.viewer, { level: 5 }),
      await vote(w.a.assessor, { participant: 'Late Comer', level: 5 }),
      await call(w.app, w.a.assessor, 'POST', `${base()}/agree`, { payload: { level: 5 } }),
      await put(w.app, w.a.assessor, `${base()}/current`, { key: k3 }),
      await call(w.app, w.a.assessor, 'POST', `${base()}/close`),
    ];
    for (const response of attempts) {
      expect(response.statusCode, response.body).toBe(409);
      expect(errorOf(response).code).toBe('CONFLICT');
    }
    expect(await view()).toEqual(frozen);
  });

  it('exports the minutes as Markdown and as HTML with every user text escaped', async () => {
    const md = await call(w.app, w.a.viewer, 'GET', `${base()}/minutes?format=md`);
    expect(md.statusCode, md.body).toBe(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    const state = await view();
    expect(md.body).toContain(`Facilitator: ${state.workshop.facilitator.name}`);
    for (const name of ['viewer', 'contributor', 'owner']) expect(md.body).toContain(name);
    expect(md.body).toContain(`Agreed rating: 3 (${levelName(model, 3)})`);
    expect(md.body).toContain('> Board minutes of 2025-11 show');
    expect(md.body).not.toContain('<script');

    const html = await call(w.app, w.a.viewer, 'GET', `${base()}/minutes?format=html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body.toLowerCase()).not.toContain('<script');
    expect(html.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;: 5 (typed in by the facilitator)');
    expect(html.body).toContain('&lt;em&gt;sponsor&lt;/em&gt; approval');
    expect(html.body).not.toContain('<em>');
    // Every requirement the workshop discussed has its section, with its spread.
    for (const item of state.items) {
      expect(html.body).toContain(`(${item.key})`);
      expect(html.body).toContain(
        `${item.spread.count} vote(s), min ${item.spread.min}, max ${item.spread.max}`,
      );
    }
    expect((await call(w.app, w.b.owner, 'GET', `${base()}/minutes`)).statusCode).toBe(404);
    expect((await call(w.app, w.a.viewer, 'GET', `${base()}/minutes?format=pdf`)).statusCode).toBe(400);
  });

  it('logged every step in a chain that verifies', async () => {
    const events = (await logOf(w.app, w.a.viewer, id))
      .map((e) => e.event)
      .filter((e) => e.startsWith('workshop.'));
    expect(events).toEqual([
      'workshop.opened',
      'workshop.current',
      ...Array<string>(5).fill('workshop.vote'),
      'workshop.agreed',
      'workshop.current',
      'workshop.vote',
      'workshop.closed',
    ]);
    expect(await logIsValid(w.app, w.a.viewer, id)).toBe(true);
  });
});

describe.each(DIALECTS)('workshop edges on %s', (dialect) => {
  let w: World;
  let keys: string[];
  beforeAll(async () => {
    w = await createWorld(dialect);
    keys = await requirementKeys(w.app, 2);
  });
  afterAll(() => w.close());

  async function workshopOn(id: string): Promise<string> {
    const opened = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/workshops`, { payload: {} });
    const wid = opened.json<{ workshop: { id: string } }>().workshop.id;
    const moved = await put(w.app, w.a.assessor, `/assessments/${id}/workshops/${wid}/current`, {
      key: keys[0],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    return wid;
  }

  it('answers 404 for a workshop reached through another assessment', async () => {
    const first = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const second = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const wid = await workshopOn(first);
    const wrong = `/assessments/${second}/workshops/${wid}`;
    expect((await call(w.app, w.a.viewer, 'GET', wrong)).statusCode).toBe(404);
    expect((await put(w.app, w.a.viewer, `${wrong}/votes`, { level: 2 })).statusCode).toBe(404);
    expect(
      (await call(w.app, w.a.assessor, 'POST', `${wrong}/agree`, { payload: { level: 2 } })).statusCode,
    ).toBe(404);
    expect((await call(w.app, w.a.assessor, 'POST', `${wrong}/close`)).statusCode).toBe(404);
  });

  it('keeps exactly the votes that were accepted when they race the close', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const wid = await workshopOn(id);
    const base = `/assessments/${id}/workshops/${wid}`;
    const names = Array.from({ length: 12 }, (_, i) => `Participant ${i + 1}`);
    const [close, ...votes] = await Promise.all([
      call(w.app, w.a.assessor, 'POST', `${base}/close`),
      ...names.map((participant, i) =>
        put(w.app, w.a.assessor, `${base}/votes`, { participant, level: (i % 5) + 1 }),
      ),
    ]);
    expect(close?.statusCode).toBe(200);
    for (const vote of votes) expect([200, 409]).toContain(vote.statusCode);
    const accepted = names.filter((_, i) => votes[i]?.statusCode === 200);
    const state = (await call(w.app, w.a.viewer, 'GET', base)).json<View>();
    expect(state.items[0]?.votes.map((v) => v.participant).sort()).toEqual([...accepted].sort());
    const logged = (await logOf(w.app, w.a.viewer, id)).filter((e) => e.event === 'workshop.vote');
    expect(logged).toHaveLength(accepted.length);
  });

  it('refuses every workshop write once the assessment is final, and still shows it', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const wid = await workshopOn(id);
    // Set directly: how an assessment becomes final is another lane's workflow, the refusal is ours.
    await sql`UPDATE assessments SET status = 'final' WHERE id = ${id}`.execute(w.database.handle.db);
    const base = `/assessments/${id}/workshops/${wid}`;
    for (const response of [
      await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/workshops`, { payload: {} }),
      await put(w.app, w.a.viewer, `${base}/votes`, { level: 2 }),
      await put(w.app, w.a.assessor, `${base}/current`, { key: keys[1] }),
      await call(w.app, w.a.assessor, 'POST', `${base}/agree`, { payload: { level: 2 } }),
      await call(w.app, w.a.assessor, 'POST', `${base}/close`),
    ]) {
      expect(response.statusCode, response.body).toBe(409);
      expect(errorOf(response).code).toBe('READ_ONLY');
    }
    expect((await call(w.app, w.a.viewer, 'GET', base)).statusCode).toBe(200);
  });
});
