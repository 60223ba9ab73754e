/**
 * What `pkimm import` and the import API do with a file once it is read: merge it into or let
 * it replace a stored assessment; and every export format written from assessments carrying
 * hostile text (formulas, control characters, lone surrogates, prototype names, very long
 * notes). Merges and replacements must stay valid for the model and leave their inputs alone;
 * our JSON, YAML and .xlsx exports must read back to the same assessment; no export may throw.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment/assessment.types.js';
import { validateAgainstModel } from '../../src/core/assessment/validate-against-model.js';
import type { Model } from '../../src/core/model/model.types.js';
import { EXCHANGE_FORMATS, exportAssessmentAs } from '../../src/exchange/export-formats.js';
import {
  importReport,
  mergeAssessments,
  replaceAssessment,
} from '../../src/exchange/merge/merge-assessments.js';
import { readAssessmentBytes } from '../../src/exchange/read-assessment-bytes.js';
import { assessmentArbitrary } from '../helpers/arbitraries.js';
import { bundledRegistry } from '../helpers/registry.js';
import { expectPrototypeUntouched, expectSameData, hostileString, runs } from './support/hostile.js';

const registry = bundledRegistry();
let model: Model;
beforeAll(async () => {
  model = await registry.get('pkimm', '2.0.0');
});

/** Text a person or a tool may type into any free-text field. */
const text = hostileString.filter((s) => s.length <= 20_000 && s.trim() !== '');

/** A valid assessment whose title and notes carry hostile text. */
function hostileAssessment(): fc.Arbitrary<Assessment> {
  return fc
    .tuple(assessmentArbitrary(model), text, fc.array(text, { minLength: 1, maxLength: 4 }))
    .map(([assessment, title, notes]) => {
      const copy = structuredClone(assessment);
      copy.title = title;
      Object.values(copy.requirements).forEach((answer, i) => {
        answer.notes = notes[i % notes.length]!;
      });
      return copy;
    });
}

/** `value` with every lone surrogate replaced by U+FFFD, as UTF-8 text must carry it. */
function wellFormed<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/\\u[dD][89a-fA-F][0-9a-fA-F]{2}/g, '\ufffd')) as T;
}

describe('imports and exports under fuzzing', () => {
  it('merges and replaces into results valid for the model, leaving the inputs alone', () => {
    fc.assert(
      fc.property(hostileAssessment(), hostileAssessment(), (stored, file) => {
        const [storedBefore, fileBefore] = [structuredClone(stored), structuredClone(file)];
        for (const [mode, result] of [
          ['merge', mergeAssessments(stored, file)],
          ['replace', replaceAssessment(stored, file)],
        ] as const) {
          expect(validateAgainstModel(result, model)).toEqual([]);
          expect(result.id).toBe(stored.id);
          // The report names only keys of the three inputs.
          const report = importReport(mode, stored, file, result);
          expect(report.mode).toBe(mode);
        }
        // A merge keeps every stored answer the file does not override.
        const merged = mergeAssessments(stored, file);
        for (const [key, answer] of Object.entries(stored.requirements)) {
          expect(merged.requirements[key]).toStrictEqual(file.requirements[key] ?? answer);
        }
        expect(stored).toStrictEqual(storedBefore);
        expect(file).toStrictEqual(fileBefore);
        expectPrototypeUntouched();
      }),
      { numRuns: runs(150) },
    );
  });

  it('exports every format without throwing, and our formats read back unchanged', async () => {
    const formats = fc.constantFrom(...EXCHANGE_FORMATS);
    await fc.assert(
      fc.asyncProperty(hostileAssessment(), formats, async (assessment, format) => {
        const file = await exportAssessmentAs(assessment, model, format, {
          now: new Date('2026-01-01T00:00:00Z'),
        });
        expect(file.content.length).toBeGreaterThan(0);
        expect(file.fileName).not.toMatch(/[/\\]/);
        expect(file.fileName.includes(String.fromCharCode(0))).toBe(false);
        if (format === 'json' || format === 'yaml' || format === 'xlsx') {
          const read = await readAssessmentBytes(file.content, file.fileName, registry);
          // XML cannot hold a lone surrogate: the workbook carries U+FFFD in its place.
          expectSameData(read.assessment, format === 'xlsx' ? wellFormed(assessment) : assessment);
        }
        if (format === 'csv') {
          // No exported cell may start a formula (CSV injection).
          for (const cell of file.content.toString('utf8').split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)|\r?\n/)) {
            expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]/);
          }
        }
      }),
      { numRuns: runs(40) },
    );
  }, 120_000);
});
