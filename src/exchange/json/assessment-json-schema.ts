import { z } from 'zod';
import {
  PKIMM_FORMAT_VERSION,
  levelSchema,
  pkimmAssessmentSchema,
} from '../../core/assessment/assessment.schema.js';

/** Where the published JSON Schema of our assessment format lives, relative to the package root. */
export const ASSESSMENT_JSON_SCHEMA_PATH = `model/schema/pkimm-assessment-${PKIMM_FORMAT_VERSION}.schema.json`;

/**
 * The JSON Schema of a pkimm-assessment document (formatVersion 1), generated from the one
 * zod schema the reader uses, so the two cannot drift (a test compares the committed file).
 * A level is a zod custom check, which JSON Schema cannot express as code; it is written as
 * the integer range 0..5 it checks. Whether keys exist in the model is not expressible here;
 * pkimm checks that when it reads a file.
 */
export function assessmentJsonSchemaText(): string {
  const schema = z.toJSONSchema(pkimmAssessmentSchema, {
    io: 'input',
    // The one custom type (the level) is filled in by the override below.
    unrepresentable: 'any',
    override: (context) => {
      if (context.zodSchema === levelSchema) {
        Object.assign(context.jsonSchema, {
          type: 'integer',
          minimum: 0,
          maximum: 5,
          description: '0 = not assessed, 1..5 = the maturity levels',
        });
      }
    },
  });
  return `${JSON.stringify(
    {
      ...schema,
      title: `pkimm assessment file, formatVersion ${PKIMM_FORMAT_VERSION}`,
      description:
        'An assessment of the PKI Maturity Model in the pkimm-assessment format (docs/assessment-format.md).',
    },
    null,
    2,
  )}\n`;
}
