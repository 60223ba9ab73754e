import { PKIMM_FORMAT, PKIMM_FORMAT_VERSION } from '../core/assessment/assessment.schema.js';
import { isPlainObject } from '../core/assessment/compact.js';
import { PkimmError } from '../core/errors.js';

export type AssessmentFormat = 'pkimm' | 'official';

const EXPECTED =
  'expected a pkimm assessment (`format: pkimm-assessment`) or an official self-assessment export (a `dataVersion` string)';

/**
 * Tells our format from the official export. Ours says `format: pkimm-assessment`. The
 * official export is recognised by its `dataVersion` string, unless the document carries
 * `kind` or `formatVersion`: those mark the official app's removed JSON envelope or its scope
 * templates, which the app rejects as assessments too.
 */
export function detectAssessmentFormat(value: unknown, source: string): AssessmentFormat {
  if (!isPlainObject(value))
    throw new PkimmError('FORMAT_UNKNOWN', `not an assessment: the document is not a map; ${EXPECTED}`, {
      source,
    });
  if (value['format'] === PKIMM_FORMAT) {
    const version = value['formatVersion'];
    if (typeof version === 'number' && version > PKIMM_FORMAT_VERSION) {
      throw new PkimmError(
        'FORMAT_UNKNOWN',
        `written by a newer pkimm (formatVersion ${version}); this pkimm reads formatVersion ${PKIMM_FORMAT_VERSION}`,
        { source },
      );
    }
    return 'pkimm';
  }
  if (value['kind'] === 'pkimm-scope-template') {
    throw new PkimmError(
      'FORMAT_UNKNOWN',
      `this is an official scope template (kind: pkimm-scope-template), not an assessment; ${EXPECTED}`,
      { source },
    );
  }
  if (value['kind'] !== undefined || value['formatVersion'] !== undefined) {
    const marker =
      value['kind'] !== undefined ? `kind: ${JSON.stringify(value['kind'])}` : 'a formatVersion key';
    throw new PkimmError(
      'FORMAT_UNKNOWN',
      `not an assessment pkimm can read (${marker}; the official app's old JSON envelope is no longer supported, export YAML from the app instead); ${EXPECTED}`,
      { source },
    );
  }
  if (typeof value['dataVersion'] === 'string') return 'official';
  throw new PkimmError('FORMAT_UNKNOWN', `not an assessment file; ${EXPECTED}`, { source });
}
