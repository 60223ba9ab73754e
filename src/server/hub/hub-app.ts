import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { PkimmError } from '../../core/errors.js';
import { ModelRegistry } from '../../model-loader/registry.js';
import type { AppDeps } from '../app.js';
import { errorHandler, notFoundHandler } from '../error-handler.js';
import { healthRoutes } from '../routes/health.js';
import { hubRoutes } from './hub-routes.js';

export type HubDeps = Pick<AppDeps, 'config' | 'database' | 'now' | 'logger'>;

/**
 * `pkimm serve --benchmark-hub`: only health and /hub/v1 — no accounts, no assessments, no web
 * app. Logs carry method and URL but no client address, so the hub keeps nothing that names
 * the servers that submit to it.
 */
export async function buildHubApp(deps: HubDeps): Promise<FastifyInstance> {
  const tokens = deps.config.benchmark.hubTokens;
  if (tokens.length === 0)
    throw new PkimmError('CONFIG_INVALID', 'a benchmark hub needs tokens to accept', {
      issues: [
        { path: 'PKIMM_HUB_TOKENS', message: 'must list the comma-separated tokens (≥ 24 characters each)' },
      ],
    });
  const level = deps.config.logLevel;
  const logger =
    deps.logger === false
      ? false
      : {
          level: typeof deps.logger === 'object' ? deps.logger.level : level,
          serializers: {
            req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
          },
        };
  const app = Fastify({
    logger,
    genReqId: () => randomUUID(),
    bodyLimit: 256 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  // The hub reads no models; the registry only satisfies the shared `deps` shape.
  app.decorate('deps', {
    config: deps.config,
    database: deps.database,
    registry: new ModelRegistry({ dataDir: deps.config.dataDir }),
    now: deps.now ?? (() => new Date()),
  });
  app.decorate('draining', false);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  await app.register(healthRoutes);
  await app.register(hubRoutes, { prefix: '/hub/v1', tokens });
  return app;
}
