/** Evidence: text, links and uploads (limit, sniffed type, SHA-256, safe download headers), on both databases. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import {
  call,
  containing,
  createAssessment,
  createWorld,
  errorOf,
  multipart,
  SPONSOR,
  type EvidenceBody,
  type World,
} from './assessments-support.js';

const LIMIT = 4096;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('<html><script>alert(1)</script>'),
]);

/** A ZIP local header naming `name`, which is all the sniffer needs to see of an office document. */
function zipWith(...names: string[]): Buffer {
  const entries = names.map((name) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(name.length, 26);
    return Buffer.concat([header, Buffer.from(name, 'latin1')]);
  });
  return Buffer.concat(entries);
}

describe.each(DIALECTS)('assessments: evidence on %s', (dialect) => {
  let w: World;
  let id: string;
  beforeAll(async () => {
    w = await createWorld(dialect, { PKIMM_MAX_UPLOAD_BYTES: String(LIMIT) });
    id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
  });
  afterAll(() => w.close());

  const upload = async (
    bytes: Buffer,
    fileName: string,
    type = 'application/octet-stream',
    who = w.a.contributor,
  ) =>
    call(
      w.app,
      who,
      'POST',
      `/assessments/${id}/evidence`,
      await multipart([
        { name: 'title', value: 'Upload' },
        { name: 'requirements', value: SPONSOR },
        { name: 'file', value: { bytes, fileName, type } },
      ]),
    );

  it('adds text and links tied to requirements of the model', async () => {
    const text = await call(w.app, w.a.contributor, 'POST', `/assessments/${id}/evidence`, {
      payload: {
        kind: 'text',
        title: 'Minutes',
        text: 'SC-2025-11 approved the budget',
        requirements: [SPONSOR],
      },
    });
    expect(text.statusCode).toBe(201);
    expect(text.json<EvidenceBody>()).toMatchObject({
      kind: 'text',
      title: 'Minutes',
      requirements: [SPONSOR],
      createdBy: w.a.contributor.userId,
      sha256: null,
    });
    const link = await call(w.app, w.a.contributor, 'POST', `/assessments/${id}/evidence`, {
      payload: {
        kind: 'link',
        title: 'Strategy',
        url: 'https://intranet.example/pki-strategy',
        requirements: [SPONSOR],
      },
    });
    expect(link.statusCode).toBe(201);
    for (const url of ['javascript:alert(1)', 'ftp://example.com/x', 'not a url']) {
      const bad = await call(w.app, w.a.contributor, 'POST', `/assessments/${id}/evidence`, {
        payload: { kind: 'link', title: 'x', url, requirements: [SPONSOR] },
      });
      expect(bad.statusCode, url).toBe(400);
    }
    const unknown = await call(w.app, w.a.contributor, 'POST', `/assessments/${id}/evidence`, {
      payload: {
        kind: 'text',
        title: 'x',
        text: 'y',
        requirements: [SPONSOR, 'G.strategy-and-vision.sponsor'],
      },
    });
    expect(unknown.statusCode).toBe(422);
    expect(errorOf(unknown).issues).toEqual([
      {
        path: 'requirements.G.strategy-and-vision.sponsor',
        message: containing('no requirement "G.strategy-and-vision.sponsor"'),
      },
    ]);
    expect(
      (
        await call(w.app, w.a.viewer, 'POST', `/assessments/${id}/evidence`, {
          payload: text.json<EvidenceBody>(),
        })
      ).statusCode,
    ).toBe(400);
  });

  it('stores an upload with its SHA-256 and size, and serves it under the sniffed type as a sandboxed download', async () => {
    const response = await upload(PNG, 'évidence page.html', 'text/html');
    expect(response.statusCode).toBe(201);
    const item = response.json<EvidenceBody>();
    expect(item).toMatchObject({
      kind: 'file',
      title: 'Upload',
      fileName: 'évidence page.html',
      contentType: 'image/png',
      size: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
    });
    const content = await call(w.app, w.a.viewer, 'GET', `/evidence/${item.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(PNG)).toBe(true);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(content.headers['content-disposition']).toBe(
      `attachment; filename="_vidence page.html"; filename*=UTF-8''%C3%A9vidence%20page.html`,
    );
    const listed = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/evidence`)).json<{
      evidence: EvidenceBody[];
    }>().evidence;
    expect(listed.find((e) => e.id === item.id)).toEqual(item);
    expect(JSON.stringify(listed)).not.toContain('content"');
  });

  it('sniffs PDF, office documents, UTF-8 text and unknown bytes, whatever the client claims', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'application/pdf'],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
      [
        zipWith('[Content_Types].xml', 'word/document.xml'),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        zipWith('[Content_Types].xml', 'xl/workbook.xml'),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      [zipWith('notes.txt'), 'application/zip'],
      [Buffer.from('Ünïcode evidence\r\nline two\n'), 'text/plain; charset=utf-8'],
      [Buffer.from('<svg onload="alert(1)"/>'), 'text/plain; charset=utf-8'],
      [Buffer.from([0x00, 0x01, 0x02, 0xfe]), 'application/octet-stream'],
    ];
    for (const [bytes, expected] of cases) {
      const response = await upload(bytes, 'file.bin', 'text/html');
      expect(response.statusCode).toBe(201);
      expect(response.json<EvidenceBody>().contentType).toBe(expected);
    }
  });

  it('refuses an upload over the limit with 413 and stores nothing', async () => {
    const before = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/evidence`)).json<{
      evidence: EvidenceBody[];
    }>().evidence.length;
    const response = await upload(Buffer.alloc(LIMIT + 1, 0x41), 'big.txt');
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe('PAYLOAD_TOO_LARGE');
    expect((await upload(Buffer.alloc(LIMIT, 0x41), 'exact.txt')).statusCode).toBe(201);
    const after = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/evidence`)).json<{
      evidence: EvidenceBody[];
    }>().evidence.length;
    expect(after).toBe(before + 1);
  });

  it('rejects an upload without a file or requirements', async () => {
    const noFile = await call(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/evidence`,
      await multipart([{ name: 'requirements', value: SPONSOR }]),
    );
    expect(noFile.statusCode).toBe(400);
    expect(errorOf(noFile).issues[0]?.path).toBe('body.file');
    const noRequirements = await call(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/evidence`,
      await multipart([{ name: 'file', value: { bytes: PNG, fileName: 'a.png', type: 'image/png' } }]),
    );
    expect(noRequirements.statusCode).toBe(400);
    expect(errorOf(noRequirements).issues[0]?.path).toBe('body.requirements');
    const unknown = await call(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/evidence`,
      await multipart([
        { name: 'requirements', value: `${SPONSOR},G.nope.nothing` },
        { name: 'file', value: { bytes: PNG, fileName: 'a.png', type: 'image/png' } },
      ]),
    );
    expect(unknown.statusCode).toBe(422);
  });

  it('deletes evidence with a role that may annotate; text has no content to download', async () => {
    const text = await call(w.app, w.a.contributor, 'POST', `/assessments/${id}/evidence`, {
      payload: { kind: 'text', title: 'To remove', text: 'x', requirements: [SPONSOR] },
    });
    const evidenceId = text.json<EvidenceBody>().id;
    expect((await call(w.app, w.a.viewer, 'GET', `/evidence/${evidenceId}/content`)).statusCode).toBe(404);
    expect((await call(w.app, w.a.viewer, 'DELETE', `/evidence/${evidenceId}`)).statusCode).toBe(403);
    expect((await call(w.app, w.a.contributor, 'DELETE', `/evidence/${evidenceId}`)).statusCode).toBe(204);
    expect((await call(w.app, w.a.contributor, 'DELETE', `/evidence/${evidenceId}`)).statusCode).toBe(404);
  });
});
