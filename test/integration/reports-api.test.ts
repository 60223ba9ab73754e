/**
 * GET /api/v1/assessments/:id/reports/:type on SQLite: the four PDFs read back with
 * pdftotext, access as for reading the assessment, the HTML page's strict CSP and escaping,
 * and the default choice of the previous assessment to compare with.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  createOrgWithRoles,
  as,
  type OrgWithRoles,
  type SignedUp,
} from '../support/accounts.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import {
  flat,
  HOSTILE,
  hostileAssessmentYaml,
  parseHtml,
  pdfInfo,
  pdfText,
  SAMPLE,
  scoreOf,
  scratch,
  snapshot,
  writeBytes,
} from './reports-support.js';

const STRICT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const SAMPLE_TEXT = readFileSync(SAMPLE, 'utf8');
const dir = scratch();
const sample = await scoreOf(SAMPLE);
const fmt = (n: number) =>
  new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

let database: TestDatabase;
let app: FastifyInstance;
let a: OrgWithRoles;
let b: OrgWithRoles;
let current: string;

function get(who: SignedUp | null, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who ? as(app, who) : {} });
}

async function importYaml(who: SignedUp, orgId: string, text: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/assessments/import`,
    headers: { ...as(app, who), 'content-type': 'application/yaml' },
    payload: text,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function finalise(id: string): Promise<void> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${id}/status`,
    headers: { ...as(app, a.owner), 'if-match': '"1"' },
    payload: { status: 'final' },
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** The sample as an earlier assessment: its own id and title, dated a year before, all levels one lower. */
function earlier(title: string, year: string): string {
  return SAMPLE_TEXT.replace(/^id: .*$/m, '')
    .replace(/^title: .*$/m, `title: ${title}`)
    .replaceAll('2026-', `${year}-`)
    .replace(/level: ([2-5])/g, (_m, level: string) => `level: ${Number(level) - 1}`);
}

beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  app = await buildTestApp(database.handle);
  a = await createOrgWithRoles(app, 'a');
  b = await createOrgWithRoles(app, 'b');
  current = await importYaml(a.assessor, a.orgId, SAMPLE_TEXT);
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('reports over the API', () => {
  it('serves each of the four reports as a PDF download that a viewer may read', async () => {
    const expected = {
      self: 'Self-assessment report',
      assessment: 'Assessment report',
      detailed: 'Detailed assessment report',
      attestation: 'Attestation report',
    };
    for (const [type, title] of Object.entries(expected)) {
      const response = await get(a.viewer, `/assessments/${current}/reports/${type}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const fileName = `kestrel-freight-enterprise-pki-assessment-2026-${type}-report.pdf`;
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`,
      );
      const path = writeBytes(dir, `api-${type}.pdf`, response.rawPayload);
      const text = pdfText(path);
      const pages = Number(pdfInfo(path)['Pages']);
      snapshot(path, `api-${type}`, 1);
      expect(text).toContain(title);
      expect(text).toContain(`Page 1 of ${pages}`);
      expect(text).toContain(`Page ${pages} of ${pages}`);
      expect(text).toContain('PKIMM 2.0.0');
      const { overall } = sample.score;
      expect(text).toContain(
        `Level ${overall.level} – ${overall.levelName} (raw value ${fmt(overall.raw!)})`,
      );
      for (const module of sample.score.modules) {
        expect(text).toMatch(
          new RegExp(`${module.name}\\s+Level ${module.level} – ${module.levelName}\\s+${fmt(module.raw!)}`),
        );
      }
      if (type !== 'self') expect(text).toContain('Dana Whitfield, Lanternfish Assurance (external)');
      if (type === 'attestation') {
        expect(text).toMatch(/Trust level\s+medium/);
        expect(flat(text)).toContain('No signed attestation accompanies this report');
      }
      if (type === 'detailed') expect(text).toMatch(/^\s*Contents$/m);
    }
  });

  it('answers in German with lang=de', async () => {
    const response = await get(a.viewer, `/assessments/${current}/reports/self?lang=de`);
    expect(response.statusCode).toBe(200);
    const text = pdfText(writeBytes(dir, 'api-de.pdf', response.rawPayload));
    expect(text).toContain('Bericht zur Selbstbewertung');
    expect(text).toMatch(/Seite 1 von \d+/);
    expect(text).toContain('Stufen nach Modul');
  });

  it('lists stored evidence items under their requirement in the detailed report', async () => {
    const added = await app.inject({
      method: 'POST',
      url: `/api/v1/assessments/${current}/evidence`,
      headers: as(app, a.assessor),
      payload: {
        kind: 'link',
        title: 'Key ceremony script',
        url: 'https://intranet.example/ceremony',
        requirements: ['M.key-management.key-inventory'],
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    const response = await get(a.viewer, `/assessments/${current}/reports/detailed`);
    const text = pdfText(writeBytes(dir, 'api-evidence.pdf', response.rawPayload));
    expect(text).toContain('Key ceremony script');
    expect(text).toContain('intranet.example');
  });

  it('answers 404 to other tenants, 401 without a session and 400 for an unknown type or format', async () => {
    expect((await get(b.owner, `/assessments/${current}/reports/self`)).statusCode).toBe(404);
    expect((await get(null, `/assessments/${current}/reports/self`)).statusCode).toBe(401);
    expect((await get(a.viewer, `/assessments/${current}/reports/summary`)).statusCode).toBe(400);
    expect((await get(a.viewer, `/assessments/${current}/reports/self?format=docx`)).statusCode).toBe(400);
    expect((await get(a.viewer, `/assessments/${current}/reports/self?lang=fr`)).statusCode).toBe(400);
    const theirs = await importYaml(b.assessor, b.orgId, earlier('Their assessment', '2025'));
    const probe = await get(a.viewer, `/assessments/${current}/reports/detailed?previous=${theirs}`);
    expect(probe.statusCode).toBe(404);
    expect(
      (await get(a.viewer, `/assessments/${current}/reports/detailed?previous=${current}`)).statusCode,
    ).toBe(400);
  });

  it('serves HTML with a CSP that lets nothing load or run, and every stored text escaped', async () => {
    const hostile = await importYaml(a.assessor, a.orgId, hostileAssessmentYaml());
    for (const type of ['self', 'detailed']) {
      const response = await get(a.viewer, `/assessments/${hostile}/reports/${type}?format=html`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toBe(STRICT_CSP);
      expect(response.headers['content-disposition']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const parsed = parseHtml(response.body);
      expect(parsed.tags).not.toContain('script');
      expect(parsed.tags).not.toContain('img');
      expect(parsed.handlers).toEqual([]);
      expect(parsed.text).toContain(HOSTILE.title);
      if (type === 'detailed') {
        expect(parsed.text).toContain(HOSTILE.notes);
        expect(parsed.text).toContain(HOSTILE.scope);
        expect(parsed.text).toContain(HOSTILE.assessor);
        expect(response.body).toContain('&lt;img src=x onerror=alert(');
      }
      expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    // Other replies keep the app's own policy.
    const json = await get(a.viewer, `/assessments/${hostile}`);
    expect(json.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('compares by default with the latest earlier final assessment of the organisation, or the one asked for', async () => {
    const before = await get(a.viewer, `/assessments/${current}/reports/detailed`);
    expect(flat(pdfText(writeBytes(dir, 'api-none.pdf', before.rawPayload)))).toContain(
      'No previous assessment was available for comparison.',
    );
    const older = await importYaml(a.assessor, a.orgId, earlier('Kestrel review 2024', '2024'));
    const old = await importYaml(a.assessor, a.orgId, earlier('Kestrel review 2025', '2025'));
    const draft = await importYaml(a.assessor, a.orgId, earlier('Kestrel draft 2025', '2025'));
    await finalise(older);
    await finalise(old);
    void draft; // a draft is never the default comparison
    const chosen = pdfText(
      writeBytes(
        dir,
        'api-prev.pdf',
        (await get(a.viewer, `/assessments/${current}/reports/detailed`)).rawPayload,
      ),
    );
    expect(chosen).toContain('Comparison with the previous assessment');
    expect(chosen).toContain('Kestrel review 2025, 14 October 2025');
    expect(chosen).not.toContain('Kestrel draft 2025');
    expect(chosen).not.toContain('No previous assessment');
    // Every level was one lower, so each rated category rose by exactly 1.00 (or less where 1 stayed 1).
    expect(flat(chosen)).toMatch(
      /Strategy and vision Level 2 – Foundational \(2\.25\) Level 3 – Advanced \(3\.25\) \+1\.00/,
    );

    const asked = pdfText(
      writeBytes(
        dir,
        'api-asked.pdf',
        (await get(a.viewer, `/assessments/${current}/reports/detailed?previous=${older}`)).rawPayload,
      ),
    );
    expect(asked).toContain('Kestrel review 2024, 14 October 2024');
  });
});
