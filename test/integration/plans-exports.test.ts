/**
 * Plans as CSV (read back with csv-parse) and as iCalendar (read back with a strict reader
 * written here, as no independent iCalendar parser is installed): folding at 75 octets, CRLF,
 * TEXT escaping, one all-day VEVENT per due date, stable UIDs; and `pkimm plans export`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseAssessmentText } from '../../src/assessment-io/read-assessment.js';
import { planEntries } from '../../src/core/plans/timeline.js';
import { plansCsv, PLANS_CSV_HEADER } from '../../src/exchange/plans/plans-csv.js';
import { plansIcs } from '../../src/exchange/plans/plans-ics.js';
import { bundledRegistry } from '../helpers/registry.js';
import { cli } from '../support/run-cli.js';

const registry = bundledRegistry();
const FILE = join(import.meta.dirname, '..', 'fixtures', 'plans', 'with-plans.yaml');
const STAMP = new Date('2026-03-10T08:30:00.000Z');

async function entries(today = '2026-03-10') {
  const { assessment, model } = await parseAssessmentText(readFileSync(FILE, 'utf8'), 'plans.yaml', registry);
  return planEntries([{ assessmentId: assessment.id ?? 'x', assessment, model }], today);
}

/** RFC 5545 content lines: checks CRLF endings and the 75-octet limit, then unfolds. */
function contentLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line.includes('\n') || line.includes('\r'), `bare line break in ${JSON.stringify(line)}`).toBe(
      false,
    );
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  return logical;
}

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

function property(line: string): Property {
  const colon = line.indexOf(':');
  expect(colon, line).toBeGreaterThan(0);
  const [name, ...params] = line.slice(0, colon).split(';');
  return {
    name: name ?? '',
    params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
    value: line.slice(colon + 1),
  };
}

/** TEXT unescaping; an unescaped `;` or `,` or a stray backslash is an error. */
function unescapeText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i];
    if (c === ';' || c === ',') throw new Error(`unescaped ${c} in ${value}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = value[(i += 1)];
    if (next === 'n' || next === 'N') out += '\n';
    else if (next === '\\' || next === ';' || next === ',') out += next;
    else throw new Error(`bad escape \\${next} in ${value}`);
  }
  return out;
}

/** The calendar's events as maps of property name to property, nesting checked. */
function events(text: string): Map<string, Property>[] {
  const lines = contentLines(text).map(property);
  expect(lines[0]).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' });
  expect(lines.at(-1)).toMatchObject({ name: 'END', value: 'VCALENDAR' });
  expect(lines.find((p) => p.name === 'VERSION')?.value).toBe('2.0');
  expect(lines.find((p) => p.name === 'PRODID')).toBeDefined();
  const out: Map<string, Property>[] = [];
  let current: Map<string, Property> | undefined;
  for (const p of lines.slice(1, -1)) {
    if (p.name === 'BEGIN') {
      expect(p.value).toBe('VEVENT');
      expect(current).toBeUndefined();
      current = new Map();
    } else if (p.name === 'END') {
      expect(current).toBeDefined();
      out.push(current as Map<string, Property>);
      current = undefined;
    } else if (current) {
      expect(current.has(p.name), `repeated ${p.name}`).toBe(false);
      current.set(p.name, p);
    }
  }
  expect(current).toBeUndefined();
  return out;
}

describe('plans as iCalendar', () => {
  it('has one all-day event per plan with a due date, with stable UIDs and escaped, folded text', async () => {
    const list = await entries();
    const text = plansIcs(list, STAMP, 'Heron PKI plans 2026');
    const found = events(text);
    expect(found).toHaveLength(2);
    const [roadmap, ocsp] = found as [Map<string, Property>, Map<string, Property>];
    expect(roadmap.get('UID')?.value).toBe('5d1c9e2a-7b3f-4a10-9c8d-1e2f3a4b5c6d.roadmap@pkimm');
    expect(roadmap.get('DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20260227' });
    expect(roadmap.get('DTEND')?.value).toBe('20260228');
    expect(roadmap.get('DTSTAMP')?.value).toBe('20260310T083000Z');
    expect(unescapeText(roadmap.get('SUMMARY')?.value ?? '')).toBe('Multi-year PKI roadmap (in-progress)');
    const description = unescapeText(roadmap.get('DESCRIPTION')?.value ?? '');
    expect(description.split('\n')).toEqual([
      'Heron PKI plans 2026: Strategy and vision (G.strategy-and-vision)',
      'Responsible: A. Sponsor, CIO office',
      'Target level: 4',
      'Objective: A roadmap the board signs off',
      'Objective: Budget for three years',
      'Tasks: 1/2 done',
      'Align with the budget cycle, see \\\\share\\pki',
    ]);
    expect(text).toContain('A. Sponsor\\, CIO office');
    expect(ocsp.get('DTSTART')?.value).toBe('20270331');
    // The same input gives the same file, so a calendar re-import updates rather than duplicates.
    expect(plansIcs(await entries(), STAMP, 'Heron PKI plans 2026')).toBe(text);
  });

  it('folds long lines between characters, never inside a UTF-8 sequence', async () => {
    const list = await entries();
    const first = list[0];
    if (!first) throw new Error('no plan');
    const long = {
      ...first,
      plan: { ...first.plan, title: 'Überprüfung der Schlüsselverwaltung – '.repeat(6) },
    };
    const text = plansIcs([long], STAMP, 'x');
    const summary = contentLines(text).find((line) => line.startsWith('SUMMARY:'));
    expect(summary).toBe(`SUMMARY:${'Überprüfung der Schlüsselverwaltung – '.repeat(6)} (in-progress)`);
    expect(text.split('\r\n').filter((line) => line.startsWith(' ')).length).toBeGreaterThan(2);
  });
});

describe('plans as CSV', () => {
  it('has a header and one formula-safe row per plan, lists one item a line', async () => {
    const text = plansCsv(await entries('2026-03-10'));
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parse<Record<string, string>>(text.slice(1), { columns: true });
    expect(Object.keys(rows[0] ?? {})).toEqual([...PLANS_CSV_HEADER]);
    expect(rows.map((r) => r['plan_id'])).toEqual(['roadmap', 'ocsp-monitoring', 'no-date']);
    expect(rows[0]).toMatchObject({
      subject: 'G.strategy-and-vision',
      title: 'Multi-year PKI roadmap',
      status: 'in-progress',
      target_level: '4',
      start: '2026-01-15',
      due: '2026-02-27',
      overdue: 'true',
      objectives: 'A roadmap the board signs off\nBudget for three years',
      tasks: '[x] Draft the roadmap\n[ ] Board review',
      tasks_done: '1',
      tasks_total: '2',
    });
    expect(rows[1]?.['responsible']).toBe('\'=HYPERLINK("http://x","y")');
    expect(rows[2]).toMatchObject({ due: '', overdue: 'false' });
  });
});

describe('pkimm plans export', () => {
  it('writes CSV to stdout and iCalendar to a file', async () => {
    const csv = await cli(['plans', 'export', FILE, '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toContain('Multi-year PKI roadmap');
    const out = join(mkdtempSync(join(tmpdir(), 'pkimm-plans-')), 'plans.ics');
    const ics = await cli(['plans', 'export', FILE, '--format', 'ics', '--out', out]);
    expect(ics.code, ics.stderr).toBe(0);
    expect(ics.stderr).toContain('wrote');
    expect(events(readFileSync(out, 'utf8'))).toHaveLength(2);
  });

  it('refuses an unknown format with a usage error', async () => {
    const result = await cli(['plans', 'export', FILE, '--format', 'pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format must be one of csv, ics (got "pdf")');
  });
});
