/**
 * Script, HTML, link and layout payloads in every free text of an assessment (audit marks
 * included), rendered as PDF for each report type. Read back with poppler's pdftotext (not our
 * renderer), the payloads show literally; the raw file has no action that could run or open them (/JavaScript, /JS,
 * /OpenAction, /Launch, /URI), so a `javascript:` evidence text never becomes a link.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/reports/generate.js';
import { scoredReportInput } from '../../src/reports/report-input.js';
import { flat, pdfText, scoreOf, scratch, writeBytes } from './reports-support.js';

const P = {
  title: '<script>window.__xss=1</script> Review',
  organisation: '"><svg onload=window.__xss=1> Org {{constructor}}',
  assessor: '<img src=x onerror=window.__xss=1>',
  scope: '</textarea></style><script>alert(3)</script>',
  notes: '[click](javascript:alert(4)) ![x](javascript:alert(5)) {{7*7}}',
  evidence: 'javascript:alert(document.domain)',
  rtl: 'invoice\u202Efdp.exe',
  plan: '<a href="javascript:alert(6)">plan</a>',
  audit: '<iframe src="javascript:alert(7)"></iframe> CAB audit',
  reportUrl: 'https://audits.example.test/r?q="><script>alert(8)</script>',
};
const LONG = 'A'.repeat(3000);

function yaml(): string {
  const q = (value: string) => JSON.stringify(value);
  return [
    'format: pkimm-assessment',
    'formatVersion: 1',
    `title: ${q(P.title)}`,
    'model: { id: pkimm, version: 2.0.0 }',
    'mode: full',
    'type: self',
    `organisation: ${q(P.organisation)}`,
    `assessor: { name: ${q(P.assessor)}, position: internal }`,
    `scope: { description: ${q(P.scope)} }`,
    'requirements:',
    '  G.strategy-and-vision.sponsor-support:',
    '    level: 3',
    `    notes: ${q(`${P.notes} ${P.rtl}`)}`,
    `    evidence: ${q(P.evidence)}`,
    '  G.strategy-and-vision.responsible-leadership:',
    '    level: 2',
    `    notes: ${q(LONG)}`,
    '  M.key-management.key-inventory: { level: 4 }',
    'audits:',
    '  M.key-management.key-inventory:',
    `    audit: ${q(P.audit)}`,
    `    reportUrl: ${q(P.reportUrl)}`,
    '    date: 2026-05-14',
    `    note: ${q(P.plan)}`,
    '',
  ].join('\n');
}

/** Every PDF object dictionary that could run code or leave the document. */
const ACTIONS = ['/JavaScript', '/JS ', '/JS(', '/JS<', '/OpenAction', '/Launch', '/URI', '/SubmitForm'];

describe('payloads in PDF reports', { timeout: 120_000 }, () => {
  it('prints every payload as text and makes no link or action of any of them', async () => {
    const dir = scratch();
    const file = writeBytes(dir, 'hostile.yaml', yaml());
    const { assessment, model } = await scoreOf(file);
    const input = scoredReportInput({
      assessment,
      model,
      language: 'en',
      generatedAt: '2026-12-01T10:00:00.000Z',
      actionPlans: [
        { title: P.plan, owner: P.assessor, description: P.evidence, target: 'G.strategy-and-vision' },
      ],
      evidence: new Map([['G.strategy-and-vision.sponsor-support', [P.plan, P.evidence]]]),
      attestation: {
        id: P.title,
        digest: `sha256:${'a'.repeat(64)}`,
        issuedAt: '2026-12-01T10:00:00Z',
        issuer: P.assessor,
      },
    });
    for (const type of ['self', 'assessment', 'detailed', 'attestation'] as const) {
      const report = await generateReport(input, type, 'pdf');
      // The file name is made from the title's letters only.
      expect(report.fileName).toMatch(/^[\w-]+\.pdf$/);
      const path = writeBytes(dir, `${type}.pdf`, report.bytes);
      const raw = readFileSync(path, 'latin1');
      for (const action of ACTIONS) expect(raw, `${type}: ${action}`).not.toContain(action);
      const text = flat(pdfText(path)).replace(/\u200B/g, '');
      expect(text).toContain(P.title);
      if (type !== 'self') expect(text).toContain(P.assessor);
      if (type === 'assessment' || type === 'detailed') {
        expect(text).toContain(P.scope);
        // Audit marks: the report address is printed as text, never made a link (no /URI above).
        const cells = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(
          /[\s\u200B]/g,
          '',
        );
        for (const value of [P.audit, P.reportUrl]) expect(cells).toContain(value.replace(/\s/g, ''));
      }
      if (type === 'detailed') {
        // Table cells wrap; in content-stream order (-raw) each cell's lines follow one another,
        // so with all spacing removed every cell's text is there in one piece.
        const raw = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(
          /[\s\u200B]/g,
          '',
        );
        for (const value of [P.notes, P.evidence, P.plan, P.assessor]) {
          expect(raw, value.slice(0, 40)).toContain(value.replace(/\s/g, ''));
        }
        // Roboto has no glyph for the override: it prints as a gap and reverses nothing.
        expect(raw).toContain('invoicefdp.exe');
        expect(raw).not.toContain('exe.pdf');
        // The 3000-character note is there whole: before the fix it widened its column off the
        // page and the evidence column (with its payloads) was not printed at all.
        // It spans pages, so repeated table headers cut it: its runs add up to every character.
        const runs = raw.match(/A{3,}/g) ?? [];
        expect(runs.reduce((sum, run) => sum + run.length, 0)).toBe(LONG.length);
        expect(text).toContain('Evidence');
      }
    }
  });
});
