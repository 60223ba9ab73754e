/** Response shapes of the import and export routes (also the OpenAPI document and the web app's types). */
import { z } from 'zod';
import { AssessmentSchema } from './assessments/assessment-schemas.js';

export const ImportReportSchema = z.object({
  mode: z.enum(['replace', 'merge']),
  added: z.array(z.string()).describe('keys only the file had'),
  changed: z.array(z.string()).describe('keys whose answer the file changed'),
  removed: z.array(z.string()).describe('keys replace dropped'),
  kept: z.number().int().describe('answers only the stored assessment had, kept by merge'),
  unchanged: z.number().int(),
  details: z.array(z.string()).describe('top-level details that changed (title, scope, …)'),
});

export const ImportIntoSchema = z.object({
  assessment: AssessmentSchema,
  format: z.enum(['pkimm', 'official', 'xlsx']),
  report: ImportReportSchema,
});
