import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessmentArbitrary, officialArbitrary } from '../../../../test/helpers/arbitraries.js';
import { tinyModel1, tinyModel2 } from '../../../../test/helpers/tiny-model.js';
import { parsePkimmAssessment } from '../../assessment/parse-pkimm-assessment.js';
import { toPkimmDocument } from '../../assessment/to-pkimm-document.js';
import { fromOfficial } from './from-official.js';
import { toOfficial } from './to-official.js';

/** JSON has no undefined and no shared references: what a file would give back. */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe.each([tinyModel2, tinyModel1])('official format round trips on pkimm $version', (model) => {
  it('pkimm → official → pkimm gives the same assessment', () => {
    fc.assert(
      fc.property(assessmentArbitrary(model), (assessment) => {
        const { assessment: back, issues } = fromOfficial(viaJson(toOfficial(assessment, model)), model);
        expect(issues).toEqual([]);
        expect(back).toStrictEqual(assessment);
      }),
      { numRuns: 300 },
    );
  });

  it('official → pkimm → official gives the same export', () => {
    fc.assert(
      fc.property(officialArbitrary(model), (official) => {
        const { assessment, issues } = fromOfficial(official, model);
        expect(issues).toEqual([]);
        const written = toOfficial(assessment, model);
        // Key order matters too (the file is rewritten byte for byte), so compare as JSON text.
        expect(JSON.stringify(written)).toBe(JSON.stringify(official));
      }),
      { numRuns: 300 },
    );
  });

  it('official → our file → official keeps every key in its place', () => {
    fc.assert(
      fc.property(officialArbitrary(model), (official) => {
        const { assessment } = fromOfficial(official, model);
        const reread = parsePkimmAssessment(viaJson(toPkimmDocument(assessment, model)));
        expect(reread.issues).toEqual([]);
        expect(reread.assessment).toStrictEqual(assessment);
        expect(JSON.stringify(toOfficial(reread.assessment!, model))).toBe(JSON.stringify(official));
      }),
      { numRuns: 200 },
    );
  });
});
