/**
 * Who may do what with assessments, on both databases: every route answers 404 to members of
 * another organisation (indistinguishable from a missing id), each role can do exactly its
 * capabilities, and an external assessor reaches the one assessment they were invited to.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/persistence/schema.js';
import { bearer, createToken, signUp, type SignedUp } from '../support/accounts.js';
import { DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  call,
  createAssessment,
  createWorld,
  errorOf,
  example,
  ifMatch,
  level,
  SPONSOR,
  type EvidenceBody,
  type World,
} from './assessments-support.js';

type Capability = 'read' | 'rate' | 'annotate' | 'review' | 'finalise';

interface Target {
  orgId: string;
  id: string;
  evidenceId: string;
}

interface Operation {
  name: string;
  needs: Capability;
  run: (
    w: World,
    who: SignedUp,
    t: Target,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
}

const textEvidence = { kind: 'text', title: 'Minutes', text: 'SC-2025-11', requirements: [SPONSOR] };

/** Every assessment and evidence route, with the capability it needs; writes name version 1, the fresh state. */
const OPERATIONS: Operation[] = [
  {
    name: 'list',
    needs: 'read',
    run: (w, who, t, h) => call(w.app, who, 'GET', `/orgs/${t.orgId}/assessments`, { headers: h ?? {} }),
  },
  {
    name: 'get',
    needs: 'read',
    run: (w, who, t, h) => call(w.app, who, 'GET', `/assessments/${t.id}`, { headers: h ?? {} }),
  },
  {
    name: 'score',
    needs: 'read',
    run: (w, who, t, h) =>
      call(w.app, who, 'GET', `/assessments/${t.id}/score?gaps=true`, { headers: h ?? {} }),
  },
  {
    name: 'revisions',
    needs: 'read',
    run: (w, who, t, h) => call(w.app, who, 'GET', `/assessments/${t.id}/revisions`, { headers: h ?? {} }),
  },
  {
    name: 'export',
    needs: 'read',
    run: (w, who, t, h) =>
      call(w.app, who, 'GET', `/assessments/${t.id}/export?format=official`, { headers: h ?? {} }),
  },
  {
    name: 'evidence list',
    needs: 'read',
    run: (w, who, t, h) => call(w.app, who, 'GET', `/assessments/${t.id}/evidence`, { headers: h ?? {} }),
  },
  {
    name: 'evidence content',
    needs: 'read',
    run: (w, who, t, h) => call(w.app, who, 'GET', `/evidence/${t.evidenceId}/content`, { headers: h ?? {} }),
  },
  {
    name: 'create',
    needs: 'rate',
    run: (w, who, t, h) =>
      call(w.app, who, 'POST', `/orgs/${t.orgId}/assessments`, {
        payload: { title: 'x', model: { version: '2.0.0' }, mode: 'self' },
        headers: h ?? {},
      }),
  },
  {
    name: 'import',
    needs: 'rate',
    run: (w, who, t, h) =>
      call(w.app, who, 'POST', `/orgs/${t.orgId}/assessments/import`, {
        payload: example('sample-assessment-2.0.0.yaml'),
        headers: { 'content-type': 'application/yaml', ...h },
      }),
  },
  {
    name: 'autosave level',
    needs: 'rate',
    run: (w, who, t, h) =>
      call(w.app, who, 'PATCH', `/assessments/${t.id}/answers`, {
        payload: level(SPONSOR, 3),
        headers: { ...ifMatch(1), ...h },
      }),
  },
  {
    name: 'autosave applicability',
    needs: 'rate',
    run: (w, who, t, h) =>
      call(w.app, who, 'PATCH', `/assessments/${t.id}/answers`, {
        payload: {
          target: 'category',
          key: 'O.automation',
          field: 'applicability',
          value: 'not-applicable',
          reason: 'manual',
        },
        headers: { ...ifMatch(1), ...h },
      }),
  },
  {
    name: 'metadata',
    needs: 'rate',
    run: (w, who, t, h) =>
      call(w.app, who, 'PATCH', `/assessments/${t.id}`, {
        payload: { title: 'Renamed' },
        headers: { ...ifMatch(1), ...h },
      }),
  },
  {
    name: 'autosave notes',
    needs: 'annotate',
    run: (w, who, t, h) =>
      call(w.app, who, 'PATCH', `/assessments/${t.id}/answers`, {
        payload: { target: 'requirement', key: SPONSOR, field: 'notes', value: 'n' },
        headers: { ...ifMatch(1), ...h },
      }),
  },
  {
    name: 'autosave flag',
    needs: 'annotate',
    run: (w, who, t, h) =>
      call(w.app, who, 'PATCH', `/assessments/${t.id}/answers`, {
        payload: { target: 'requirement', key: SPONSOR, field: 'flagged', value: true },
        headers: { ...ifMatch(1), ...h },
      }),
  },
  {
    name: 'add evidence',
    needs: 'annotate',
    run: (w, who, t, h) =>
      call(w.app, who, 'POST', `/assessments/${t.id}/evidence`, { payload: textEvidence, headers: h ?? {} }),
  },
  {
    name: 'delete evidence',
    needs: 'annotate',
    run: (w, who, t, h) => call(w.app, who, 'DELETE', `/evidence/${t.evidenceId}`, { headers: h ?? {} }),
  },
  {
    name: 'to review',
    needs: 'review',
    run: (w, who, t, h) =>
      call(w.app, who, 'POST', `/assessments/${t.id}/status`, {
        payload: { status: 'in-review' },
        headers: { ...ifMatch(1), ...h },
      }),
  },
  {
    name: 'finalise',
    needs: 'finalise',
    run: (w, who, t, h) =>
      call(w.app, who, 'POST', `/assessments/${t.id}/status`, {
        payload: { status: 'final' },
        headers: { ...ifMatch(1), ...h },
      }),
  },
  {
    name: 'restore',
    needs: 'finalise',
    run: (w, who, t, h) =>
      call(w.app, who, 'POST', `/assessments/${t.id}/revisions/1/restore`, {
        headers: { ...ifMatch(1), ...h },
      }),
  },
  {
    name: 'delete',
    needs: 'finalise',
    run: (w, who, t, h) => call(w.app, who, 'DELETE', `/assessments/${t.id}`, { headers: h ?? {} }),
  },
];

const CAPABILITIES: Record<Role, Capability[]> = {
  owner: ['read', 'rate', 'annotate', 'review', 'finalise'],
  assessor: ['read', 'rate', 'annotate', 'review'],
  contributor: ['read', 'annotate'],
  viewer: ['read'],
};

describe.each(DIALECTS)('assessments: isolation and roles on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  /** A fresh assessment of organisation A at version 1, with one uploaded file. */
  async function freshTarget(): Promise<Target> {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    const form = new FormData();
    form.append('requirements', SPONSOR);
    form.append('file', new Blob(['evidence text']), 'minutes.txt');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const uploaded = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/evidence`, {
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    });
    expect(uploaded.statusCode).toBe(201);
    return { orgId: w.a.orgId, id, evidenceId: uploaded.json<EvidenceBody>().id };
  }

  it('answers 404 on every route to each member of another organisation, exactly as for a missing id', async () => {
    const target = await freshTarget();
    const missing = { orgId: 'no-such-org', id: 'no-such-assessment', evidenceId: 'no-such-evidence' };
    const scrub = (r: LightMyRequestResponse, t: Target) => {
      const body = errorOf(r);
      return {
        status: r.statusCode,
        code: body.code,
        message: body.message.replace(t.id, 'ID').replace(t.orgId, 'ID').replace(t.evidenceId, 'ID'),
      };
    };
    for (const role of ['owner', 'assessor', 'contributor', 'viewer'] as const) {
      for (const op of OPERATIONS) {
        const outsider = await op.run(w, w.b[role], target);
        expect(outsider.statusCode, `${op.name} as B's ${role}`).toBe(404);
        expect(scrub(outsider, target), op.name).toEqual(scrub(await op.run(w, w.b[role], missing), missing));
        // An evidence id must not reveal which assessment it belongs to.
        if (op.name.startsWith('evidence content')) expect(outsider.body).not.toContain(target.id);
      }
    }
    const untouched = assessmentOf(await call(w.app, w.a.owner, 'GET', `/assessments/${target.id}`));
    expect(untouched.version).toBe(1);
  });

  it('answers 404 to an API token of another organisation, even its owner’s, and 401 to anonymous requests', async () => {
    const target = await freshTarget();
    const { token } = await createToken(w.app, w.b.owner.cookie, w.b.orgId, [
      'assessments:read',
      'assessments:write',
    ]);
    const anonymous = { userId: '', email: '', cookie: '' };
    for (const op of OPERATIONS) {
      expect((await op.run(w, anonymous, target, bearer(token))).statusCode, op.name).toBe(404);
      expect((await op.run(w, anonymous, target)).statusCode, op.name).toBe(401);
    }
    // The owner of A with a token bound to A gets through; a read-only token may not write.
    const own = await createToken(w.app, w.a.owner.cookie, w.a.orgId, ['assessments:read']);
    expect(
      (await call(w.app, anonymous, 'GET', `/assessments/${target.id}`, { headers: bearer(own.token) }))
        .statusCode,
    ).toBe(200);
    const write = await call(w.app, anonymous, 'PATCH', `/assessments/${target.id}/answers`, {
      payload: level(SPONSOR, 2),
      headers: { ...bearer(own.token), ...ifMatch(1) },
    });
    expect(write.statusCode).toBe(403);
  });

  for (const role of ['owner', 'assessor', 'contributor', 'viewer'] as const) {
    it(`lets the ${role} do exactly: ${CAPABILITIES[role].join(', ')}`, async () => {
      for (const op of OPERATIONS) {
        const response = await op.run(w, w.a[role], await freshTarget());
        const allowed = CAPABILITIES[role].includes(op.needs);
        if (allowed) expect(response.statusCode, `${op.name}: ${response.body}`).toBeLessThan(300);
        else expect(response.statusCode, `${op.name} should be refused`).toBe(403);
      }
    });
  }

  it('lets an external assessor work on the one assessment they were invited to, and nothing else', async () => {
    const external = await signUp(w.app, { email: 'external@auditors.test' });
    const other = await freshTarget();
    for (const op of OPERATIONS) {
      // Each operation gets its own invited assessment at version 1, as writes move it on.
      const invited = await freshTarget();
      const grant = await call(w.app, w.a.owner, 'POST', `/assessments/${invited.id}/grants`, {
        payload: { email: external.email, role: 'assessor' },
      });
      expect(grant.statusCode).toBe(201);
      const response = await op.run(w, external, invited);
      if (op.name === 'list' || op.name === 'create' || op.name === 'import')
        expect(response.statusCode, op.name).toBe(404);
      else if (op.needs === 'finalise') expect(response.statusCode, op.name).toBe(403);
      else expect(response.statusCode, `${op.name}: ${response.body}`).toBeLessThan(300);
      expect((await op.run(w, external, other)).statusCode, `${op.name} on another assessment`).toBe(404);
    }
  });
});
