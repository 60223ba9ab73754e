import { dump } from 'js-yaml';
import { stringify } from 'yaml';
import type { Assessment } from '../core/assessment/assessment.types.js';
import { toPkimmDocument } from '../core/assessment/to-pkimm-document.js';
import { toOfficial } from '../core/formats/official/to-official.js';
import type { Model } from '../core/model/model.types.js';

export type SerializeFormat = 'pkimm-yaml' | 'pkimm-json' | 'official';

/**
 * Writes an assessment as text. The official export goes through js-yaml's `dump` with its
 * default options, exactly as the official app writes it, so files it wrote come back
 * byte-identical; ours is block-style YAML (the `yaml` package) or JSON with 2-space indent.
 */
export function serializeAssessment(assessment: Assessment, model: Model, format: SerializeFormat): string {
  if (format === 'official') return dump(toOfficial(assessment, model));
  const doc = toPkimmDocument(assessment, model);
  if (format === 'pkimm-json') return `${JSON.stringify(doc, null, 2)}\n`;
  // No anchors: a value that appears twice is written twice, so the file reads plainly.
  return stringify(doc, { aliasDuplicateObjects: false });
}
