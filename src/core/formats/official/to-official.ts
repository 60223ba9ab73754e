import type { Assessment } from '../../assessment/assessment.types.js';
import { PkimmError } from '../../errors.js';
import type { Model } from '../../model/model.types.js';
import { diffAssessment } from './pkimm-patch.js';
import { X_PKIMM, projectOfficial } from './project-official.js';
import { readOfficialCore } from './read-official-core.js';

/**
 * An assessment as an official self-assessment export object (serialise it with js-yaml's
 * `dump` and default options, as the app does). Everything the official fields cannot hold
 * goes under `x-pkimm`, computed as the difference between what reading the official fields
 * alone would give and the assessment itself, so that fromOfficial(toOfficial(a)) equals a.
 * A file that came from the app and was not changed is written back exactly as it was.
 */
export function toOfficial(assessment: Assessment, model: Model): Record<string, unknown> {
  if (
    model.id !== 'pkimm' ||
    assessment.model.id !== model.id ||
    assessment.model.version !== model.version
  ) {
    throw new PkimmError(
      'ASSESSMENT_INVALID',
      `cannot write the official format for ${assessment.model.id} ${assessment.model.version} with model ${model.id} ${model.version}` +
        (model.id === 'pkimm' ? '' : ' (the official format holds PKIMM assessments only)'),
    );
  }
  const projected = projectOfficial(assessment, model);
  const patch = diffAssessment(readOfficialCore(projected, model).assessment, assessment);
  if (assessment.importedFrom === 'official') {
    // Reading a file without x-pkimm marks it imported, so that part of the patch is implied.
    const { importedFrom: _implied, ...rest } = patch;
    return Object.keys(rest).length === 0 ? projected : { ...projected, [X_PKIMM]: patch };
  }
  // Always present for pkimm's own data, so reading it back does not mark it as imported.
  return { ...projected, [X_PKIMM]: { mode: assessment.mode, ...patch } };
}
