/**
 * Shared set-up for the assessment API tests: a real database of each dialect, the app on it,
 * signed-in members of two organisations, and short calls for the routes under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { PkimmAssessmentDocument } from '../../src/core/assessment/assessment.schema.js';
import type { DialectName } from '../../src/persistence/dialect.js';
import type {
  AnswerResultSchema,
  AssessmentSchema,
  RevisionSchema,
  SummarySchema,
} from '../../src/server/routes/assessments/assessment-schemas.js';
import type { ErrorSchema } from '../../src/server/routes/assessments/common-schemas.js';
import type { EvidenceSchema } from '../../src/server/routes/assessments/evidence-schemas.js';
import type { ScoreSchema } from '../../src/server/routes/assessments/score-schema.js';
import {
  as,
  buildTestApp,
  createOrgWithRoles,
  testClock,
  type OrgWithRoles,
  type SignedUp,
} from '../support/accounts.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const example = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');
export const SPONSOR = 'G.strategy-and-vision.sponsor-support';

/** Asymmetric matchers, typed as what they stand for (vitest types them as any). */
export const anyString = expect.any(String) as string;
export const anyNumber = expect.any(Number) as number;
export const containing = (text: string) => expect.stringContaining(text) as string;

/** Response bodies, typed from the routes' own schemas; documents as our format's type. */
export type Doc = PkimmAssessmentDocument;
export type AssessmentBody = Omit<z.output<typeof AssessmentSchema>, 'document'> & { document: Doc };
export type SummaryBody = z.output<typeof SummarySchema>;
export type AnswerBody = Omit<z.output<typeof AnswerResultSchema>, 'change'> & {
  change: { key: string; value: unknown };
};
export type RevisionBody = z.output<typeof RevisionSchema>;
export type EvidenceBody = z.output<typeof EvidenceSchema>;
export type ScoreBody = z.output<typeof ScoreSchema>;
export type ErrorBody = z.output<typeof ErrorSchema> & {
  current?: { version: number; status: string; document: Doc };
};

export interface World {
  database: TestDatabase;
  app: FastifyInstance;
  a: OrgWithRoles;
  b: OrgWithRoles;
  close(): Promise<void>;
}

/** A database, the app on it, and two organisations with one member of each role. */
export async function createWorld(dialect: DialectName, env: Record<string, string> = {}): Promise<World> {
  const database = await createTestDatabase(dialect);
  const app = await buildTestApp(database.handle, testClock(), env);
  const a = await createOrgWithRoles(app, 'a');
  const b = await createOrgWithRoles(app, 'b');
  return {
    database,
    app,
    a,
    b,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface CallOptions {
  payload?: InjectOptions['payload'];
  headers?: Record<string, string>;
}

/** A request as `who` under /api/v1, with the session cookie and the Origin the CSRF check wants. */
export function call(
  app: FastifyInstance,
  who: SignedUp,
  method: Method,
  url: string,
  options: CallOptions = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...as(app, who), ...options.headers },
    ...(options.payload === undefined ? {} : { payload: options.payload }),
  });
}

export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** Creates an assessment of PKIMM 2.0.0 as `who` and returns its id. */
export async function createAssessment(
  app: FastifyInstance,
  who: SignedUp,
  orgId: string,
  body: Record<string, unknown> = {},
): Promise<string> {
  const response = await call(app, who, 'POST', `/orgs/${orgId}/assessments`, {
    payload: { title: 'Test assessment', model: { version: '2.0.0' }, mode: 'full', ...body },
  });
  if (response.statusCode !== 201) throw new Error(`creating an assessment failed: ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** One autosave at `version`. */
export function autosave(
  app: FastifyInstance,
  who: SignedUp,
  id: string,
  version: number,
  change: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return call(app, who, 'PATCH', `/assessments/${id}/answers`, {
    payload: change,
    headers: { ...ifMatch(version), ...headers },
  });
}

/** The current version of an assessment, read as `who`. */
export async function versionOf(app: FastifyInstance, who: SignedUp, id: string): Promise<number> {
  return (await call(app, who, 'GET', `/assessments/${id}`)).json<AssessmentBody>().version;
}

export const errorOf = (response: LightMyRequestResponse) => response.json<ErrorBody>().error;
export const assessmentOf = (response: LightMyRequestResponse) => response.json<AssessmentBody>();

/** The revisions of an assessment, read as `who`. */
export async function revisionsOf(app: FastifyInstance, who: SignedUp, id: string): Promise<RevisionBody[]> {
  return (await call(app, who, 'GET', `/assessments/${id}/revisions`)).json<{ revisions: RevisionBody[] }>()
    .revisions;
}

export const level = (key: string, value: number) => ({ target: 'requirement', key, field: 'level', value });

/** A multipart body as a browser would send it, through the platform's own FormData encoder. */
export async function multipart(
  parts: { name: string; value: string | { bytes: Buffer; fileName: string; type: string } }[],
) {
  const form = new FormData();
  for (const part of parts) {
    if (typeof part.value === 'string') form.append(part.name, part.value);
    else
      form.append(
        part.name,
        new Blob([new Uint8Array(part.value.bytes)], { type: part.value.type }),
        part.value.fileName,
      );
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}
