/** Import of both file formats, export round trips, invalid imports, and the export audit event, on both databases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/persistence/repositories/audit.js';
import { DIALECTS } from '../support/databases.js';
import {
  anyNumber,
  assessmentOf,
  autosave,
  call,
  createWorld,
  errorOf,
  example,
  level,
  revisionsOf,
  ROOT,
  SPONSOR,
  type World,
} from './assessments-support.js';

const OFFICIAL = 'official-export-2.0.0-full.yaml';
const SAMPLE = 'sample-assessment-2.0.0.yaml';

describe.each(DIALECTS)('assessments: import and export on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  const importText = (text: string, contentType = 'application/yaml', who = w.a.assessor) =>
    call(w.app, who, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
      payload: text,
      headers: { 'content-type': contentType },
    });
  const exportAs = (id: string, format: string) =>
    call(w.app, w.a.viewer, 'GET', `/assessments/${id}/export?format=${format}`);
  const count = async () =>
    (await w.database.handle.db.selectFrom('assessments').select('id').execute()).length;

  it('imports the official export and exports it back byte for byte', async () => {
    const text = example(OFFICIAL);
    const imported = await importText(text);
    expect(imported.statusCode).toBe(201);
    expect(imported.headers.etag).toBe('"1"');
    const body = assessmentOf(imported);
    expect(body).toMatchObject({ title: 'Northgate Health PKI review 2026', version: 1, status: 'draft' });
    expect(body.document.importedFrom).toBe('official');

    const official = await exportAs(body.id, 'official');
    expect(official.statusCode).toBe(200);
    expect(official.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(official.headers['content-disposition']).toBe(
      `attachment; filename="northgate-health-pki-review-2026.yaml"; filename*=UTF-8''northgate-health-pki-review-2026.yaml`,
    );
    expect(official.body).toBe(text);
    const revisions = await revisionsOf(w.app, w.a.viewer, body.id);
    expect(revisions).toMatchObject([{ version: 1, kind: 'import', path: [], before: null }]);
  });

  it('imports our sample in YAML and in JSON, and exports the same data in each format', async () => {
    const yamlText = example(SAMPLE);
    const fromYaml = await importText(yamlText, 'text/yaml');
    expect(fromYaml.statusCode).toBe(201);
    const id = assessmentOf(fromYaml).id;
    const asYaml = await exportAs(id, 'pkimm-yaml');
    expect(asYaml.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(parse(asYaml.body)).toEqual(parse(yamlText));
    const asJson = await exportAs(id, 'pkimm-json');
    expect(asJson.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(asJson.headers['content-disposition']).toContain('.pkimm.json');
    expect(JSON.parse(asJson.body)).toEqual(parse(yamlText));
    expect(assessmentOf(fromYaml).document).toEqual(JSON.parse(asJson.body));

    const fromJson = await importText(asJson.body, 'application/json');
    expect(fromJson.statusCode).toBe(201);
    expect(assessmentOf(fromJson).document).toEqual(assessmentOf(fromYaml).document);
    const plain = await importText(yamlText, 'text/plain');
    expect(plain.statusCode).toBe(201);

    // An edited import exports the edit, in the official format too.
    expect((await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 1))).statusCode).toBe(200);
    const official = await exportAs(id, 'official');
    const reimported = await importText(official.body);
    expect(reimported.statusCode).toBe(201);
    expect(assessmentOf(reimported).document.requirements?.[SPONSOR]?.level).toBe(1);
  });

  it('reports every problem of an invalid file with its line, as 422, and stores nothing', async () => {
    const before = await count();
    const text = readFileSync(join(ROOT, 'test/fixtures/assessments/invalid/several-problems.yaml'), 'utf8');
    const response = await importText(text);
    expect(response.statusCode).toBe(422);
    const error = errorOf(response);
    expect(error.code).toBe('ASSESSMENT_INVALID');
    expect(error.issues.map((i) => [i.line, i.path])).toEqual([
      [10, 'categories.O.automaton'],
      [14, 'requirements.G.strategy-and-vision.sponsor-support.level'],
      [17, 'requirements.M.key-management.key-inventory.applicability'],
      [20, 'requirements.R.awareness.pki-disclosure.evidance'],
    ]);
    const broken = await importText('title: [unclosed\n');
    expect(broken.statusCode).toBe(400);
    expect(errorOf(broken)).toMatchObject({ code: 'PARSE_ERROR', issues: [{ line: anyNumber }] });
    const notAssessment = await importText('{"hello": "world"}', 'application/json');
    expect(notAssessment.statusCode).toBe(400);
    expect(errorOf(notAssessment).code).toBe('FORMAT_UNKNOWN');
    const empty = await importText('', 'text/plain');
    expect(empty.statusCode).toBe(400);
    const wrongType = await call(w.app, w.a.assessor, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
      payload: example(SAMPLE),
      headers: { 'content-type': 'text/html' },
    });
    expect(wrongType.statusCode).toBe(415);
    expect(await count()).toBe(before);
  });

  it('needs a role that may rate to import, and 404 outside the organisation', async () => {
    expect((await importText(example(SAMPLE), 'application/yaml', w.a.contributor)).statusCode).toBe(403);
    expect((await importText(example(SAMPLE), 'application/yaml', w.b.owner)).statusCode).toBe(404);
    // Outsiders learn nothing from the file's problems either.
    expect((await importText('not: [valid', 'application/yaml', w.b.owner)).statusCode).toBe(404);
  });

  it('records each export in the audit log', async () => {
    const id = assessmentOf(await importText(example(SAMPLE))).id;
    await exportAs(id, 'official');
    const events = await listAudit(w.database.handle.db, w.a.orgId, {
      limit: 10,
      event: 'assessment.exported',
    });
    expect(events[0]).toMatchObject({
      actorUserId: w.a.viewer.userId,
      event: 'assessment.exported',
      detail: { assessmentId: id, format: 'official' },
    });
    expect((await exportAs(id, 'docx')).statusCode).toBe(400);
  });
});
