/**
 * docs/SECURITY.md's ASVS 4.0.3 checklist stays complete and honest: every level-2 requirement
 * appears exactly once with a known status, and every test a "Met" row names exists. The ids
 * below are the standard's level-2 list (including 3.3.2, whose level-2 column gives times
 * instead of a tick, and the optional 2.8.7 and the 2.10 items).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/io/package-root.js';

// One line per chapter, as the standard groups them.
// prettier-ignore
const LEVEL_2 = [
  '1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.1.5', '1.1.6', '1.1.7', '1.2.1', '1.2.2', '1.2.3', '1.2.4', '1.4.1', '1.4.4', '1.4.5', '1.5.1', '1.5.2', '1.5.3', '1.5.4', '1.6.1', '1.6.2', '1.6.3', '1.6.4', '1.7.1', '1.7.2', '1.8.1', '1.8.2', '1.9.1', '1.9.2', '1.10.1', '1.11.1', '1.11.2', '1.12.2', '1.14.1', '1.14.2', '1.14.3', '1.14.4', '1.14.5', '1.14.6',
  '2.1.1', '2.1.2', '2.1.3', '2.1.4', '2.1.5', '2.1.6', '2.1.7', '2.1.8', '2.1.9', '2.1.10', '2.1.11', '2.1.12', '2.2.1', '2.2.2', '2.2.3', '2.3.1', '2.3.2', '2.3.3', '2.4.1', '2.4.2', '2.4.3', '2.4.4', '2.4.5', '2.5.1', '2.5.2', '2.5.3', '2.5.4', '2.5.5', '2.5.6', '2.5.7', '2.6.1', '2.6.2', '2.6.3', '2.7.1', '2.7.2', '2.7.3', '2.7.4', '2.7.5', '2.7.6', '2.8.1', '2.8.2', '2.8.3', '2.8.4', '2.8.5', '2.8.6', '2.8.7', '2.9.1', '2.9.2', '2.9.3', '2.10.1', '2.10.2', '2.10.3', '2.10.4',
  '3.1.1', '3.2.1', '3.2.2', '3.2.3', '3.2.4', '3.3.1', '3.3.2', '3.3.3', '3.3.4', '3.4.1', '3.4.2', '3.4.3', '3.4.4', '3.4.5', '3.5.1', '3.5.2', '3.5.3', '3.7.1',
  '4.1.1', '4.1.2', '4.1.3', '4.1.5', '4.2.1', '4.2.2', '4.3.1', '4.3.2', '4.3.3',
  '5.1.1', '5.1.2', '5.1.3', '5.1.4', '5.1.5', '5.2.1', '5.2.2', '5.2.3', '5.2.4', '5.2.5', '5.2.6', '5.2.7', '5.2.8', '5.3.1', '5.3.2', '5.3.3', '5.3.4', '5.3.5', '5.3.6', '5.3.7', '5.3.8', '5.3.9', '5.3.10', '5.4.1', '5.4.2', '5.4.3', '5.5.1', '5.5.2', '5.5.3', '5.5.4',
  '6.1.1', '6.1.2', '6.1.3', '6.2.1', '6.2.2', '6.2.3', '6.2.4', '6.2.5', '6.2.6', '6.3.1', '6.3.2', '6.4.1', '6.4.2',
  '7.1.1', '7.1.2', '7.1.3', '7.1.4', '7.2.1', '7.2.2', '7.3.1', '7.3.3', '7.3.4', '7.4.1', '7.4.2', '7.4.3',
  '8.1.1', '8.1.2', '8.1.3', '8.1.4', '8.2.1', '8.2.2', '8.2.3', '8.3.1', '8.3.2', '8.3.3', '8.3.4', '8.3.5', '8.3.6', '8.3.7', '8.3.8',
  '9.1.1', '9.1.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4',
  '10.2.1', '10.2.2', '10.3.1', '10.3.2', '10.3.3',
  '11.1.1', '11.1.2', '11.1.3', '11.1.4', '11.1.5', '11.1.6', '11.1.7', '11.1.8',
  '12.1.1', '12.1.2', '12.1.3', '12.2.1', '12.3.1', '12.3.2', '12.3.3', '12.3.4', '12.3.5', '12.3.6', '12.4.1', '12.4.2', '12.5.1', '12.5.2', '12.6.1',
  '13.1.1', '13.1.3', '13.1.4', '13.1.5', '13.2.1', '13.2.2', '13.2.3', '13.2.5', '13.2.6', '13.3.1', '13.3.2', '13.4.1', '13.4.2',
  '14.1.1', '14.1.2', '14.1.3', '14.1.4', '14.2.1', '14.2.2', '14.2.3', '14.2.4', '14.2.5', '14.2.6', '14.3.2', '14.3.3', '14.4.1', '14.4.2', '14.4.3', '14.4.4', '14.4.5', '14.4.6', '14.4.7', '14.5.1', '14.5.2', '14.5.3', '14.5.4',
];

const STATUSES = ['Met', 'Partly', 'Not met', 'N/A', 'Operator'] as const;

interface Row {
  id: string;
  status: string;
  proof: string;
}

function checklistRows(): Row[] {
  const text = readFileSync(join(packageRoot(), 'docs', 'SECURITY.md'), 'utf8');
  const section = text.slice(text.indexOf('## OWASP ASVS 4.0.3'));
  return [...section.matchAll(/^\| (\d+\.\d+\.\d+) +\|[^|]*\| ([^|]+?) +\| (.*) \|$/gm)].map((m) => ({
    id: m[1]!,
    status: m[2]!,
    proof: m[3]!,
  }));
}

/** Test paths a row names: `integration/x.test.ts`, `browser/…`, `e2e/…`, or a suite folder like `security/`. */
function namedTests(proof: string): string[] {
  return [
    ...proof.matchAll(/`((?:test\/)?(?:integration|browser|e2e|security|fuzz|resilience)\/[^`]*)`/g),
  ].map((m) => m[1]!.replace(/^test\//, ''));
}

describe('docs/SECURITY.md ASVS checklist', () => {
  const rows = checklistRows();

  it('lists every level-2 requirement exactly once, in the standard order', () => {
    expect(rows.map((r) => r.id)).toEqual(LEVEL_2);
  });

  it('gives each a known status and says how', () => {
    for (const row of rows) {
      expect(STATUSES, row.id).toContain(row.status);
      expect(row.proof.trim().length, row.id).toBeGreaterThan(3);
    }
  });

  it('names only tests that exist, and every Met row that claims a test points at one', () => {
    for (const row of rows) {
      for (const path of namedTests(row.proof)) {
        expect(existsSync(join(packageRoot(), 'test', path)), `${row.id}: test/${path}`).toBe(true);
      }
    }
  });

  it('states the counts the table holds', () => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]));
    const text = readFileSync(join(packageRoot(), 'docs', 'SECURITY.md'), 'utf8');
    const summary = STATUSES.map((s) => `${counts[s]} ${s}`).join(', ');
    expect(text).toContain(`Of the ${LEVEL_2.length} level-2 items: ${summary}.`);
  });
});
