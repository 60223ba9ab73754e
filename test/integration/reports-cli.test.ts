/**
 * `pkimm report`: the four reports of an assessment file as PDF and HTML, offline. Every PDF
 * is read back with poppler (pdftotext, pdfinfo) and every HTML page with Python's parser.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, expectNoStack } from '../support/run-cli.js';
import {
  fakeAttestation,
  flat,
  HOSTILE,
  hostileAssessmentYaml,
  OFFICIAL,
  parseHtml,
  pdfInfo,
  pdfText,
  ROOT,
  SAMPLE,
  scoreOf,
  scratch,
  snapshot,
  writeBytes,
} from './reports-support.js';

const dir = scratch();
const sample = await scoreOf(SAMPLE);
const fmt = (n: number, locale = 'en-GB') =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

async function report(type: string, file: string, extra: string[] = [], name = `${type}.pdf`) {
  const out = `${dir}/${name}`;
  const result = await cli(['report', type, file, '--out', out, ...extra], {
    SOURCE_DATE_EPOCH: '1790000000',
  });
  expect(result.stderr).toContain(`wrote ${out}`);
  expect(result.code).toBe(0);
  return out;
}

/** The footer numbers every page "Page i of n" (or the German form) with n = the real page count. */
function expectPageNumbers(
  text: string,
  pages: number,
  label = (i: number, n: number) => `Page ${i} of ${n}`,
) {
  expect(pages).toBeGreaterThan(0);
  for (let i = 1; i <= pages; i++) expect(text).toContain(label(i, pages));
  expect(text).not.toContain(label(pages + 1, pages));
}

describe('pkimm report: PDFs read back with pdftotext', () => {
  it('self: date, model, the engine’s levels per module and category, the overall level and its meaning', async () => {
    const path = await report('self', SAMPLE);
    const text = pdfText(path);
    const info = pdfInfo(path);
    snapshot(path, 'self-en');
    expect(info['Title']).toBe('Self-assessment report: Kestrel Freight enterprise PKI assessment 2026');
    expect(info['Subject']).toContain('self-assessment');
    expect(text).toContain('Self-assessment report');
    expect(text).toContain('14 October 2026');
    expect(text).toContain('PKIMM 2.0.0');
    const { overall } = sample.score;
    expect(overall.level).toBe(2);
    expect(text).toContain(`Level ${overall.level} – ${overall.levelName} (raw value ${fmt(overall.raw!)})`);
    const meaning = sample.model.levels.find((l) => l.number === overall.level)!.meaning.trim();
    expect(flat(text)).toContain(meaning.slice(0, 60));
    for (const module of sample.score.modules) {
      expect(text).toMatch(
        new RegExp(`${module.name}\\s+Level ${module.level} – ${module.levelName}\\s+${fmt(module.raw!)}`),
      );
    }
    for (const category of sample.score.categories) {
      expect(text).toMatch(
        new RegExp(
          `${category.name}\\s+Level ${category.level} – ${category.levelName}\\s+${fmt(category.raw!)}`,
        ),
      );
    }
    expectPageNumbers(text, Number(info['Pages']));
  });

  it('assessment: period, assessor, type, use case and scope, radar charts and next-level recommendations', async () => {
    const path = await report('assessment', SAMPLE);
    const text = pdfText(path);
    snapshot(path, 'assessment-en', 3);
    expect(text).toContain('Assessment report');
    expect(text).toContain('7 September 2026 to 14 October 2026');
    expect(text).toContain('Dana Whitfield, Lanternfish Assurance (external)');
    expect(text).toContain('formal assessment');
    expect(flat(text)).toContain('The internal PKI that issues certificates to staff, servers');
    expect(text).toContain('Radar charts');
    // The chart's axis labels are text in the vector SVG, so pdftotext finds them.
    for (const module of sample.model.modules) expect(text).toContain(module.name);
    expect(flat(text)).toContain('Change management and agility');
    expect(text).toContain('Recommendations for the next level');
    expect(text).toMatch(/Cryptography: from level 1 to level 2 \(Foundational\)/);
    expect(text).toMatch(/raise ".+" from \d to \d \(overall \+\d\.\d\d\)/);
    expect(text).not.toContain('Contents');
  });

  it('detailed: a table of contents with page numbers, every requirement with notes and evidence, scoping, comparison and action plans', async () => {
    const path = await report('detailed', SAMPLE, ['--previous', OFFICIAL]);
    const text = pdfText(path);
    const pages = Number(pdfInfo(path)['Pages']);
    snapshot(path, 'detailed-en', 3);
    expect(pages).toBeGreaterThan(6);
    expect(text).toContain('Contents');
    for (const entry of [
      'Overview',
      'Requirements',
      'Comparison with the previous assessment',
      'Action plans',
    ]) {
      const line = new RegExp(`^\\s*${entry}\\s+(\\d+)$`, 'm').exec(text);
      expect(line, entry).not.toBeNull();
      expect(Number(line![1])).toBeGreaterThan(1);
      expect(Number(line![1])).toBeLessThanOrEqual(pages);
    }
    expect(text).toMatch(/^\s+G\.1 Strategy and vision\s+\d+$/m);
    expectPageNumbers(text, pages);
    for (const requirement of sample.model.modules.flatMap((m) =>
      m.categories.flatMap((c) => c.requirements),
    )) {
      expect(text).toContain(requirement.position);
    }
    expect(text).toMatch(/G\.1\.1\s+Executive sponsorship and\s+4 – Managed\s+The CIO sponsors/);
    expect(text).toContain('Steering committee minutes');
    expect(text).toContain('Scoping');
    expect(flat(text)).toContain('there are no external relying parties');
    expect(text).toContain('Comparison with the previous assessment');
    expect(text).toContain('Northgate Health PKI review 2026');
    const previous = await scoreOf(OFFICIAL);
    const delta = sample.score.overall.raw! - previous.score.overall.raw!;
    expect(flat(text)).toContain(
      `Overall maturity level ${`Level ${previous.score.overall.level} – ${previous.score.overall.levelName} (${fmt(previous.score.overall.raw!)})`}`,
    );
    expect(flat(text)).toContain(`${delta >= 0 ? '+' : '−'}${fmt(Math.abs(delta))}`);
    expect(text).toMatch(/Action plans\s+None recorded\./);
  });

  it('attestation: overall level, assessor, model, type with its trust level, and the JWS id and digest', async () => {
    const id = randomUUID();
    const { jws, payloadBytes } = fakeAttestation({
      id,
      type: 'pkimm-attestation',
      version: 1,
      issuedAt: '2026-10-20T08:30:00.000Z',
      assessment: {
        id: sample.assessment.id,
        name: sample.assessment.title,
        type: 'formal',
        trustLevel: 'medium',
      },
      issuer: 'CN=Lanternfish Assurance Attestations',
    });
    const jwsPath = writeBytes(dir, 'a.jws', jws);
    const path = await report('attestation', SAMPLE, ['--attestation', jwsPath]);
    const text = pdfText(path);
    snapshot(path, 'attestation-en', 1);
    expect(text).toContain('Attestation report');
    expect(text).toContain(`Level 2 – Foundational (raw value ${fmt(sample.score.overall.raw!)})`);
    expect(text).toContain('Dana Whitfield, Lanternfish Assurance (external)');
    expect(text).toContain('PKIMM 2.0.0');
    expect(text).toMatch(/Assessment type\s+formal assessment/);
    expect(text).toMatch(/Trust level\s+medium/);
    expect(text).toContain(id);
    const digest = `sha256:${createHash('sha256').update(payloadBytes).digest('hex')}`;
    expect(text).toContain(digest);
    expect(text).toContain('20 October 2026');
    expect(text).toContain('CN=Lanternfish Assurance Attestations');

    const bare = pdfText(await report('attestation', SAMPLE, [], 'bare.pdf'));
    expect(flat(bare)).toContain('No signed attestation accompanies this report');
  });

  it('German: labels, dates, decimal commas and page numbers with --lang de; model texts stay English', async () => {
    for (const type of ['self', 'detailed'] as const) {
      const path = await report(type, SAMPLE, ['--lang', 'de'], `${type}-de.pdf`);
      const text = pdfText(path);
      const pages = Number(pdfInfo(path)['Pages']);
      snapshot(path, `${type}-de`, type === 'detailed' ? 2 : 1);
      expectPageNumbers(text, pages, (i, n) => `Seite ${i} von ${n}`);
      expect(text).not.toContain('Page 1 of');
      expect(text).toContain(`Stufe 2 – Foundational (Rohwert ${fmt(sample.score.overall.raw!, 'de-DE')})`);
      expect(text).toContain('14. Oktober 2026');
      expect(text).toContain('Gesamtreifegrad');
      expect(text).toContain('Stufen nach Kategorie');
      expect(text).toContain('Strategy and vision');
      if (type === 'self') expect(text).toContain('Bericht zur Selbstbewertung');
      else {
        expect(text).toContain('Ausführlicher Bewertungsbericht');
        expect(text).toMatch(/^\s*Inhalt$/m);
        expect(text).toContain('Maßnahmenpläne');
        expect(text).toContain('Keine erfasst.');
        expect(text).toContain('Vergleich mit der vorherigen Bewertung');
      }
    }
  });

  it('a 1.0.0 self-mode assessment: the engine’s category levels and the category notes instead of requirements', async () => {
    const file = `${ROOT}/examples/sample-self-assessment-1.0.0.yaml`;
    const self = await scoreOf(file);
    const text = pdfText(await report('detailed', file, [], 'self-1.0.0.pdf'));
    expect(text).toContain('PKIMM 1.0.0');
    expect(text).toContain('self-assessment by category');
    expect(flat(text)).toContain('This assessment was answered per category');
    for (const category of self.score.categories.filter((c) => c.level !== null)) {
      expect(text).toMatch(new RegExp(`${category.name}\\s+Level ${category.level} – ${category.levelName}`));
    }
  });

  it('reads the official export as well', async () => {
    const previous = await scoreOf(OFFICIAL);
    const text = pdfText(await report('self', OFFICIAL, [], 'official.pdf'));
    expect(text).toContain('Northgate Health PKI review 2026');
    const { overall } = previous.score;
    expect(text).toContain(`Level ${overall.level} – ${overall.levelName} (raw value ${fmt(overall.raw!)})`);
  });
});

describe('pkimm report: HTML', () => {
  it('escapes every free-text value and contains no script, event handler or external reference', async () => {
    const file = writeBytes(dir, 'hostile.yaml', hostileAssessmentYaml());
    for (const type of ['self', 'assessment', 'detailed', 'attestation']) {
      const out = await report(type, file, ['--format', 'html'], `hostile-${type}.html`);
      const html = readFileSync(out, 'utf8');
      const parsed = parseHtml(html);
      expect(parsed.tags).not.toContain('script');
      expect(parsed.tags).not.toContain('img');
      // The only links are the table of contents' same-page anchors.
      expect(parsed.tags.filter((t) => t === 'a')).toHaveLength(
        parsed.urls.filter((u) => u.startsWith('#')).length,
      );
      expect(parsed.tags).not.toContain('b');
      expect(parsed.handlers).toEqual([]);
      expect(parsed.urls.filter((url) => !url.startsWith('#'))).toEqual([]);
      expect(parsed.styleBlocks).toBe(1);
      expect(parsed.tags[0]).toBe('html');
      // The payloads arrive as text, exactly as typed.
      expect(parsed.text).toContain(HOSTILE.title);
      if (type !== 'self') expect(parsed.text).toContain(HOSTILE.assessor);
      if (type === 'assessment' || type === 'detailed') expect(parsed.text).toContain(HOSTILE.scope);
      if (type === 'detailed') {
        expect(parsed.text).toContain(HOSTILE.notes);
        expect(parsed.text).toContain(HOSTILE.evidence);
        expect(parsed.tags).toContain('nav');
      }
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('puts both radar charts inline as SVG and writes HTML to stdout with --out -', async () => {
    const result = await cli(['report', 'assessment', SAMPLE, '--out', '-', '--format', 'html']);
    expect(result.code).toBe(0);
    const parsed = parseHtml(result.stdout);
    expect(parsed.tags.filter((t) => t === 'svg')).toHaveLength(2);
    expect(parsed.text).toContain('Level 2 – Foundational');
    expect(parsed.text).toContain('Recommendations for the next level');
  });
});

describe('pkimm report: bad input exits 2 with a precise message', () => {
  const expectBad = async (args: string[], message: string | RegExp) => {
    const result = await cli(['report', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(expectNoStack(result.stderr)).toBe(true);
  };

  it('refuses an unknown type, format or language', async () => {
    await expectBad(
      ['summary', SAMPLE, '--out', `${dir}/x.pdf`],
      'report type must be one of self, assessment, detailed, attestation (got "summary")',
    );
    await expectBad(
      ['self', SAMPLE, '--out', `${dir}/x.pdf`, '--format', 'docx'],
      '--format must be one of pdf, html (got "docx")',
    );
    await expectBad(
      ['self', SAMPLE, '--out', `${dir}/x.pdf`, '--lang', 'fr'],
      '--lang must be one of en, de (got "fr")',
    );
    await expectBad(['self', SAMPLE, '--out', '-'], '--out - (stdout) works with --format html only');
  });

  it('refuses a missing or invalid assessment file, naming it', async () => {
    await expectBad(['self', `${dir}/missing.yaml`, '--out', `${dir}/x.pdf`], /missing\.yaml/);
    const broken = writeBytes(
      dir,
      'broken.yaml',
      'format: pkimm-assessment\nformatVersion: 1\ntitle: x\nmodel: { id: pkimm, version: 2.0.0 }\nmode: full\nrequirements:\n  G.nope.nothing: { level: 9 }\n',
    );
    await expectBad(['detailed', broken, '--out', `${dir}/x.pdf`], /broken\.yaml.*not valid/);
  });

  it('refuses a malformed attestation and one for another assessment', async () => {
    const notJws = writeBytes(dir, 'not.jws', 'hello');
    await expectBad(
      ['attestation', SAMPLE, '--out', `${dir}/x.pdf`, '--attestation', notJws],
      /not\.jws: not a pkimm attestation \(compact JWS\): expected 3 dot-separated parts, found 1/,
    );
    const garbage = writeBytes(dir, 'garbage.jws', 'eyJhbGciOiJFUzI1NiJ9.bm90IGpzb24.c2ln');
    await expectBad(
      ['attestation', SAMPLE, '--out', `${dir}/x.pdf`, '--attestation', garbage],
      'the payload (second part) is not JSON',
    );
    const noId = writeBytes(
      dir,
      'noid.jws',
      fakeAttestation({ type: 'pkimm-attestation', issuedAt: '2026-01-01T00:00:00Z' }).jws,
    );
    await expectBad(
      ['attestation', SAMPLE, '--out', `${dir}/x.pdf`, '--attestation', noId],
      'payload "id" is not a UUID',
    );
    const other = writeBytes(
      dir,
      'other.jws',
      fakeAttestation({
        id: randomUUID(),
        type: 'pkimm-attestation',
        issuedAt: '2026-01-01T00:00:00Z',
        assessment: { id: 'someone-else' },
      }).jws,
    );
    await expectBad(
      ['attestation', SAMPLE, '--out', `${dir}/x.pdf`, '--attestation', other],
      /the attestation is for assessment someone-else/,
    );
  });
});
