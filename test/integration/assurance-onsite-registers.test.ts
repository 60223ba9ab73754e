/**
 * The on-site registers on both databases: contacts, artifacts and interviews linked to
 * requirements, texts kept as sent, who may write, tenants, interviewees of this assessment
 * only, a contact an interview names cannot go, final assessments, and the log of every step.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { call, createAssessment, createWorld, errorOf, type World } from './assessments-support.js';
import { logIsValid, logOf, put, requirementKeys } from './assurance-onsite-support.js';

interface Entry {
  id: string;
  requirements: string[];
  createdBy: string;
  [field: string]: unknown;
}
const entriesOf = (response: { json: <T>() => T }) => response.json<{ entries: Entry[] }>().entries;

describe.each(DIALECTS)('on-site registers on %s', (dialect) => {
  let w: World;
  let id: string;
  let keys: string[];
  beforeAll(async () => {
    w = await createWorld(dialect);
    id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    keys = await requirementKeys(w.app, 3);
  });
  afterAll(() => w.close());

  it('keeps contacts, artifacts and interviews as sent and lists what one requirement is informed by', async () => {
    const [k1, k2, k3] = keys as [string, string, string];
    const odd = '  Dr. <b>Ada</b> & "Co"\n second line  ';
    const contact = await call(w.app, w.a.contributor, 'POST', `/assessments/${id}/contacts`, {
      payload: { name: odd, role: 'PKI owner', team: 'Security', requirements: [k1, k1, k2] },
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const c = contact.json<Entry>();
    // Texts come back exactly as sent; a key given twice is kept once.
    expect(c).toMatchObject({ name: odd, role: 'PKI owner', team: 'Security', requirements: [k1, k2] });
    expect(c.createdBy).toBe(w.a.contributor.userId);

    const artifact = await call(w.app, w.a.contributor, 'POST', `/assessments/${id}/artifacts`, {
      payload: {
        title: 'CP/CPS',
        owner: 'PKI team',
        version: '3.1',
        date: '2025-11-30',
        locator: 'javascript:alert(1)',
        requirements: [k2],
      },
    });
    expect(artifact.statusCode, artifact.body).toBe(201);
    expect(artifact.json<Entry>()).toMatchObject({
      locator: 'javascript:alert(1)',
      date: '2025-11-30',
      version: '3.1',
    });

    const interview = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/interviews`, {
      payload: {
        date: '2026-02-28',
        interviewees: [c.id],
        requirements: [k1, k3],
        notes: 'Talked through\nthe key ceremony.',
      },
    });
    expect(interview.statusCode, interview.body).toBe(201);
    const i = interview.json<Entry>();
    expect(i).toMatchObject({
      interviewees: [c.id],
      requirements: [k1, k3],
      notes: 'Talked through\nthe key ceremony.',
    });

    // A viewer reads every register.
    const lists = await Promise.all(
      ['contacts', 'artifacts', 'interviews'].map((kind) =>
        call(w.app, w.a.viewer, 'GET', `/assessments/${id}/${kind}`),
      ),
    );
    expect(lists.map((r) => entriesOf(r).map((e) => e.id))).toEqual([
      [c.id],
      [artifact.json<Entry>().id],
      [i.id],
    ]);

    const linked = async (key: string) => {
      const response = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/requirements/${key}/onsite`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<Record<'contacts' | 'artifacts' | 'interviews', Entry[]>>();
      return {
        contacts: body.contacts.map((e) => e.id),
        artifacts: body.artifacts.map((e) => e.id),
        interviews: body.interviews.map((e) => e.id),
      };
    };
    expect(await linked(k1)).toEqual({ contacts: [c.id], artifacts: [], interviews: [i.id] });
    expect(await linked(k2)).toEqual({
      contacts: [c.id],
      artifacts: [artifact.json<Entry>().id],
      interviews: [],
    });
    expect(await linked(k3)).toEqual({ contacts: [], artifacts: [], interviews: [i.id] });
    const unknown = await call(
      w.app,
      w.a.viewer,
      'GET',
      `/assessments/${id}/requirements/G.nope.nope/onsite`,
    );
    expect(unknown.statusCode).toBe(422);
  });

  it('refuses writes by viewers, other tenants, unknown requirements, strangers as interviewees and bad input', async () => {
    const [k1] = keys as [string];
    const viewer = await call(w.app, w.a.viewer, 'POST', `/assessments/${id}/contacts`, {
      payload: { name: 'X' },
    });
    expect(viewer.statusCode).toBe(403);
    for (const response of [
      await call(w.app, w.b.owner, 'POST', `/assessments/${id}/contacts`, { payload: { name: 'X' } }),
      await call(w.app, w.b.owner, 'GET', `/assessments/${id}/contacts`),
      await call(w.app, w.b.owner, 'GET', `/assessments/${id}/requirements/${k1}/onsite`),
    ])
      expect(response.statusCode).toBe(404);

    const badKey = await call(w.app, w.a.contributor, 'POST', `/assessments/${id}/artifacts`, {
      payload: { title: 'X', requirements: ['G.no-such.thing'] },
    });
    expect(badKey.statusCode).toBe(422);

    // A contact of another assessment (even of the same organisation) is no interviewee here.
    const other = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const stranger = (
      await call(w.app, w.a.assessor, 'POST', `/assessments/${other}/contacts`, {
        payload: { name: 'Elsewhere' },
      })
    ).json<Entry>();
    const foreign = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/interviews`, {
      payload: { date: '2026-01-05', interviewees: [stranger.id] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).issues).toEqual([
      { path: 'body.interviewees.0', message: `no contact ${stranger.id} here` },
    ]);

    for (const payload of [
      { date: '2026-02-30' },
      { date: '26-01-05' },
      { date: '2026-01-05', extra: true },
      { date: '2026-01-05', notes: 'x'.repeat(20_001) },
    ]) {
      const response = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/interviews`, { payload });
      expect(response.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
    }
    const longName = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/contacts`, {
      payload: { name: 'n'.repeat(201) },
    });
    expect(longName.statusCode).toBe(400);
  });

  it('replaces and removes entries, keeps a contact an interview names, and logs every step', async () => {
    const fresh = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const [k1, k2] = keys as [string, string];
    const contact = (
      await call(w.app, w.a.contributor, 'POST', `/assessments/${fresh}/contacts`, {
        payload: { name: 'Bo', requirements: [k1] },
      })
    ).json<Entry>();
    const replaced = await put(w.app, w.a.contributor, `/assessments/${fresh}/contacts/${contact.id}`, {
      name: 'Bo Jensen',
      role: 'CISO',
      requirements: [k2],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json<Entry>()).toMatchObject({
      id: contact.id,
      name: 'Bo Jensen',
      role: 'CISO',
      team: '',
      requirements: [k2],
    });
    const listed = entriesOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${fresh}/contacts`));
    expect(listed).toEqual([replaced.json<Entry>()]);

    const interview = (
      await call(w.app, w.a.contributor, 'POST', `/assessments/${fresh}/interviews`, {
        payload: { date: '2026-03-01', interviewees: [contact.id] },
      })
    ).json<Entry>();
    const blocked = await call(
      w.app,
      w.a.contributor,
      'DELETE',
      `/assessments/${fresh}/contacts/${contact.id}`,
    );
    expect(blocked.statusCode).toBe(409);
    expect(entriesOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${fresh}/contacts`))).toHaveLength(1);

    // The database refuses it too, whatever the service checks first.
    await expect(
      w.database.handle.db.deleteFrom('onsite_contacts').where('id', '=', contact.id).execute(),
    ).rejects.toThrow();

    expect(
      (await call(w.app, w.a.contributor, 'DELETE', `/assessments/${fresh}/interviews/${interview.id}`))
        .statusCode,
    ).toBe(204);
    expect(
      (await call(w.app, w.a.contributor, 'DELETE', `/assessments/${fresh}/contacts/${contact.id}`))
        .statusCode,
    ).toBe(204);
    expect(entriesOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${fresh}/contacts`))).toEqual([]);
    const gone = await put(w.app, w.a.contributor, `/assessments/${fresh}/contacts/${contact.id}`, {
      name: 'X',
    });
    expect(gone.statusCode).toBe(404);

    const events = (await logOf(w.app, w.a.viewer, fresh))
      .map((e) => e.event)
      .filter((e) => e.startsWith('onsite.'));
    expect(events).toEqual([
      'onsite.contact.added',
      'onsite.contact.changed',
      'onsite.interview.added',
      'onsite.interview.removed',
      'onsite.contact.removed',
    ]);
    expect(await logIsValid(w.app, w.a.viewer, fresh)).toBe(true);
  });

  it('an entry of one assessment cannot be changed through another', async () => {
    const first = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const second = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const artifact = (
      await call(w.app, w.a.contributor, 'POST', `/assessments/${first}/artifacts`, {
        payload: { title: 'Runbook' },
      })
    ).json<Entry>();
    expect(
      (await put(w.app, w.a.contributor, `/assessments/${second}/artifacts/${artifact.id}`, { title: 'X' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(w.app, w.a.contributor, 'DELETE', `/assessments/${second}/artifacts/${artifact.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      entriesOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${first}/artifacts`))[0]?.['title'],
    ).toBe('Runbook');
  });

  it('documents the routes with their schemas in the OpenAPI document', async () => {
    const doc = (await w.app.inject('/api/docs/json')).json<{
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>
      >;
    }>();
    for (const kind of ['contacts', 'artifacts', 'interviews']) {
      const add = doc.paths[`/api/v1/assessments/{id}/${kind}`]?.['post'];
      expect(Object.keys(add?.requestBody?.content['application/json']?.schema.properties ?? {})).toContain(
        'requirements',
      );
      expect(doc.paths[`/api/v1/assessments/{id}/${kind}/{entryId}`]).toHaveProperty('delete');
    }
    expect(doc.paths['/api/v1/assessments/{id}/workshops/{workshopId}/votes']).toHaveProperty('put');
  });

  it('refuses register writes on a final assessment', async () => {
    const done = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    // Set directly: how an assessment becomes final is another lane's workflow, the refusal is ours.
    await sql`UPDATE assessments SET status = 'final' WHERE id = ${done}`.execute(w.database.handle.db);
    const response = await call(w.app, w.a.owner, 'POST', `/assessments/${done}/contacts`, {
      payload: { name: 'X' },
    });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).code).toBe('READ_ONLY');
    expect((await call(w.app, w.a.viewer, 'GET', `/assessments/${done}/contacts`)).statusCode).toBe(200);
  });
});
