/**
 * Attestations through the API on SQLite and PostgreSQL: who may issue them, only for final
 * assessments, public reading and verification (endpoint and page), the server's own key made
 * once however many processes ask at the same time, an operator's key, and the audit log.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationResult } from '../../src/core/attestation/verification.js';
import { PkimmError } from '../../src/core/errors.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';
import { parseAssessmentText } from '../../src/assessment-io/read-assessment.js';
import { openDatabase } from '../../src/persistence/database.js';
import { listAudit } from '../../src/persistence/repositories/audit.js';
import { latestAttestation } from '../../src/persistence/repositories/attestations.js';
import { serverIdentity } from '../../src/server/attestations/server-identity.js';
import { loadConfig } from '../../src/server/config.js';
import { buildTestApp, createOrgWithRoles, testClock } from '../support/accounts.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  call,
  createWorld,
  errorOf,
  example,
  ifMatch,
  type World,
} from './assessments-support.js';
import { b64url, makePki, openssl, splitJws, x5cToPem } from './attest-support.js';

interface AttestationBody {
  id: string;
  assessmentId: string;
  digest: string;
  issuer: string;
  issuedAt: string;
  issuedBy?: string | null;
  jws: string;
  verifyUrl: string;
}

async function importFinal(w: World, yaml = example('sample-assessment-2.0.0.yaml')): Promise<string> {
  const imported = await call(w.app, w.a.owner, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
    payload: yaml,
    headers: { 'content-type': 'application/yaml' },
  });
  expect(imported.statusCode, imported.body).toBe(201);
  const { id, version } = assessmentOf(imported);
  for (const [status, at] of [
    ['in-review', version],
    ['final', version + 1],
  ] as const) {
    const changed = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/status`, {
      payload: { status },
      headers: ifMatch(at),
    });
    expect(changed.statusCode, changed.body).toBe(200);
  }
  return id;
}

const verify = (app: FastifyInstance, jws: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/attestations/verify',
    headers: { 'content-type': 'application/jose' },
    payload: jws,
  });

describe.each(DIALECTS)('attestations API on %s', (dialect) => {
  let w: World;
  let finalId: string;
  let issued: AttestationBody;
  beforeAll(async () => {
    w = await createWorld(dialect);
    finalId = await importFinal(w);
    const response = await call(w.app, w.a.owner, 'POST', `/assessments/${finalId}/attestations`);
    expect(response.statusCode, response.body).toBe(201);
    issued = response.json<AttestationBody>();
  });
  afterAll(() => w.close());

  it('only an owner may issue: assessor and viewer 403, another organisation 404, anonymous 401', async () => {
    for (const who of [w.a.assessor, w.a.viewer, w.a.contributor]) {
      const response = await call(w.app, who, 'POST', `/assessments/${finalId}/attestations`);
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).code).toBe('FORBIDDEN');
    }
    expect((await call(w.app, w.b.owner, 'POST', `/assessments/${finalId}/attestations`)).statusCode).toBe(
      404,
    );
    const anonymous = await w.app.inject({
      method: 'POST',
      url: `/api/v1/assessments/${finalId}/attestations`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses an assessment that is not final with 409 and says why', async () => {
    const imported = await call(w.app, w.a.owner, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
      payload: example('sample-assessment-2.0.0.yaml'),
      headers: { 'content-type': 'application/yaml' },
    });
    const draft = assessmentOf(imported).id;
    const response = await call(w.app, w.a.owner, 'POST', `/assessments/${draft}/attestations`);
    expect(response.statusCode).toBe(409);
    expect(errorOf(response)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('this one is draft') as string,
    });
  });

  it('signs the levels the core engine computes, with the digest over the payload', async () => {
    const { assessment, model } = await parseAssessmentText(
      example('sample-assessment-2.0.0.yaml'),
      'sample',
      w.app.deps.registry,
    );
    const report = scoreAssessment(model, assessment);
    const parts = splitJws(issued.jws);
    const payload = JSON.parse(parts.payloadBytes.toString('utf8')) as {
      id: string;
      assessment: { id: string; name: string };
      levels: { overall: { raw: number; level: number }; modules: { id: string; level: number | null }[] };
    };
    expect(payload.id).toBe(issued.id);
    expect(payload.assessment).toMatchObject({ id: finalId, name: assessment.title });
    expect(payload.levels.overall).toMatchObject({ raw: report.overall.raw, level: report.overall.level });
    expect(payload.levels.modules.map((m) => m.level)).toEqual(report.modules.map((m) => m.level));
    const hex = openssl(['dgst', '-sha256', '-r'], { cwd: tmpdir(), input: parts.payloadBytes }).split(
      ' ',
    )[0];
    expect(issued.digest).toBe(`sha256:${hex}`);
    expect(issued).toMatchObject({
      assessmentId: finalId,
      issuedBy: w.a.owner.userId,
      verifyUrl: `/verify/${issued.id}`,
    });
  });

  it('is public to read, and verifies through the public endpoint; a changed byte does not', async () => {
    const read = await w.app.inject({ method: 'GET', url: `/api/v1/attestations/${issued.id}` });
    expect(read.statusCode).toBe(200);
    const body = read.json<AttestationBody>();
    expect(body).toMatchObject({ id: issued.id, jws: issued.jws, digest: issued.digest });
    expect(body.issuedBy).toBeUndefined();
    const ok = await verify(w.app, issued.jws);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<VerificationResult>()).toMatchObject({ valid: true, reasons: [], digest: issued.digest });
    const asJson = await w.app.inject({
      method: 'POST',
      url: '/api/v1/attestations/verify',
      payload: { jws: issued.jws },
    });
    expect(asJson.json<VerificationResult>().valid).toBe(true);
    const parts = splitJws(issued.jws);
    const flipped = Buffer.from(parts.signature);
    flipped[5] = (flipped[5] ?? 0) ^ 0x80;
    const bad = (
      await verify(w.app, `${parts.headerPart}.${parts.payloadPart}.${b64url(flipped)}`)
    ).json<VerificationResult>();
    expect(bad.valid).toBe(false);
    expect(bad.reasons.map((r) => r.code)).toEqual(['SIGNATURE_MISMATCH']);
    expect((await w.app.inject({ method: 'GET', url: '/api/v1/attestations/nope' })).statusCode).toBe(404);
  });

  it('its chain ends at the published trust anchor, as openssl confirms', async () => {
    const anchor = await w.app.inject({ method: 'GET', url: '/api/v1/attestations/trust-anchor.pem' });
    expect(anchor.statusCode).toBe(200);
    expect(anchor.body).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    const dir = makePki('ec', 'server-check').dir;
    const x5c = splitJws(issued.jws).header['x5c'] as string[];
    writeFileSync(join(dir, 'anchor.pem'), anchor.body);
    writeFileSync(join(dir, 'leaf.pem'), x5cToPem(x5c[0]!));
    expect(openssl(['verify', '-CAfile', 'anchor.pem', 'leaf.pem'], { cwd: dir })).toContain('leaf.pem: OK');
  });

  it('shows the verification page without scripts, with a strict CSP and escaped values', async () => {
    const page = await w.app.inject({ method: 'GET', url: `/verify/${issued.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(page.body).toContain('<strong>Valid.</strong>');
    expect(page.body).toContain(issued.digest);
    expect(page.body).toContain('Overall level');
    expect(page.body).not.toMatch(/<script/i);
    const hostile = example('sample-assessment-2.0.0.yaml').replace(
      /^title: .*$/m,
      `title: '<script>alert(1)</script> & "x"'`,
    );
    const id = await importFinal(w, hostile);
    const second = (
      await call(w.app, w.a.owner, 'POST', `/assessments/${id}/attestations`)
    ).json<AttestationBody>();
    const escaped = await w.app.inject({ method: 'GET', url: `/verify/${second.id}` });
    expect(escaped.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(escaped.body).not.toMatch(/<script/i);
    const missing = await w.app.inject({ method: 'GET', url: '/verify/%3Cb%3Enope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('&lt;b&gt;nope');
  });

  it('lists attestations for members only, newest first, and records issuance in the audit log', async () => {
    const list = await call(w.app, w.a.viewer, 'GET', `/assessments/${finalId}/attestations`);
    expect(list.statusCode).toBe(200);
    expect(list.json<AttestationBody[]>().map((a) => a.id)).toEqual([issued.id]);
    expect((await call(w.app, w.b.viewer, 'GET', `/assessments/${finalId}/attestations`)).statusCode).toBe(
      404,
    );
    const entries = await listAudit(w.app.deps.database.db, w.a.orgId, {
      limit: 10,
      event: 'attestation.issued',
    });
    const entry = entries.find((e) => e.detail['attestationId'] === issued.id);
    expect(entry).toMatchObject({
      actorUserId: w.a.owner.userId,
      detail: { assessmentId: finalId, digest: issued.digest },
    });
    expect(await latestAttestation(w.app.deps.database.db, finalId)).toEqual({
      id: issued.id,
      digest: issued.digest,
      issuedAt: issued.issuedAt,
      issuer: issued.issuer,
    });
    expect(await latestAttestation(w.app.deps.database.db, 'no-such-assessment')).toBeNull();
  });
});

describe.each(DIALECTS)('the server signing identity on %s', (dialect) => {
  it('is created once when several processes ask for it at the same time', async () => {
    const database = await createTestDatabase(dialect);
    const handles = [database.handle, openDatabase(database.url), openDatabase(database.url)];
    const apps = await Promise.all(handles.map((handle) => buildTestApp(handle, testClock())));
    try {
      const identities = await Promise.all(apps.map((app) => serverIdentity(app.deps)));
      const fingerprints = new Set(identities.map((i) => i.identity.chain[0]?.fingerprint));
      expect(fingerprints.size).toBe(1);
      const rows = await database.handle.db.selectFrom('attestation_keys').select('id').execute();
      expect(rows).toHaveLength(1);
      // A fresh process reads the stored key rather than making another.
      const later = await buildTestApp(openDatabase(database.url), testClock());
      expect((await serverIdentity(later.deps)).identity.chain[0]?.fingerprint).toBe([...fingerprints][0]);
      await later.close();
      await later.deps.database.close();
    } finally {
      for (const app of apps) await app.close();
      await Promise.all(handles.slice(1).map((handle) => handle.close()));
      await database.drop();
    }
  });

  it("signs with the operator's PEM key and chain when configured", async () => {
    const pki = makePki('rsa', `operator-${dialect}`);
    // openssl dates its certificates from the real clock, so this app runs on it too.
    const database = await createTestDatabase(dialect);
    const app = await buildTestApp(database.handle, testClock(new Date().toISOString()), {
      PKIMM_ATTEST_KEY: pki.leafKey,
      PKIMM_ATTEST_CERT: pki.leafCert,
      PKIMM_ATTEST_CHAIN: pki.intermediateCert,
    });
    const a = await createOrgWithRoles(app, 'operator');
    const w: World = {
      database,
      app,
      a,
      b: a,
      close: async () => {
        await app.close();
        await database.drop();
      },
    };
    try {
      const id = await importFinal(w);
      const issued = (
        await call(w.app, w.a.owner, 'POST', `/assessments/${id}/attestations`)
      ).json<AttestationBody>();
      expect(issued.issuer).toBe('CN=operator-' + dialect + ' Attestation Signer, O=pkimm tests');
      const parts = splitJws(issued.jws);
      expect(parts.header['alg']).toBe('RS256');
      expect((await verify(w.app, issued.jws)).json<VerificationResult>().valid).toBe(true);
      // Anchored at the top of the configured chain: the intermediate.
      const anchor = await w.app.inject({ method: 'GET', url: '/api/v1/attestations/trust-anchor.pem' });
      expect(anchor.body.replace(/\s/g, '')).toContain((parts.header['x5c'] as string[])[1]);
      const rows = await w.app.deps.database.db.selectFrom('attestation_keys').select('id').execute();
      expect(rows).toEqual([]);
    } finally {
      await w.close();
    }
  });
});

describe('a PKCS#12 signing identity for the server', () => {
  it('signs with PKIMM_ATTEST_P12 and its password, anchored at the chain in the file', async () => {
    const pki = makePki('ec', 'server-p12');
    const p12 = join(pki.dir, 'server.p12');
    const chain = join(pki.dir, 'chain.pem');
    writeFileSync(chain, readFileSync(pki.intermediateCert, 'utf8') + readFileSync(pki.rootCert, 'utf8'));
    openssl(
      [
        'pkcs12',
        '-export',
        '-inkey',
        pki.leafKey,
        '-in',
        pki.leafCert,
        '-certfile',
        chain,
        '-passout',
        'pass:server secret',
        '-out',
        p12,
      ],
      { cwd: pki.dir },
    );
    const database = await createTestDatabase('sqlite');
    const app = await buildTestApp(database.handle, testClock(new Date().toISOString()), {
      PKIMM_ATTEST_P12: p12,
      PKIMM_ATTEST_P12_PASSWORD: 'server secret',
    });
    try {
      const identity = await serverIdentity(app.deps);
      expect(identity.identity.chain.map((c) => c.subject)).toEqual([
        'CN=server-p12 Attestation Signer, O=pkimm tests',
        'CN=server-p12 Test Intermediate, O=pkimm tests',
        'CN=server-p12 Test Root, O=pkimm tests',
      ]);
      const anchor = await app.inject({ method: 'GET', url: '/api/v1/attestations/trust-anchor.pem' });
      expect(anchor.body.replace(/\s/g, '')).toBe(readFileSync(pki.rootCert, 'utf8').replace(/\s/g, ''));
    } finally {
      await app.close();
      await database.drop();
    }
  });
});

describe('attestation configuration', () => {
  it('names every missing or conflicting PKIMM_ATTEST_* variable', () => {
    const issuesOf = (env: Record<string, string>) => {
      try {
        loadConfig({ PKIMM_HOME: '/tmp', ...env });
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(PkimmError);
        return (error as PkimmError).issues.map((issue) => issue.path);
      }
    };
    expect(issuesOf({ PKIMM_ATTEST_KEY: 'k.pem' })).toEqual(['PKIMM_ATTEST_CERT']);
    expect(issuesOf({ PKIMM_ATTEST_P12: 'x.p12' })).toEqual(['PKIMM_ATTEST_P12_PASSWORD']);
    expect(
      issuesOf({ PKIMM_ATTEST_P12: 'x.p12', PKIMM_ATTEST_P12_PASSWORD: 'p', PKIMM_ATTEST_CERT: 'c' }),
    ).toEqual(['PKIMM_ATTEST_P12']);
    expect(loadConfig({ PKIMM_HOME: '/tmp' }).attestation).toEqual({ kind: 'generated' });
  });

  it('answers 500 with a clear message when the configured key file is missing', async () => {
    const database = await createTestDatabase('sqlite');
    const app = await buildTestApp(database.handle, testClock(), {
      PKIMM_ATTEST_KEY: '/nonexistent/key.pem',
      PKIMM_ATTEST_CERT: '/nonexistent/cert.pem',
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/attestations/trust-anchor.pem' });
      expect(response.statusCode).toBe(500);
      expect(errorOf(response)).toMatchObject({ code: 'CONFIG_INVALID' });
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
