/**
 * Exchange through the API and the CLI on SQLite and PostgreSQL: exports in xlsx, CSV and OSCAL
 * with their content types and file names, the Eramba CSV per model version, .xlsx imports
 * (raw and multipart), and imports into an existing assessment: replace and merge as one
 * revision each that can be undone, with a report; wrong model versions, other assessments'
 * files and hostile files refused with nothing changed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook, type ExcelRow, type ExcelWorksheet } from '../../src/exchange/xlsx/exceljs-library.js';
import { listAudit } from '../../src/persistence/repositories/audit.js';
import { DIALECTS } from '../support/databases.js';
import { cli } from '../support/run-cli.js';
import {
  assessmentOf,
  autosave,
  call,
  createWorld,
  errorOf,
  example,
  ifMatch,
  revisionsOf,
  SPONSOR,
  type AssessmentBody,
  type World,
} from './assessments-support.js';
import { buildZip } from './exchange-support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LEADERSHIP = 'G.strategy-and-vision.responsible-leadership';
const ARCHITECTURE = 'G.strategy-and-vision.architecture';

interface ImportIntoBody {
  assessment: AssessmentBody;
  format: string;
  report: {
    added: string[];
    changed: string[];
    removed: string[];
    kept: number;
    unchanged: number;
    details: string[];
  };
}

function multipart(content: Buffer, fileName: string, type: string) {
  const boundary = '----pkimm-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function editWorkbook(buffer: Buffer, edit: (sheet: ExcelWorksheet) => void): Promise<Buffer> {
  const workbook = await loadWorkbook(buffer);
  edit(workbook.getWorksheet('Assessment') as ExcelWorksheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function rowOf(sheet: ExcelWorksheet, key: string): ExcelRow {
  for (let r = 2; r <= sheet.rowCount; r += 1)
    if (sheet.getRow(r).getCell(1).value === key) return sheet.getRow(r);
  throw new Error(`no row ${key}`);
}

describe.each(DIALECTS)('exchange through the API on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  const importNew = async (text = example('sample-assessment-2.0.0.yaml')) => {
    const response = await call(w.app, w.a.assessor, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
      payload: text,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(response.statusCode).toBe(201);
    return assessmentOf(response);
  };
  const exportAs = (id: string, format: string, who = w.a.viewer) =>
    call(w.app, who, 'GET', `/assessments/${id}/export/${format}`);
  const importInto = (
    id: string,
    mode: string,
    version: number | undefined,
    body: { payload: Buffer | string; headers: Record<string, string> },
    who = w.a.assessor,
  ) =>
    call(w.app, who, 'POST', `/assessments/${id}/import?mode=${mode}`, {
      payload: body.payload,
      headers: { ...(version === undefined ? {} : ifMatch(version)), ...body.headers },
    });
  const raw = (payload: Buffer | string, type = 'application/json') => ({
    payload,
    headers: { 'content-type': type },
  });
  const stored = async (id: string) =>
    assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`));
  const rawBytes = (response: LightMyRequestResponse) => response.rawPayload;

  it('exports xlsx, CSV and OSCAL with their content types and file names, each audited', async () => {
    const { id } = await importNew();
    const xlsx = await exportAs(id, 'xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['content-disposition']).toContain(
      'filename="kestrel-freight-enterprise-pki-assessment-2026.xlsx"',
    );
    const workbook = await loadWorkbook(rawBytes(xlsx));
    expect(workbook.worksheets.map((s) => s.name).slice(0, 5)).toEqual([
      'Overview',
      'Scoping',
      'Assessment',
      'Evaluation',
      'Action plans',
    ]);
    const csv = await exportAs(id, 'csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('.requirements.csv');
    const rows = parseCsv<Record<string, string>>(rawBytes(csv), { bom: true, columns: true });
    expect(rows).toHaveLength(76);
    expect(rows[0]).toMatchObject({ requirement: SPONSOR, rating: '4', evidence_items: '0' });
    const oscal = await exportAs(id, 'oscal');
    expect(oscal.headers['content-type']).toBe('application/json; charset=utf-8');
    const document = oscal.json<{ 'assessment-results': { metadata: { version: string } } }>();
    expect(document['assessment-results'].metadata.version).toBe('1');
    expect((await exportAs(id, 'yaml')).headers['content-disposition']).toContain('.pkimm.yaml');
    expect((await exportAs(id, 'docx')).statusCode).toBe(400);
    expect((await exportAs(id, 'xlsx', w.b.owner)).statusCode).toBe(404);
    const events = await listAudit(w.database.handle.db, w.a.orgId, {
      limit: 20,
      event: 'assessment.exported',
    });
    expect(events.filter((e) => e.detail['assessmentId'] === id).map((e) => e.detail['format'])).toEqual([
      'yaml',
      'oscal',
      'csv',
      'xlsx',
    ]);
  });

  it('documents the exchange routes in the OpenAPI document', async () => {
    const paths = Object.keys(
      (await w.app.inject({ url: '/api/docs/json' })).json<{ paths: object }>().paths,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/assessments/{id}/export/{format}',
        '/api/v1/assessments/{id}/import',
        '/api/v1/orgs/{orgId}/assessments/import-file',
        '/api/v1/models/{id}/{version}/eramba.csv',
      ]),
    );
  });

  it('serves the Eramba CSV of each model version, and 404 for an unknown one', async () => {
    for (const [version, count] of [
      ['1.0.0', 72],
      ['2.0.0', 76],
    ] as const) {
      const response = await w.app.inject({
        method: 'GET',
        url: `/api/v1/models/pkimm/${version}/eramba.csv`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toContain(`pkimm-${version}-eramba.csv`);
      const rows = parseCsv(response.body);
      expect(rows).toHaveLength(count);
      expect(rows.every((row) => row.length === 7)).toBe(true);
    }
    expect(
      (await w.app.inject({ method: 'GET', url: '/api/v1/models/pkimm/9.9.9/eramba.csv' })).statusCode,
    ).toBe(404);
  });

  it('imports an .xlsx as a new assessment, raw or multipart, with the same document', async () => {
    const original = await importNew();
    const xlsx = rawBytes(await exportAs(original.id, 'xlsx'));
    const asRaw = await call(
      w.app,
      w.a.assessor,
      'POST',
      `/orgs/${w.a.orgId}/assessments/import-file`,
      raw(xlsx, XLSX),
    );
    expect(asRaw.statusCode).toBe(201);
    expect(assessmentOf(asRaw).document).toEqual(original.document);
    const form = multipart(xlsx, 'review.xlsx', XLSX);
    const asForm = await call(
      w.app,
      w.a.assessor,
      'POST',
      `/orgs/${w.a.orgId}/assessments/import-file`,
      form,
    );
    expect(asForm.statusCode).toBe(201);
    expect(assessmentOf(asForm).document).toEqual(original.document);
    expect((await revisionsOf(w.app, w.a.viewer, assessmentOf(asForm).id))[0]?.kind).toBe('import');
    // YAML goes through the same route.
    const yaml = await call(
      w.app,
      w.a.assessor,
      'POST',
      `/orgs/${w.a.orgId}/assessments/import-file`,
      raw(example('official-export-2.0.0-full.yaml'), 'application/yaml'),
    );
    expect(yaml.statusCode).toBe(201);
    expect(
      (await call(w.app, w.b.owner, 'POST', `/orgs/${w.a.orgId}/assessments/import-file`, raw(xlsx, XLSX)))
        .statusCode,
    ).toBe(404);
  });

  it('stores nothing when a new import is hostile or broken, on either import route', async () => {
    const count = async () =>
      (await w.database.handle.db.selectFrom('assessments').select('id').execute()).length;
    const before = await count();
    const importFile = (payload: Buffer | string, type: string) =>
      call(w.app, w.a.assessor, 'POST', `/orgs/${w.a.orgId}/assessments/import-file`, raw(payload, type));
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024) }]);
    expect((await importFile(bomb, XLSX)).statusCode).toBe(413);
    expect(
      (
        await call(
          w.app,
          w.a.assessor,
          'POST',
          `/orgs/${w.a.orgId}/assessments/import-file`,
          multipart(bomb, 'b.xlsx', XLSX),
        )
      ).statusCode,
    ).toBe(413);
    const cut = await importFile(bomb.subarray(0, 100), XLSX);
    expect(cut.statusCode).toBe(400);
    expect(errorOf(cut).message).toBe(
      'import: not a readable .xlsx workbook (truncated or damaged?): no end-of-central-directory record was found',
    );
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const nested = await call(w.app, w.a.assessor, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
      payload: deep,
      headers: { 'content-type': 'application/json' },
    });
    expect(nested.statusCode).toBe(400);
    expect(errorOf(nested).code).toBe('PARSE_ERROR');
    expect((await importFile(deep, 'application/json')).statusCode).toBe(400);
    const empty = await call(w.app, w.a.assessor, 'POST', `/orgs/${w.a.orgId}/assessments/import-file`, {
      headers: { 'content-type': XLSX },
    });
    expect(empty.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('replaces the content as one revision, reports it, and the previous version can be restored', async () => {
    const { id, document } = await importNew();
    const file = structuredClone(document) as Record<string, unknown> & {
      requirements: Record<string, { level?: number }>;
    };
    file['title'] = 'Replaced';
    const requirements = file.requirements;
    requirements[SPONSOR] = { level: 1 };
    delete requirements[LEADERSHIP];
    file['categories'] = { ...(file['categories'] as object), 'M.key-management': { level: 2 } };
    const response = await importInto(id, 'replace', 1, raw(JSON.stringify(file)));
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const body = response.json<ImportIntoBody>();
    expect(body.format).toBe('pkimm');
    expect(body.report).toMatchObject({
      changed: [`requirements.${SPONSOR}`],
      removed: [`requirements.${LEADERSHIP}`],
      details: ['title'],
    });
    expect(body.report.added).toEqual(['categories.M.key-management']);
    const after = await stored(id);
    expect(after).toMatchObject({ version: 2, title: 'Replaced' });
    expect(after.document.requirements?.[SPONSOR]).toEqual({ level: 1 });
    expect(after.document.requirements?.[LEADERSHIP]).toBeUndefined();
    const revisions = await revisionsOf(w.app, w.a.viewer, id);
    expect(revisions.at(-1)).toMatchObject({ version: 2, kind: 'import-replace', path: [] });
    const audit = await listAudit(w.database.handle.db, w.a.orgId, {
      limit: 5,
      event: 'assessment.imported',
    });
    expect(audit[0]?.detail).toMatchObject({
      assessmentId: id,
      mode: 'replace',
      version: 2,
      changed: 1,
      removed: 1,
    });
    // Undo: restoring version 1 brings the original document back exactly.
    const restored = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/revisions/1/restore`, {
      headers: ifMatch(2),
    });
    expect(restored.statusCode).toBe(200);
    expect(assessmentOf(restored).document).toEqual(document);
  });

  it('merges: the file fills in and overrides, everything else is kept', async () => {
    const { id, document } = await importNew();
    const file = {
      format: 'pkimm-assessment',
      formatVersion: 1,
      title: document.title,
      model: { id: 'pkimm', version: '2.0.0' },
      mode: 'full',
      requirements: {
        [SPONSOR]: { level: 5, notes: 'Board-level sponsor since 2026.' },
      },
      categories: { 'M.key-management': { level: 2 } },
    };
    const response = await importInto(id, 'merge', 1, raw(JSON.stringify(file)));
    expect(response.statusCode).toBe(200);
    const { report } = response.json<ImportIntoBody>();
    const storedCount =
      Object.keys(document.requirements ?? {}).length +
      Object.keys(document.categories ?? {}).length +
      Object.keys(document.modules ?? {}).length;
    expect(report.changed).toEqual([`requirements.${SPONSOR}`]);
    expect(report.added).toEqual(['categories.M.key-management']);
    expect(report.removed).toEqual([]);
    expect(report.kept).toBe(storedCount - 1);
    expect(report.unchanged).toBe(0);
    const after = await stored(id);
    expect(after.document.requirements?.[SPONSOR]).toEqual({
      level: 5,
      notes: 'Board-level sponsor since 2026.',
    });
    expect(after.document.requirements?.[LEADERSHIP]).toEqual(document.requirements?.[LEADERSHIP]);
    expect(after.document.scope).toEqual(document.scope);
    expect((await revisionsOf(w.app, w.a.viewer, id)).at(-1)?.kind).toBe('import-merge');
    // The same merge again changes nothing and writes no revision.
    const again = await importInto(id, 'merge', 2, raw(JSON.stringify(file)));
    expect(again.statusCode).toBe(200);
    expect(again.headers.etag).toBe('"2"');
    expect(again.json<ImportIntoBody>().report.changed).toEqual([]);
    expect((await stored(id)).version).toBe(2);
  });

  it('merges an edited workbook uploaded as multipart: only the edited rating changes', async () => {
    const { id } = await importNew();
    expect(
      (
        await autosave(w.app, w.a.assessor, id, 1, {
          target: 'requirement',
          key: ARCHITECTURE,
          field: 'level',
          value: 1,
        })
      ).statusCode,
    ).toBe(200);
    const xlsx = rawBytes(await exportAs(id, 'xlsx'));
    const edited = await editWorkbook(xlsx, (sheet) => {
      rowOf(sheet, SPONSOR).getCell(7).value = 2;
    });
    const response = await importInto(id, 'merge', 2, multipart(edited, 'edited.xlsx', XLSX));
    expect(response.statusCode).toBe(200);
    const body = response.json<ImportIntoBody>();
    expect(body.format).toBe('xlsx');
    expect(body.report.changed).toEqual([`requirements.${SPONSOR}`]);
    expect(body.report.added).toEqual([]);
    const after = await stored(id);
    expect(after.document.requirements?.[SPONSOR]?.level).toBe(2);
    expect(after.document.requirements?.[ARCHITECTURE]?.level).toBe(1);
  });

  it('refuses a file for another model version or another assessment with 422, and nothing changes', async () => {
    const { id, document } = await importNew();
    const before = await stored(id);
    const old = await importInto(
      id,
      'replace',
      1,
      raw(example('sample-self-assessment-1.0.0.yaml'), 'application/yaml'),
    );
    expect(old.statusCode).toBe(422);
    expect(errorOf(old).message).toMatch(
      /^import: the file is for pkimm 1\.0\.0, but assessment .* is pkimm 2\.0\.0; migrate the file first/,
    );
    const other = structuredClone(document) as Record<string, unknown>;
    other['id'] = 'a-different-assessment';
    const wrongId = await importInto(id, 'merge', 1, raw(JSON.stringify(other)));
    expect(wrongId.statusCode).toBe(422);
    expect(errorOf(wrongId).message).toContain('the file is assessment a-different-assessment');
    const unknownKey = structuredClone(document) as { requirements: Record<string, unknown> };
    unknownKey.requirements['G.strategy-and-vision.no-such'] = { level: 3 };
    const unknown = await importInto(id, 'merge', 1, raw(JSON.stringify(unknownKey)));
    expect(unknown.statusCode).toBe(422);
    expect(errorOf(unknown).issues[0]?.path).toBe('requirements.G.strategy-and-vision.no-such');
    const after = await stored(id);
    expect(after).toEqual(before);
    expect(await revisionsOf(w.app, w.a.viewer, id)).toHaveLength(1);
  });

  it('refuses hostile and broken uploads into an assessment, and nothing changes', async () => {
    const { id } = await importNew();
    const before = await stored(id);
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024) }]);
    const bombed = await importInto(id, 'replace', 1, multipart(bomb, 'bomb.xlsx', XLSX));
    expect(bombed.statusCode).toBe(413);
    expect(errorOf(bombed).message).toContain('a zip bomb?');
    const xlsx = rawBytes(await exportAs(id, 'xlsx'));
    const truncated = await importInto(id, 'replace', 1, raw(xlsx.subarray(0, 5000), XLSX));
    expect(truncated.statusCode).toBe(400);
    expect(errorOf(truncated).code).toBe('PARSE_ERROR');
    const nested = await importInto(id, 'merge', 1, raw(`${'['.repeat(20000)}${']'.repeat(20000)}`));
    expect(nested.statusCode).toBe(400);
    expect(errorOf(nested).message).toContain('nested more than 64 levels deep');
    const badRating = await editWorkbook(xlsx, (sheet) => {
      rowOf(sheet, SPONSOR).getCell(7).value = 'six';
    });
    const bad = await importInto(id, 'merge', 1, raw(badRating, XLSX));
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).issues[0]?.path).toMatch(/^Assessment!G\d+$/);
    const huge = await importInto(
      id,
      'replace',
      1,
      raw(Buffer.alloc(11 * 1024 * 1024, 0x20), 'application/octet-stream'),
    );
    expect(huge.statusCode).toBe(413);
    expect(await stored(id)).toEqual(before);
  });

  it('needs If-Match, a current version, the rate capability and the same tenant', async () => {
    const { id, document } = await importNew();
    const file = raw(JSON.stringify(document));
    expect((await importInto(id, 'replace', undefined, file)).statusCode).toBe(428);
    const stale = await importInto(id, 'replace', 7, file);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current?: { version: number } }>().current?.version).toBe(1);
    expect((await importInto(id, 'replace', 1, file, w.a.contributor)).statusCode).toBe(403);
    expect((await importInto(id, 'replace', 1, file, w.b.owner)).statusCode).toBe(404);
    expect((await importInto(id, 'overwrite', 1, file)).statusCode).toBe(400);
    // An unchanged file replaces nothing.
    const same = await importInto(id, 'replace', 1, file);
    expect(same.statusCode).toBe(200);
    expect(same.json<ImportIntoBody>().report).toMatchObject({ added: [], changed: [], removed: [] });
  });

  it('runs the modes from the CLI on the server database', async () => {
    const { id } = await importNew();
    const dir = mkdtempSync(join(tmpdir(), 'pkimm-modes-'));
    const file = join(dir, 'edit.yaml');
    const yaml = parse(example('sample-assessment-2.0.0.yaml')) as Record<string, unknown> & {
      requirements: Record<string, unknown>;
    };
    delete yaml['id'];
    yaml.requirements = { [SPONSOR]: { level: 3 } };
    writeFileSync(file, JSON.stringify(yaml));
    const env = { DATABASE_URL: w.database.url };
    const who = ['--org', w.a.orgId, '--as', w.a.assessor.email];
    const merged = await cli(['assessment', 'import', file, ...who, '--mode', 'merge', '--into', id], env);
    expect(merged.code).toBe(0);
    expect(merged.stdout.trim()).toBe(id);
    expect(merged.stderr).toMatch(/^merged .* \(now version 2\): 0 added, 1 changed, 75 kept, 1 unchanged$/m);
    const replaced = await cli(
      ['assessment', 'import', file, ...who, '--mode', 'replace', '--into', id],
      env,
    );
    expect(replaced.code).toBe(0);
    expect(replaced.stderr).toMatch(/\(now version 3\): 0 added, 0 changed, 75 removed, 2 unchanged/);
    expect((await stored(id)).document.requirements).toEqual({ [SPONSOR]: { level: 3 } });
    const book = join(dir, 'book.xlsx');
    expect((await cli(['export', file, '--format', 'xlsx', '--out', book])).code).toBe(0);
    const kept = await cli(['assessment', 'import', book, ...who], env);
    expect(kept.code).toBe(0);
    expect(kept.stdout.trim()).not.toBe(id);
    const noInto = await cli(['assessment', 'import', file, ...who, '--mode', 'merge'], env);
    expect(noInto.code).toBe(2);
    expect(noInto.stderr).toContain('--mode merge needs --into ASSESSMENT_ID');
    const otherOrg = await cli(
      [
        'assessment',
        'import',
        file,
        '--org',
        w.b.orgId,
        '--as',
        w.b.owner.email,
        '--mode',
        'merge',
        '--into',
        id,
      ],
      env,
    );
    expect(otherOrg.code).not.toBe(0);
    expect((await stored(id)).version).toBe(3);
  });
});
