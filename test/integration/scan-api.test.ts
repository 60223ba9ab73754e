/**
 * The scan API on both databases: uploads become one evidence item with the inventory and its
 * suggestions; only a person's decision rates a requirement; roles, tenants, final assessments,
 * the TLS allow list and the report's list of ratings from accepted suggestions.
 */
import { X509Certificate, createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DIALECTS } from '../support/databases.js';
import { makePki, type Pki } from '../support/pki-fixtures.js';
import type {
  ScanDetailSchema,
  ScanListItemSchema,
  SuggestionSchema,
} from '../../src/server/routes/scan-schemas.js';
import {
  call,
  createAssessment,
  createWorld,
  errorOf,
  ifMatch,
  multipart,
  versionOf,
  type AssessmentBody,
  type EvidenceBody,
  type World,
} from './assessments-support.js';
import type { SignedUp } from '../support/accounts.js';

type Suggestion = z.output<typeof SuggestionSchema>;
type ScanReply = { scan: z.output<typeof ScanDetailSchema>; suggestions: Suggestion[] };

let pki: Pki;
let tlsServer: Server;
let tlsTarget: string;

beforeAll(async () => {
  pki = await makePki();
  const leaf = pki.leaves['ec-p384-no-san'];
  tlsServer = createServer({ key: leaf.keyPem ?? '', cert: leaf.pem + pki.intermediate.pem });
  await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
  tlsTarget = `127.0.0.1:${(tlsServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => tlsServer.close(() => resolve())));

/** A PEM bundle of every generated certificate plus one private key. */
function bundle(): Buffer {
  return Buffer.from(pki.all.map((c) => c.pem).join('') + (pki.leaves['rsa-2048'].keyPem ?? ''));
}

async function scan(
  w: World,
  who: SignedUp,
  id: string,
  files: { bytes: Buffer; fileName: string }[],
  fields: Record<string, string> = {},
) {
  return call(
    w.app,
    who,
    'POST',
    `/assessments/${id}/scans`,
    await multipart([
      ...Object.entries(fields).map(([name, value]) => ({ name, value })),
      ...files.map((f) => ({ name: 'files', value: { ...f, type: 'application/octet-stream' } })),
    ]),
  );
}

const decide = (w: World, who: SignedUp, id: string, suggestion: string, body: Record<string, unknown>) =>
  call(w.app, who, 'POST', `/assessments/${id}/suggestions/${suggestion}/decision`, { payload: body });

async function ratingOf(w: World, id: string, key: string): Promise<number> {
  const doc = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).json<AssessmentBody>().document;
  return (doc.requirements as Record<string, { level?: number }> | undefined)?.[key]?.level ?? 0;
}

describe.each(DIALECTS)('scans on %s', (dialect) => {
  let w: World;
  let id: string;
  let first: ScanReply;
  beforeAll(async () => {
    w = await createWorld(dialect);
    id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const response = await scan(w, w.a.contributor, id, [{ bytes: bundle(), fileName: 'estate.pem' }]);
    expect(response.statusCode, response.body).toBe(201);
    first = response.json<ScanReply>();
  });
  afterAll(() => w.close());

  it('stores the scan as one evidence item whose content is the inventory, with the input digest', async () => {
    const unique = new Set(pki.all.map((c) => createHash('sha256').update(c.der).digest('hex')));
    expect(first.scan.summary.unique).toBe(unique.size);
    expect(first.scan.summary.certificates).toBe(pki.all.length);
    expect(first.scan.summary.issuers).toBe(
      new Set(pki.all.map((c) => new X509Certificate(c.der).issuer)).size,
    );
    expect(first.scan.inputs).toEqual([
      {
        kind: 'file',
        name: 'estate.pem',
        sha256: createHash('sha256').update(bundle()).digest('hex'),
        size: bundle().length,
      },
    ]);
    expect(first.scan.findings.map((f) => f.kind)).toEqual(['private-key']);
    const evidence = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/evidence`)).json<{
      evidence: EvidenceBody[];
    }>().evidence;
    const item = evidence.find((e) => e.id === first.scan.id);
    expect(item?.kind).toBe('scan');
    const content = await call(w.app, w.a.viewer, 'GET', `/evidence/${first.scan.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(createHash('sha256').update(content.rawPayload).digest('hex')).toBe(item?.sha256);
    const stored = JSON.parse(content.body) as { certificates: { fingerprint: string }[] };
    expect(new Set(stored.certificates.map((c) => c.fingerprint))).toEqual(unique);
    // The private key's bytes are nowhere in what was stored.
    const keyLine = (pki.leaves['rsa-2048'].keyPem ?? '').split('\n')[1] ?? 'missing';
    expect(content.body).not.toContain(keyLine);
  });

  it('lists scans and returns one inventory, 404 for another tenant', async () => {
    const list = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/scans`)).json<{
      scans: z.output<typeof ScanListItemSchema>[];
    }>().scans;
    expect(list.map((s) => s.id)).toEqual([first.scan.id]);
    expect(list[0]?.summary).toEqual(first.scan.summary);
    const detail = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/scans/${first.scan.id}`);
    expect(detail.json<{ scan: ScanReply['scan'] }>().scan.certificates).toHaveLength(
      first.scan.summary.unique,
    );
    expect((await call(w.app, w.b.owner, 'GET', `/assessments/${id}/scans`)).statusCode).toBe(404);
    expect((await call(w.app, w.b.owner, 'GET', `/assessments/${id}/suggestions`)).statusCode).toBe(404);
    expect((await scan(w, w.b.owner, id, [{ bytes: bundle(), fileName: 'x.pem' }])).statusCode).toBe(404);
  });

  it('suggests without rating: every suggestion is open and no answer changed', async () => {
    expect(first.suggestions.length).toBeGreaterThan(2);
    expect(first.suggestions.every((s) => s.status === 'open' && s.currentLevel === 0)).toBe(true);
    for (const s of first.suggestions) expect(await ratingOf(w, id, s.requirement)).toBe(0);
    expect(await versionOf(w.app, w.a.viewer, id)).toBe(1);
  });

  it('lets an assessor accept, change or reject, once each, and refuses contributors and viewers', async () => {
    const [accept, change, reject] = first.suggestions;
    if (!accept || !change || !reject) throw new Error('three suggestions expected');
    for (const who of [w.a.contributor, w.a.viewer])
      expect((await decide(w, who, id, accept.id, { action: 'accept' })).statusCode).toBe(403);
    const accepted = await decide(w, w.a.assessor, id, accept.id, { action: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<{ suggestion: Suggestion }>().suggestion).toMatchObject({
      status: 'accepted',
      decidedLevel: accept.level,
      currentLevel: accept.level,
    });
    expect(await ratingOf(w, id, accept.requirement)).toBe(accept.level);
    expect((await decide(w, w.a.assessor, id, accept.id, { action: 'reject' })).statusCode).toBe(409);
    const other = accept.level === 5 ? 1 : 5;
    const changed = await decide(w, w.a.owner, id, change.id, { action: 'change', level: other });
    expect(changed.json<{ suggestion: Suggestion }>().suggestion.status).toBe('changed');
    const before = await ratingOf(w, id, reject.requirement);
    expect((await decide(w, w.a.assessor, id, reject.id, { action: 'reject' })).statusCode).toBe(200);
    expect(await ratingOf(w, id, reject.requirement)).toBe(before);
    // Two ratings, two revisions; the rejection wrote none.
    expect(await versionOf(w.app, w.a.viewer, id)).toBe(3);
    const bad = await decide(w, w.a.assessor, id, first.suggestions[3]?.id ?? 'x', {
      action: 'change',
      level: 9,
    });
    expect(bad.statusCode).toBe(400);
    expect((await decide(w, w.a.assessor, id, 'no-such', { action: 'accept' })).statusCode).toBe(404);
  });

  it('lists accepted ratings in the detailed report until a person changes them', async () => {
    const suggestions = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/suggestions`)).json<{
      suggestions: Suggestion[];
    }>().suggestions;
    const accepted = suggestions.find((s) => s.status === 'accepted');
    if (!accepted) throw new Error('an accepted suggestion expected');
    const changed = suggestions.find((s) => s.status === 'changed');
    const report = async () =>
      (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/reports/detailed?format=html`)).body;
    const html = await report();
    expect(html).toContain('Ratings from automated evidence');
    const section = html.slice(html.indexOf('Ratings from automated evidence'));
    expect(section).toContain(accepted.rule);
    if (changed) expect(section).not.toContain(`>${changed.rule}<`);
    const version = await versionOf(w.app, w.a.viewer, id);
    const level = accepted.level === 1 ? 2 : 1;
    const edit = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${id}/answers`, {
      payload: { target: 'requirement', key: accepted.requirement, field: 'level', value: level },
      headers: ifMatch(version),
    });
    expect(edit.statusCode).toBe(200);
    const after = await report();
    const rest = after.includes('Ratings from automated evidence')
      ? after.slice(after.indexOf('Ratings from automated evidence'))
      : '';
    expect(rest).not.toContain(`>${accepted.rule}<`);
  });

  it('refuses empty, malformed and disallowed requests and changes nothing', async () => {
    const before = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/scans`)).json<{
      scans: unknown[];
    }>().scans.length;
    const empty = await scan(w, w.a.assessor, id, []);
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).issues[0]?.message).toMatch(/at least one file/);
    const json = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/scans`, {
      payload: { tls: 'x' },
    });
    expect(json.statusCode).toBe(400);
    const tls = await scan(w, w.a.assessor, id, [], { tls: tlsTarget });
    expect(tls.statusCode).toBe(403);
    expect(errorOf(tls).message).toContain('PKIMM_SCAN_TLS_TARGETS');
    const preset = await scan(w, w.a.assessor, id, [{ bytes: bundle(), fileName: 'a.pem' }], {
      csvPreset: 'sap',
    });
    expect(preset.statusCode).toBe(400);
    expect((await scan(w, w.a.viewer, id, [{ bytes: bundle(), fileName: 'a.pem' }])).statusCode).toBe(403);
    const garbage = await scan(w, w.a.assessor, id, [
      { bytes: Buffer.from('not a certificate'), fileName: 'a.pem' },
    ]);
    expect(garbage.statusCode).toBe(201);
    expect(garbage.json<ScanReply>().scan.summary).toMatchObject({ certificates: 0, skipped: 1 });
    const after = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/scans`)).json<{
      scans: unknown[];
    }>().scans.length;
    expect(after).toBe(before + 1);
  });

  it('removes the suggestions with the scan evidence', async () => {
    const other = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const made = (
      await scan(w, w.a.assessor, other, [{ bytes: bundle(), fileName: 'b.pem' }])
    ).json<ScanReply>();
    expect(made.suggestions.length).toBeGreaterThan(0);
    const removed = await call(w.app, w.a.assessor, 'DELETE', `/evidence/${made.scan.id}`);
    expect(removed.statusCode).toBe(204);
    const left = (await call(w.app, w.a.viewer, 'GET', `/assessments/${other}/suggestions`)).json<{
      suggestions: unknown[];
    }>().suggestions;
    expect(left).toEqual([]);
  });

  it('gives a 1.0.0 assessment its suggestions under 1.0.0 ids', async () => {
    const old = await createAssessment(w.app, w.a.assessor, w.a.orgId, { model: { version: '1.0.0' } });
    const made = (
      await scan(w, w.a.assessor, old, [{ bytes: bundle(), fileName: 'c.pem' }])
    ).json<ScanReply>();
    expect(made.suggestions.length).toBeGreaterThan(0);
    const doc = (await call(w.app, w.a.viewer, 'GET', `/assessments/${old}`)).json<AssessmentBody>().document;
    const keys = Object.keys((doc.requirements as Record<string, unknown> | undefined) ?? {});
    for (const s of made.suggestions) {
      expect(s.requirement).toMatch(/^[GMOR]\.\d+\.\d+$/);
      if (keys.length > 0) expect(keys).toContain(s.requirement);
    }
    const accepted = await decide(w, w.a.assessor, old, made.suggestions[0]?.id ?? '', { action: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it('refuses a scan of a final assessment', async () => {
    const done = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    for (const [status, version] of [
      ['in-review', 1],
      ['final', 2],
    ] as const) {
      const moved = await call(w.app, w.a.owner, 'POST', `/assessments/${done}/status`, {
        payload: { status },
        headers: ifMatch(version),
      });
      expect(moved.statusCode).toBe(200);
    }
    expect((await scan(w, w.a.assessor, done, [{ bytes: bundle(), fileName: 'd.pem' }])).statusCode).toBe(
      409,
    );
  });
});

describe('scans of TLS endpoints on the allow list', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld('sqlite', { PKIMM_SCAN_TLS_TARGETS: '127.0.0.1' });
  });
  afterAll(() => w.close());

  it('connects to allowed targets only', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const ok = await scan(w, w.a.assessor, id, [], { tls: tlsTarget });
    expect(ok.statusCode, ok.body).toBe(201);
    const reply = ok.json<ScanReply>();
    expect(reply.scan.endpoints).toHaveLength(1);
    expect(reply.scan.summary.certificates).toBe(2);
    const refused = await scan(w, w.a.assessor, id, [], { tls: `${tlsTarget}\nexample.org:443` });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).issues).toEqual([
      { path: 'body.tls', message: 'example.org:443 is not allowed' },
    ]);
  });
});
