import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ModelRegistry } from '../model-loader/registry.js';
import type { DatabaseHandle } from '../persistence/database.js';
import { authPlugin } from './auth/auth-plugin.js';
import type { ServerConfig } from './config.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { healthRoutes } from './routes/health.js';
import { accountsRoutes } from './routes/accounts/index.js';
import { assessmentsRoutes } from './routes/assessments/index.js';
import { modelRoutes } from './routes/models.js';
import { latestAttestation } from '../persistence/repositories/attestations.js';
import { reportRoutes } from './routes/reports.js';
import { exchangeRoutes } from './routes/exchange.js';
import { attestationRoutes } from './routes/attestations.js';
import { cycleRoutes } from './routes/cycles/index.js';
import { webRoutes } from './web.js';
import { planRoutes } from './routes/plans.js';
import { roadmapRoutes } from './routes/roadmap.js';
import { benchmarkRoutes } from './routes/benchmark.js';
import { scanRoutes } from './routes/scans.js';
import { assessmentLogRoutes } from './routes/assessment-log.js';
import { onsiteRoutes } from './routes/onsite.js';
import { signoffRoutes } from './routes/signoff.js';
import { workflowRoutes } from './routes/workflow.js';
import { crosswalkRoutes } from './routes/crosswalks.js';

export interface AppDeps {
  config: ServerConfig;
  database: DatabaseHandle;
  registry: ModelRegistry;
  /** The clock, injectable so tests can move time (session expiry, lockout). */
  now?: () => Date;
  /** The built web app (default: dist/web of the package); tests point it elsewhere. */
  webRoot?: string;
  /** Pino options; tests pass `false` to keep output quiet. */
  logger?: boolean | { level: string };
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Required<Pick<AppDeps, 'config' | 'database' | 'registry' | 'now'>>;
    /** True while the server is draining on shutdown; /readyz reports unready. */
    draining: boolean;
  }
}

/**
 * Builds the HTTP application without listening, so tests drive it with `inject()` and main.ts
 * decides the port. Every route has zod request/response schemas that also feed the OpenAPI
 * document at /api/docs.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    // A malformed URL (bad percent-encoding, an over-long parameter) is refused by the router
    // before any route runs; without this it would get Fastify's own body, not ours.
    frameworkErrors: (error, request, reply) => void errorHandler(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('deps', { ...deps, now: deps.now ?? (() => new Date()) });
  app.decorate('draining', false);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (!request.url.startsWith('/api/v1/')) return;
    // Assessments are confidential: no browser or shared cache keeps a copy of an API answer.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // A JSON answer opened directly in a tab is a download, never a page (no content sniffing
    // of user text into HTML). Files that name their own disposition keep it.
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('application/json') && !reply.hasHeader('content-disposition'))
      reply.header('content-disposition', 'attachment; filename="api.json"');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'pkimm API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pkimm_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin);
  await app.register(healthRoutes);
  await app.register(accountsRoutes, { prefix: '/api/v1' });
  await app.register(assessmentsRoutes, { prefix: '/api/v1' });
  await app.register(modelRoutes, { prefix: '/api/v1' });
  await app.register(reportRoutes, {
    prefix: '/api/v1',
    // The attestation report quotes the latest signed attestation as its verification reference.
    latestAttestation: async (deps, id) => (await latestAttestation(deps.database.db, id)) ?? undefined,
  });
  await app.register(exchangeRoutes, { prefix: '/api/v1' });
  await app.register(cycleRoutes, { prefix: '/api/v1' });
  await app.register(planRoutes, { prefix: '/api/v1' });
  await app.register(roadmapRoutes, { prefix: '/api/v1' });
  await app.register(benchmarkRoutes, { prefix: '/api/v1' });
  await app.register(scanRoutes, { prefix: '/api/v1' });
  await app.register(assessmentLogRoutes, { prefix: '/api/v1' });
  await app.register(onsiteRoutes, { prefix: '/api/v1' });
  await app.register(signoffRoutes, { prefix: '/api/v1' });
  await app.register(workflowRoutes, { prefix: '/api/v1' });
  await app.register(crosswalkRoutes, { prefix: '/api/v1' });
  await app.register(attestationRoutes);
  await app.register(webRoutes, deps.webRoot === undefined ? {} : { root: deps.webRoot });
  return app;
}
