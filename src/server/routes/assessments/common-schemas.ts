/**
 * Shapes shared by the assessment routes. Response schemas carry no transforms (the OpenAPI
 * document would show them as `{}`), and zod objects drop unknown keys on output, so a reply
 * carries exactly what is declared here.
 */
import { z } from 'zod';

export const IdParam = z.string().min(1).max(100);
export const Timestamp = z.string().describe('ISO-8601 date and time, UTC');
export const StatusSchema = z.enum(['draft', 'in-review', 'final']);
export const DocumentSchema = z
  .record(z.string(), z.unknown())
  .describe('the whole assessment in the pkimm-assessment format (docs/assessment-format.md), as JSON');

const IssueSchema = z.object({ path: z.string(), message: z.string(), line: z.number().int().optional() });

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(IssueSchema),
    requestId: z.string(),
  }),
});

/** A 409 for a stale version also says what the current state is, so the client can merge. */
export const ConflictSchema = ErrorSchema.extend({
  current: z
    .object({ version: z.number().int(), status: StatusSchema, document: DocumentSchema })
    .optional()
    .describe('present when the version you sent is stale'),
});

/** Headers of versioned writes; other headers pass through untouched. */
export const WriteHeaders = z.looseObject({
  'if-match': z
    .string()
    .optional()
    .describe('"<version>": the ETag of the state you are changing (required)'),
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('a retried request with the same key is applied once and answered with the same response'),
});

export const NoContent = z.null().describe('no content');

/** The error responses a route can give, for the OpenAPI document and the serializer. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 422 | 428)[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, status === 409 ? ConflictSchema : ErrorSchema]),
  ) as Record<number, typeof ErrorSchema | typeof ConflictSchema>;
}

export const SECURITY = [{ session: [] }, { token: [] }];
