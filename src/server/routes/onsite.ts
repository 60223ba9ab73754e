import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createEntry,
  deleteEntry,
  listEntries,
  onsiteOfRequirement,
  replaceEntry,
  type FieldsOf,
  type RegisterKind,
} from '../assurance/onsite/registers.js';
import { workshopMinutes } from '../assurance/onsite/minutes.js';
import { listWorkshopSummaries, readWorkshop } from '../assurance/onsite/workshop-view.js';
import { agree, castVote, closeWorkshop, openWorkshop, setCurrent } from '../assurance/onsite/workshops.js';
import { errorResponses, IdParam, NoContent, SECURITY } from './assessments/common-schemas.js';
import { assessmentErrorHandler } from './assessments/conflict-handler.js';
import {
  AgreeBody,
  ArtifactBody,
  ArtifactSchema,
  ContactBody,
  ContactSchema,
  CurrentBody,
  InterviewBody,
  InterviewSchema,
  MinutesQuery,
  OpenWorkshopBody,
  VoteBody,
  WorkshopSummarySchema,
  WorkshopViewSchema,
} from './onsite-schemas.js';

const AssessmentParams = z.object({ id: IdParam });
const EntryParams = z.object({ id: IdParam, entryId: IdParam });
const WorkshopParams = z.object({ id: IdParam, workshopId: IdParam });
const WRITE_ERRORS = errorResponses(400, 401, 403, 404, 409, 422);

/**
 * The on-site path of an assessment (docs/assurance.md): registers of contacts, artifacts and
 * interviews ('annotate' to write, 'read' to list), and workshops run by a facilitator who may
 * rate, with votes from every member who may read. Every write appends to the assessment's log.
 */
export const onsiteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.setErrorHandler(assessmentErrorHandler);

  mountRegister(app, 'contacts', ContactBody, ContactSchema);
  mountRegister(app, 'artifacts', ArtifactBody, ArtifactSchema);
  mountRegister(app, 'interviews', InterviewBody, InterviewSchema);

  app.get(
    '/assessments/:id/requirements/:key/onsite',
    {
      schema: {
        tags: ['onsite'],
        summary: 'Every contact, artifact and interview linked to one requirement',
        security: SECURITY,
        params: z.object({ id: IdParam, key: z.string().min(1).max(300) }),
        response: {
          200: z.object({
            contacts: z.array(ContactSchema),
            artifacts: z.array(ArtifactSchema),
            interviews: z.array(InterviewSchema),
          }),
          ...errorResponses(401, 404, 422),
        },
      },
    },
    async (request) =>
      onsiteOfRequirement(app.deps, request.principal, request.params.id, request.params.key),
  );

  const tags = ['workshops'];
  const view = (request: {
    principal: Parameters<typeof readWorkshop>[1];
    params: z.infer<typeof WorkshopParams>;
  }) => readWorkshop(app.deps, request.principal, request.params.id, request.params.workshopId);

  app.post(
    '/assessments/:id/workshops',
    {
      schema: {
        tags,
        summary: 'Open a workshop with yourself as facilitator (needs the right to rate)',
        security: SECURITY,
        params: AssessmentParams,
        body: OpenWorkshopBody,
        response: { 201: z.object({ workshop: WorkshopSummarySchema }), ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const opened = await openWorkshop(app.deps, request.principal, request.params.id, request.body);
      const workshop = await readWorkshop(app.deps, request.principal, request.params.id, opened.id);
      return reply.status(201).send({ workshop: workshop.workshop });
    },
  );

  app.get(
    '/assessments/:id/workshops',
    {
      schema: {
        tags,
        summary: "The assessment's workshops, newest first",
        security: SECURITY,
        params: AssessmentParams,
        response: {
          200: z.object({ workshops: z.array(WorkshopSummarySchema) }),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request) => ({
      workshops: await listWorkshopSummaries(app.deps, request.principal, request.params.id),
    }),
  );

  app.get(
    '/assessments/:id/workshops/:workshopId',
    {
      schema: {
        tags,
        summary: 'The shared screen: the current requirement with guidance and levels, votes and spread',
        description: 'Participants poll this; every requirement discussed so far is listed under items.',
        security: SECURITY,
        params: WorkshopParams,
        response: { 200: WorkshopViewSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => view(request),
  );

  app.put(
    '/assessments/:id/workshops/:workshopId/current',
    {
      schema: {
        tags,
        summary: 'Facilitator: move the workshop to a requirement',
        security: SECURITY,
        params: WorkshopParams,
        body: CurrentBody,
        response: { 200: WorkshopViewSchema, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      await setCurrent(
        app.deps,
        request.principal,
        request.params.id,
        request.params.workshopId,
        request.body.key,
      );
      return view(request);
    },
  );

  app.put(
    '/assessments/:id/workshops/:workshopId/votes',
    {
      schema: {
        tags,
        summary: 'Rate the current requirement: your own vote, or (facilitator) one for a named participant',
        security: SECURITY,
        params: WorkshopParams,
        body: VoteBody,
        response: { 200: WorkshopViewSchema, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      await castVote(app.deps, request.principal, request.params.id, request.params.workshopId, request.body);
      return view(request);
    },
  );

  app.post(
    '/assessments/:id/workshops/:workshopId/agree',
    {
      schema: {
        tags,
        summary: 'Facilitator: record the agreed rating (one revision) and the discussion notes',
        security: SECURITY,
        params: WorkshopParams,
        body: AgreeBody,
        response: { 200: WorkshopViewSchema.extend({ version: z.number().int() }), ...WRITE_ERRORS },
      },
    },
    async (request) => {
      const { version } = await agree(
        app.deps,
        request.principal,
        request.params.id,
        request.params.workshopId,
        request.body,
      );
      return { ...(await view(request)), version };
    },
  );

  app.post(
    '/assessments/:id/workshops/:workshopId/close',
    {
      schema: {
        tags,
        summary: 'Facilitator: close the workshop; its votes and agreements are frozen',
        security: SECURITY,
        params: WorkshopParams,
        response: { 200: WorkshopViewSchema, ...WRITE_ERRORS },
      },
    },
    async (request) => {
      await closeWorkshop(app.deps, request.principal, request.params.id, request.params.workshopId);
      return view(request);
    },
  );

  app.get(
    '/assessments/:id/workshops/:workshopId/minutes',
    {
      schema: {
        tags,
        summary: "The session's minutes as Markdown or HTML (no script, every text escaped)",
        security: SECURITY,
        params: WorkshopParams,
        querystring: MinutesQuery,
        response: { 200: z.string(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const minutes = await workshopMinutes(
        app.deps,
        request.principal,
        request.params.id,
        request.params.workshopId,
        request.query.format,
      );
      return reply.header('content-type', minutes.contentType).send(minutes.text);
    },
  );
};

type App = Parameters<FastifyPluginAsyncZod>[0];

/** The four routes of one register: list, add, replace and remove. */
function mountRegister<K extends RegisterKind>(
  app: App,
  kind: K,
  // The schemas are the kind's own (mountRegister's callers pair them); zod has checked the body
  // against `body` before a handler runs, which is what makes the casts below sound.
  body: z.ZodType,
  entry: z.ZodType,
): void {
  const tags = ['onsite'];
  app.get(
    `/assessments/:id/${kind}`,
    {
      schema: {
        tags,
        summary: `The assessment's ${kind}, oldest first`,
        security: SECURITY,
        params: AssessmentParams,
        response: { 200: z.object({ entries: z.array(entry) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ entries: await listEntries(app.deps, request.principal, request.params.id, kind) }),
  );
  app.post(
    `/assessments/:id/${kind}`,
    {
      schema: {
        tags,
        summary: `Add to the ${kind} register`,
        security: SECURITY,
        params: AssessmentParams,
        body,
        response: { 201: entry, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createEntry(
            app.deps,
            request.principal,
            request.params.id,
            kind,
            request.body as FieldsOf[K],
          ),
        ),
  );
  app.put(
    `/assessments/:id/${kind}/:entryId`,
    {
      schema: {
        tags,
        summary: `Replace an entry of the ${kind} register`,
        security: SECURITY,
        params: EntryParams,
        body,
        response: { 200: entry, ...WRITE_ERRORS },
      },
    },
    async (request) =>
      replaceEntry(
        app.deps,
        request.principal,
        request.params.id,
        kind,
        request.params.entryId,
        request.body as FieldsOf[K],
      ),
  );
  app.delete(
    `/assessments/:id/${kind}/:entryId`,
    {
      schema: {
        tags,
        summary: `Remove an entry of the ${kind} register`,
        security: SECURITY,
        params: EntryParams,
        response: { 204: NoContent, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      await deleteEntry(app.deps, request.principal, request.params.id, kind, request.params.entryId);
      return reply.status(204).send(null);
    },
  );
}
