/**
 * Hostile evidence files: names with ../, absolute paths, NUL and other control characters,
 * CRLF, quotes, a right-to-left override or 300 emoji are stored as a safe base name, never
 * as a path (nothing is written to the file system), and download as an attachment with a
 * header that cannot be split; HTML, SVG and JavaScript never come back as a type a browser
 * would run, whatever the client declared. The scans upload treats names the same way.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, multipart, SPONSOR } from '../integration/assessments-support.js';
import { DIALECTS } from '../support/databases.js';
import { createSecurityWorld, leaksInternals, originOf, type SecurityWorld } from './support/world.js';

const NAMES: [label: string, name: string, stored: string][] = [
  ['parent traversal', '../../../../etc/passwd', 'passwd'],
  ['absolute path', '/etc/cron.d/evil', 'evil'],
  ['Windows path', 'C:\\Windows\\System32\\evil.dll', 'evil.dll'],
  ['NUL byte', 'report.pdf\u0000.html', 'report.pdf.html'],
  // Browsers (and FormData) percent-encode CR and LF in a part's file name; it stays inert text.
  [
    'CRLF header split',
    'a.txt\r\nSet-Cookie: pkimm_session=planted',
    'a.txt%0D%0ASet-Cookie: pkimm_session=planted',
  ],
  ['quotes and backslash', 'say "hi"\\there.txt', 'there.txt'],
  ['right-to-left override', 'invoice\u202egpj.exe', 'invoicegpj.exe'],
  ['bidi isolates', '\u2067evil\u2069.pdf', 'evil.pdf'],
  ['only dots', '..', 'upload'],
];

const ACTIVE: [label: string, bytes: string, declared: string][] = [
  ['HTML', '<!doctype html><html><script>alert(document.cookie)</script></html>', 'text/html'],
  [
    'SVG',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
    'image/svg+xml',
  ],
  ['JavaScript', 'fetch("/api/v1/auth/me").then(r => r.text()).then(alert)', 'application/javascript'],
  [
    'XHTML',
    '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
    'application/xhtml+xml',
  ],
  ['HTML posing as PNG', '<html><body onload="alert(1)"></body></html>', 'image/png'],
];

const RUNNABLE = /html|svg|javascript|ecmascript|xml/i;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe.each(DIALECTS)('security: evidence files on %s', (dialect) => {
  let w: SecurityWorld;
  let home: string;
  let before: string[];
  beforeAll(async () => {
    w = await createSecurityWorld(dialect);
    home = w.app.deps.config.dataDir;
    before = filesUnder(home);
  }, 120_000);
  afterAll(() => w.close());

  const upload = async (fileName: string, bytes: Buffer, type = 'application/octet-stream') => {
    const form = await multipart([
      { name: 'title', value: 'Hostile' },
      { name: 'requirements', value: SPONSOR },
      { name: 'file', value: { bytes, fileName, type } },
    ]);
    return call(w.app, w.a.contributor, 'POST', `/assessments/${w.ids.id}/evidence`, form);
  };
  const download = (evidenceId: string) => call(w.app, w.a.viewer, 'GET', `/evidence/${evidenceId}/content`);

  it.each(NAMES)(
    'stores a file named with %s as its safe base name and serves a clean header',
    async (_l, name, stored) => {
      const response = await upload(name, Buffer.from('plain evidence text\n'));
      expect(response.statusCode, response.body).toBe(201);
      const item = response.json<{ id: string; fileName: string }>();
      expect(item.fileName).toBe(stored);
      const content = await download(item.id);
      expect(content.statusCode).toBe(200);
      const disposition = content.headers['content-disposition'] as string;
      expect(disposition).toMatch(
        /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/,
      );
      expect(disposition.match(/filename="([^"]*)"/)?.[1]).not.toMatch(/[\\/"]/);
      expect(content.headers['set-cookie']).toBeUndefined();
      expect(content.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('keeps a very long name within 255 characters without breaking a character', async () => {
    const response = await upload(`${'\u{1F600}'.repeat(300)}.pdf`, Buffer.from('%PDF-1.7\n'));
    expect(response.statusCode, response.body).toBe(201);
    const item = response.json<{ id: string; fileName: string }>();
    expect([...item.fileName].length).toBeLessThanOrEqual(255);
    // No half of a surrogate pair left over from a cut in the middle of an emoji.
    expect(item.fileName).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
    const content = await download(item.id);
    expect(content.statusCode, content.body).toBe(200);
    expect(content.headers['content-disposition']).toMatch(/^attachment; /);
  });

  it.each(ACTIVE)('never serves %s as something a browser would run', async (_l, text, declared) => {
    const response = await upload('page.html', Buffer.from(text), declared);
    expect(response.statusCode, response.body).toBe(201);
    const item = response.json<{ id: string; contentType: string }>();
    // The type comes from the bytes, never from the claim; active types are never stored.
    expect(item.contentType).not.toMatch(RUNNABLE);
    const content = await download(item.id);
    expect(content.headers['content-type']).not.toMatch(RUNNABLE);
    expect(content.headers['content-disposition']).toMatch(/^attachment; /);
    expect(content.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.rawPayload.toString()).toBe(text);
  });

  it('answers a scan upload with hostile file names normally and names the files by base name only', async () => {
    const form = await multipart([
      {
        name: 'files',
        value: {
          bytes: Buffer.from('not a certificate'),
          fileName: '../../../etc/shadow',
          type: 'application/x-pem-file',
        },
      },
      {
        name: 'files',
        value: { bytes: Buffer.from('junk'), fileName: 'x\u202etxt.pem\r\n', type: 'text/plain' },
      },
    ]);
    const response = await w.app.inject({
      method: 'POST',
      url: `/api/v1/assessments/${w.ids.id}/scans`,
      headers: { cookie: w.a.assessor.cookie, origin: originOf(w.app), ...form.headers },
      payload: form.payload,
    });
    expect(response.statusCode, response.body).toBeLessThan(500);
    expect(leaksInternals(response.body)).toBe(false);
    expect(response.body).not.toContain('../');
    expect(response.body).not.toContain('\\u202e');
  });

  it('imports a hostile file name as a new assessment or refuses it, without touching the disk', async () => {
    const form = await multipart([
      {
        name: 'file',
        value: {
          bytes: Buffer.from('{"not": "an assessment"}'),
          fileName: '../../x.json',
          type: 'application/json',
        },
      },
    ]);
    const response = await w.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${w.ids.orgId}/assessments/import-file`,
      headers: { cookie: w.a.owner.cookie, origin: originOf(w.app), ...form.headers },
      payload: form.payload,
    });
    expect([400, 422], response.body).toContain(response.statusCode);
    expect(leaksInternals(response.body)).toBe(false);
  });

  it('wrote nothing to the file system: uploads live in the database', () => {
    expect(filesUnder(home)).toEqual(before);
  });
});
