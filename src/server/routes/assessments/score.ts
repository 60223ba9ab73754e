import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openAssessment } from '../../assessments/open-assessment.js';
import { scoreJsonOf } from '../../assessments/score-json.js';
import { errorResponses, IdParam, SECURITY } from './common-schemas.js';
import { ScoreSchema } from './score-schema.js';

const Params = z.object({ id: IdParam });
const Query = z.object({
  gaps: z
    .enum(['true', 'false'])
    .optional()
    .describe('true adds the gap to the next level for each category'),
});

/** Levels computed by the core engine on every read, in the shape of `pkimm score --format json`. */
export const scoreRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/assessments/:id/score',
    {
      schema: {
        tags: ['assessments'],
        summary: 'The score, exactly as `pkimm score --format json` prints it',
        security: SECURITY,
        params: Params,
        querystring: Query,
        response: { 200: ScoreSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { model, assessment } = await openAssessment(
        app.deps,
        request.principal,
        request.params.id,
        'read',
      );
      return scoreJsonOf(app.deps, model, assessment, { gaps: request.query.gaps === 'true' });
    },
  );
};
