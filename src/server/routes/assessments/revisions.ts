import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseIfMatch } from '../../assessments/etag.js';
import { getRevisions } from '../../assessments/read-assessment.js';
import { restoreRevision } from '../../assessments/restore-revision.js';
import { AssessmentSchema, RevisionSchema } from './assessment-schemas.js';
import { errorResponses, IdParam, SECURITY, WriteHeaders } from './common-schemas.js';
import { idempotencyOf, send } from './reply-helpers.js';

const Params = z.object({ id: IdParam });
const VersionParams = Params.extend({ version: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** The history of every change, and bringing an earlier version back. */
export const revisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['revisions'];

  app.get(
    '/assessments/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Every change, oldest first: who, when, what, and the entry before and after',
        security: SECURITY,
        params: Params,
        response: { 200: z.object({ revisions: z.array(RevisionSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const revisions = await getRevisions(app.deps, request.principal, request.params.id);
      return {
        revisions: revisions.map((r) => ({
          version: r.version,
          actor: { userId: r.actorUserId, email: r.actorEmail },
          at: r.at,
          kind: r.kind,
          path: r.change.path,
          before: r.change.before,
          after: r.change.after,
        })),
      };
    },
  );

  app.post(
    '/assessments/:id/revisions/:version/restore',
    {
      schema: {
        tags,
        summary:
          'Bring back the document as it was after this version, as a new revision (finalise capability)',
        security: SECURITY,
        params: VersionParams,
        headers: WriteHeaders,
        response: { 200: AssessmentSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (request, reply) => {
      const result = await restoreRevision(app.deps, request.principal, {
        assessmentId: request.params.id,
        version: request.params.version,
        expectedVersion: parseIfMatch(request.headers['if-match']),
        idempotency: idempotencyOf(request, request.headers['idempotency-key']),
      });
      return send(reply, result);
    },
  );
};
