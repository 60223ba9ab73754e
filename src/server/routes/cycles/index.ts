import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cycleInfo, updateCycle } from '../../assessments/cycles/cycle-info.js';
import { startNextCycle } from '../../assessments/cycles/next-cycle.js';
import { orgCycles } from '../../assessments/cycles/org-list.js';
import { portfolio, setScopeWeights } from '../../assessments/cycles/portfolio.js';
import { scopeTrend } from '../../assessments/cycles/trend.js';
import { errorResponses, IdParam, SECURITY } from '../assessments/common-schemas.js';
import {
  CycleChangeBody,
  CycleSchema,
  NextCycleBody,
  NextCycleResponse,
  OrgCyclesSchema,
  PortfolioSchema,
  ScopeKey,
  TrendSchema,
  WeightsBody,
} from './cycle-schemas.js';

const AssessmentParams = z.object({ id: IdParam });
const OrgParams = z.object({ orgId: IdParam });

/** Cycles (next cycle, baseline, stale evidence, reminder), trends per scope and the portfolio roll-up. */
export const cycleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['cycles'];

  app.post(
    '/assessments/:id/next-cycle',
    {
      schema: {
        tags,
        summary: 'Start the next cycle of a final assessment (a role that may rate in the organisation)',
        description:
          'A new draft in the same scope, with the same model, mode, type, scope description and applicability and no ratings; the previous ratings are its baseline (GET …/cycle) and its evidence is copied with the original dates. 409 unless the assessment is final.',
        security: SECURITY,
        params: AssessmentParams,
        body: NextCycleBody,
        response: { 201: NextCycleResponse, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await startNextCycle(
        app.deps,
        request.principal,
        request.params.id,
        request.body?.title,
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/assessments/:id/cycle',
    {
      schema: {
        tags,
        summary: "The assessment's scope, baseline ratings, re-assessment reminder and evidence ages",
        security: SECURITY,
        params: AssessmentParams,
        response: { 200: CycleSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => cycleInfo(app.deps, request.principal, request.params.id),
  );

  app.patch(
    '/assessments/:id/cycle',
    {
      schema: {
        tags,
        summary: "Name the assessment's scope or set its reminder day (a role that may rate)",
        description: 'The scope of a final assessment cannot change (409); its reminder can.',
        security: SECURITY,
        params: AssessmentParams,
        body: CycleChangeBody,
        response: { 200: CycleSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateCycle(app.deps, request.principal, request.params.id, request.body),
  );

  app.get(
    '/orgs/:orgId/cycles',
    {
      schema: {
        tags,
        summary: "The organisation's assessments with their scope, previous cycle and re-assessment reminder",
        security: SECURITY,
        params: OrgParams,
        response: { 200: OrgCyclesSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ assessments: await orgCycles(app.deps, request.principal, request.params.orgId) }),
  );

  app.get(
    '/orgs/:orgId/trend',
    {
      schema: {
        tags,
        summary:
          "Every category's and the overall raw level over the final assessments of a scope, oldest first",
        security: SECURITY,
        params: OrgParams,
        querystring: z.object({ scope: ScopeKey.optional() }),
        response: { 200: TrendSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => scopeTrend(app.deps, request.principal, request.params.orgId, request.query.scope),
  );

  app.get(
    '/orgs/:orgId/portfolio',
    {
      schema: {
        tags,
        summary:
          "The organisation's scopes rolled up by weight, with the scope that holds each category back",
        description:
          "Each scope counts with its latest final assessment (its latest one if none is final). A scope's weight is 1 unless set.",
        security: SECURITY,
        params: OrgParams,
        response: { 200: PortfolioSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => portfolio(app.deps, request.principal, request.params.orgId),
  );

  app.patch(
    '/orgs/:orgId/portfolio/weights',
    {
      schema: {
        tags,
        summary: 'Set scope weights of the portfolio roll-up (owners)',
        security: SECURITY,
        params: OrgParams,
        body: WeightsBody,
        response: { 200: PortfolioSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      setScopeWeights(app.deps, request.principal, request.params.orgId, request.body.weights),
  );
};
