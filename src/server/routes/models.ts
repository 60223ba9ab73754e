import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PkimmError } from '../../core/errors.js';
import { errorResponses } from './assessments/common-schemas.js';

/**
 * The model catalogue for the web app: which model versions exist, and each one whole (levels,
 * modules, categories, requirements) so the browser can render and score offline. Model text is
 * public, so these routes need no session; the texts change only when an admin imports a file,
 * hence a short public cache.
 */

const LevelNumber = z.number().int().min(1).max(5);
const Origin = z.enum(['bundled', 'imported']);

const ModelSummary = z.object({
  id: z.string(),
  version: z.string(),
  origin: Origin,
  categories: z.number().int(),
  requirements: z.number().int(),
});

const RequirementSchema = z.object({
  id: z.string(),
  key: z.string(),
  position: z.string(),
  weight: z.number(),
  name: z.string(),
  guidance: z.string(),
  assessment: z.string(),
  references: z.array(z.string()),
});

const CategorySchema = z.object({
  id: z.string(),
  key: z.string(),
  position: z.string(),
  moduleId: z.enum(['G', 'M', 'O', 'R']),
  weight: z.number(),
  name: z.string(),
  description: z.string(),
  levels: z.array(z.object({ number: LevelNumber, name: z.string(), description: z.string() })),
  requirements: z.array(RequirementSchema),
});

const ModelSchema = z.object({
  id: z.string(),
  version: z.string(),
  schemaVersion: z.string(),
  origin: Origin,
  levels: z.array(
    z.object({
      number: LevelNumber,
      name: z.string(),
      meaning: z.string(),
      indicators: z.array(z.string()),
      risks: z.string(),
    }),
  ),
  modules: z.array(
    z.object({
      id: z.enum(['G', 'M', 'O', 'R']),
      name: z.string(),
      description: z.string(),
      categories: z.array(CategorySchema),
    }),
  ),
  references: z.array(z.object({ id: z.string(), title: z.string(), url: z.string().optional() })),
});

const Params = z.object({ id: z.string().min(1).max(100), version: z.string().min(1).max(100) });

const CACHE_CONTROL = 'public, max-age=300';

export const modelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/models',
    {
      schema: {
        tags: ['models'],
        summary: 'The model versions this server knows (extensions are not listed)',
        response: { 200: z.array(ModelSummary) },
      },
    },
    async (_request, reply) => {
      const entries = await app.deps.registry.list();
      reply.header('cache-control', CACHE_CONTROL);
      return entries
        .filter((entry) => entry.kind === 'model')
        .map(({ id, version, origin, categories, requirements }) => ({
          id,
          version,
          origin,
          categories,
          requirements,
        }));
    },
  );

  app.get(
    '/models/:id/:version',
    {
      schema: {
        tags: ['models'],
        summary: 'One model version whole: levels, modules, categories and requirements',
        params: Params,
        response: { 200: ModelSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { id, version } = request.params;
      try {
        const model = await app.deps.registry.get(id, version);
        reply.header('cache-control', CACHE_CONTROL);
        return model;
      } catch (error) {
        // The registry's MODEL_NOT_FOUND means "your input names no model" (422) elsewhere;
        // here the model is the resource in the path, so it is a plain 404.
        if (error instanceof PkimmError && error.code === 'MODEL_NOT_FOUND') {
          throw new PkimmError('NOT_FOUND', error.message);
        }
        throw error;
      }
    },
  );
};
