/**
 * Several respondents rating one requirement, on both databases: each writes only their own
 * rating, the spread is computed from what they gave, their ratings never move the
 * assessment's rating, and the assessor's consensus goes through the revision path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, signUp, type SignedUp } from '../support/accounts.js';
import { DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  call,
  createAssessment,
  createWorld,
  errorOf,
  ifMatch,
  revisionsOf,
  SPONSOR,
  versionOf,
  type World,
} from './assessments-support.js';
import { addParticipant, logIsValid, logOf, makeFinal, put } from './assurance-workflow-support.js';

interface RatingsBody {
  key: string;
  assessmentLevel: number;
  ratings: { userId: string; level: number; note: string | null }[];
  spread: {
    count: number;
    min: number | null;
    max: number | null;
    median: number | null;
    counts: Record<string, number>;
  };
  consensus: { level: number; note: string | null; version: number; decidedBy: string } | null;
  version?: number;
}

/** The median as a person would work it out: sort, take the middle (or the mean of the two middle ones). */
function medianOf(levels: number[]): number {
  const sorted = [...levels].sort((a, b) => a - b);
  const half = sorted.length / 2;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(half)] as number)
    : ((sorted[half - 1] as number) + (sorted[half] as number)) / 2;
}

describe.each(DIALECTS)('assurance respondent ratings on %s', (dialect) => {
  let w: World;
  let extra: SignedUp[];
  beforeAll(async () => {
    w = await createWorld(dialect);
    extra = [];
    for (const name of ['ops', 'sec']) {
      const who = await signUp(w.app, { email: `${name}@a.test` });
      await addMember(w.app, w.a.owner.cookie, w.a.orgId, who.email, 'contributor');
      extra.push(who);
    }
  });
  afterAll(() => w.close());

  const rateAs = (who: SignedUp, id: string, target: string, body: Record<string, unknown>) =>
    put(w.app, who, `/assessments/${id}/respondent-ratings/${SPONSOR}/${target}`, body);
  const ratings = async (id: string) =>
    (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/respondent-ratings/${SPONSOR}`)
    ).json<RatingsBody>();
  const consensus = (who: SignedUp, id: string, version: number | null, body: Record<string, unknown>) =>
    call(w.app, who, 'POST', `/assessments/${id}/consensus/${SPONSOR}`, {
      payload: body,
      ...(version === null ? {} : { headers: ifMatch(version) }),
    });

  /** A workflow assessment with three respondents and the org assessor as its assessor. */
  async function workflow(): Promise<{ id: string; respondents: SignedUp[] }> {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    const respondents = [w.a.contributor, ...extra];
    for (const who of respondents) await addParticipant(w, id, who, 'respondent');
    await addParticipant(w, id, w.a.assessor, 'assessor');
    return { id, respondents };
  }

  it('computes the spread from every respondent own rating and never moves the assessment rating', async () => {
    const { id, respondents } = await workflow();
    const given = [2, 5, 4];
    for (const [index, who] of respondents.entries()) {
      const target = index === 0 ? 'me' : who.userId;
      const response = await rateAs(who, id, target, { level: given[index], note: `view of ${who.email}` });
      expect(response.statusCode, response.body).toBe(200);
    }
    const body = await ratings(id);
    expect(body.ratings.map((r) => [r.userId, r.level]).sort()).toEqual(
      respondents.map((who, index) => [who.userId, given[index]]).sort(),
    );
    expect(body.spread).toMatchObject({
      count: given.length,
      min: Math.min(...given),
      max: Math.max(...given),
      median: medianOf(given),
    });
    for (let levelNumber = 1; levelNumber <= 5; levelNumber += 1) {
      expect(body.spread.counts[String(levelNumber)]).toBe(given.filter((g) => g === levelNumber).length);
    }
    // A changed mind replaces the earlier rating instead of adding one.
    const changed = [...given];
    changed[0] = 3;
    expect((await rateAs(respondents[0] as SignedUp, id, 'me', { level: changed[0] })).statusCode).toBe(200);
    expect((await ratings(id)).spread).toMatchObject({ count: changed.length, median: medianOf(changed) });
    expect(body.assessmentLevel).toBe(0);
    expect(await versionOf(w.app, w.a.owner, id)).toBe(1);
    const events = (await logOf(w, id)).filter((e) => e.event === 'respondent.rating');
    expect(events.map((e) => [e.actor, e.detail['level']])).toEqual([
      ...respondents.map((who, index) => [who.userId, given[index]]),
      [respondents[0]?.userId, changed[0]],
    ]);
    expect(await logIsValid(w, id)).toBe(true);
  });

  it("refuses to write someone else's rating, and ignores a user id smuggled into the body", async () => {
    const { id, respondents } = await workflow();
    const [first, second] = respondents as [SignedUp, SignedUp];
    expect((await rateAs(second, id, 'me', { level: 2 })).statusCode).toBe(200);
    const forged = await rateAs(first, id, second.userId, { level: 5 });
    expect(forged.statusCode).toBe(403);
    const smuggled = await rateAs(first, id, 'me', { level: 4, userId: second.userId });
    expect(smuggled.statusCode).toBe(200);
    const byUser = new Map((await ratings(id)).ratings.map((r) => [r.userId, r.level]));
    expect(byUser.get(second.userId)).toBe(2);
    expect(byUser.get(first.userId)).toBe(4);
    // Not a respondent here: the assessor, a viewer, another tenant.
    expect((await rateAs(w.a.assessor, id, 'me', { level: 3 })).statusCode).toBe(403);
    expect((await rateAs(w.a.viewer, id, 'me', { level: 3 })).statusCode).toBe(403);
    expect((await rateAs(w.b.contributor, id, 'me', { level: 3 })).statusCode).toBe(404);
    expect(
      (await call(w.app, w.b.owner, 'GET', `/assessments/${id}/respondent-ratings/${SPONSOR}`)).statusCode,
    ).toBe(404);
    expect((await rateAs(first, id, 'me', { level: 6 })).statusCode).toBe(400);
  });

  it('records the consensus as the assessment rating through a revision, with the note', async () => {
    const { id, respondents } = await workflow();
    const given = [3, 4, 4];
    for (const [index, who] of respondents.entries()) await rateAs(who, id, 'me', { level: given[index] });
    expect((await consensus(respondents[0] as SignedUp, id, 1, { level: 4 })).statusCode).toBe(403);
    expect((await consensus(w.a.owner, id, 1, { level: 4 })).statusCode).toBe(403);
    const unversioned = await consensus(w.a.assessor, id, null, { level: 4 });
    expect(unversioned.statusCode).toBe(428);
    const stale = await consensus(w.a.assessor, id, 7, { level: 4 });
    expect(stale.statusCode).toBe(409);

    const agreed = Math.round(medianOf(given));
    const recorded = await consensus(w.a.assessor, id, 1, {
      level: agreed,
      note: 'CP exists; review pending',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.headers['etag']).toBe('"2"');
    expect(recorded.json<RatingsBody>()).toMatchObject({
      version: 2,
      assessmentLevel: agreed,
      consensus: {
        level: agreed,
        note: 'CP exists; review pending',
        version: 2,
        decidedBy: w.a.assessor.userId,
      },
    });
    const document = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).document;
    expect(document.requirements?.[SPONSOR]?.level).toBe(agreed);
    const revisions = await revisionsOf(w.app, w.a.owner, id);
    expect(revisions.at(-1)).toMatchObject({
      version: 2,
      kind: 'requirement.level',
      actor: { userId: w.a.assessor.userId },
      path: ['requirements', SPONSOR],
    });
    const log = await logOf(w, id);
    const last = log.at(-1);
    expect(last).toMatchObject({ event: 'consensus.recorded', actor: w.a.assessor.userId });
    expect(last?.detail).toMatchObject({
      key: SPONSOR,
      level: agreed,
      version: 2,
      spread: { count: given.length },
    });
    expect(await logIsValid(w, id)).toBe(true);
  });

  it('refuses respondent ratings and consensus on a final assessment', async () => {
    const { id, respondents } = await workflow();
    await makeFinal(w, id);
    const version = await versionOf(w.app, w.a.owner, id);
    const before = (await logOf(w, id)).length;
    for (const response of [
      await rateAs(respondents[0] as SignedUp, id, 'me', { level: 2 }),
      await consensus(w.a.assessor, id, version, { level: 2 }),
    ]) {
      expect(response.statusCode, response.body).toBe(409);
      expect(errorOf(response).code).toBe('READ_ONLY');
    }
    expect((await ratings(id)).ratings).toEqual([]);
    expect((await logOf(w, id)).length).toBe(before);
  });
});
