/**
 * The app in-process on a real database for the API fuzz: an administrator who owns an
 * organisation with two assessments (one the fuzz may change, one scratch for the routes that
 * archive, sign off or delete), and every route of the OpenAPI document with its schemas.
 */
import type { FastifyInstance } from 'fastify';
import { createAssessment, SPONSOR } from '../../integration/assessments-support.js';
import { as, buildTestApp, createOrg, signUp, testClock, type SignedUp } from '../../support/accounts.js';
import { createTestDatabase, type TestDatabase } from '../../support/databases.js';
import type { DialectName } from '../../../src/persistence/dialect.js';
import type { JsonSchema } from './schema-arbitrary.js';

export interface Route {
  method: string;
  /** The OpenAPI path, e.g. `/api/v1/assessments/{id}/answers`. */
  path: string;
  params: string[];
  query: { name: string; schema: JsonSchema | undefined }[];
  /** The JSON body schema, when the route takes JSON. */
  body: JsonSchema | undefined;
  contentTypes: string[];
}

export interface ApiWorld {
  database: TestDatabase;
  app: FastifyInstance;
  admin: SignedUp;
  orgId: string;
  assessmentId: string;
  scratchId: string;
  routes: Route[];
  close(): Promise<void>;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export async function createApiWorld(dialect: DialectName): Promise<ApiWorld> {
  const database = await createTestDatabase(dialect);
  const app = await buildTestApp(database.handle, testClock());
  const admin = await signUp(app, { email: 'admin@fuzz.test', admin: true });
  const orgId = await createOrg(app, admin.cookie, 'Fuzz organisation');
  const assessmentId = await createAssessment(app, admin, orgId);
  const scratchId = await createAssessment(app, admin, orgId, { title: 'Scratch' });
  const document = (await app.inject('/api/docs/json')).json<{
    paths: Record<string, Record<string, OpenApiOperation>>;
  }>();
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const content = operation.requestBody?.content ?? {};
      routes.push({
        method: method.toUpperCase(),
        path,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        query: (operation.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema })),
        body: content['application/json']?.schema,
        contentTypes: Object.keys(content),
      });
    }
  }
  return {
    database,
    app,
    admin,
    orgId,
    assessmentId,
    scratchId,
    routes,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * Routes that end the fuzzer's own session or remove what the other cases need; they are
 * fuzzed against the scratch assessment or with a second session, never the shared one.
 */
export const DESTRUCTIVE = new Set([
  'POST /api/v1/auth/sign-out',
  'POST /api/v1/auth/sessions/end',
  'POST /api/v1/auth/password',
  'DELETE /api/v1/orgs/{orgId}/members/{userId}',
  'PATCH /api/v1/orgs/{orgId}/members/{userId}',
  'DELETE /api/v1/assessments/{id}',
]);

/** A valid value for a path parameter of `route`. */
export function validParam(world: ApiWorld, route: Route, name: string): string {
  const scratch = route.method === 'DELETE' || /\/(status|approvals|corrections|restore)\b/.test(route.path);
  const assessment = scratch ? world.scratchId : world.assessmentId;
  if (route.path.startsWith('/api/v1/models/')) return name === 'id' ? 'pkimm' : '2.0.0';
  switch (name) {
    case 'orgId':
      return world.orgId;
    case 'id':
      return assessment;
    case 'assessmentId':
    case 'a':
      return assessment;
    case 'b':
      return world.scratchId;
    case 'userId':
      return world.admin.userId;
    case 'version':
      return '1';
    case 'key':
      return SPONSOR;
    case 'type':
      return 'self';
    case 'format':
      return route.path.includes('/plans/') ? 'csv' : 'json';
    case 'index':
      return '0';
    case 'role':
      return 'assessor';
    case 'packId':
      return 'iso-27001-2022';
    case 'modelVersion':
      return '2.0.0';
    default:
      return '00000000-0000-4000-8000-000000000000';
  }
}

/** Headers of the fuzzer's session, with the Origin the CSRF check wants. */
export function sessionHeaders(world: ApiWorld): Record<string, string> {
  return as(world.app, world.admin);
}
