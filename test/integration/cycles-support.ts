/**
 * Set-up for the cycle and portfolio API tests: the app on a real database with a clock the
 * test moves (evidence ages, reminders), two organisations, and short helpers to finalise.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { parsePkimmAssessment } from '../../src/core/assessment/parse-pkimm-assessment.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';
import type { ScoreReport } from '../../src/core/scoring/score.types.js';
import type { DialectName } from '../../src/persistence/dialect.js';
import type {
  CycleSchema,
  NextCycleResponse,
  PortfolioSchema,
  TrendSchema,
} from '../../src/server/routes/cycles/cycle-schemas.js';
import {
  buildTestApp,
  createOrgWithRoles,
  signIn,
  testClock,
  type OrgWithRoles,
  type SignedUp,
  type TestClock,
} from '../support/accounts.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { assessmentOf, call, createAssessment, ifMatch, level } from './assessments-support.js';

export type CycleBody = z.output<typeof CycleSchema>;
export type NextCycleBody = z.output<typeof NextCycleResponse>;
export type TrendBody = z.output<typeof TrendSchema>;
export type PortfolioBody = z.output<typeof PortfolioSchema>;

export interface CycleWorld {
  database: TestDatabase;
  app: FastifyInstance;
  clock: TestClock;
  a: OrgWithRoles;
  b: OrgWithRoles;
  /** Signs everyone in again: moving the clock by a year outlives any session. */
  refreshSessions(): Promise<void>;
  close(): Promise<void>;
}

export async function createCycleWorld(dialect: DialectName, start: string): Promise<CycleWorld> {
  const database = await createTestDatabase(dialect);
  const clock = testClock(start);
  const app = await buildTestApp(database.handle, clock);
  const a = await createOrgWithRoles(app, 'a');
  const b = await createOrgWithRoles(app, 'b');
  const everyone = (org: OrgWithRoles): SignedUp[] => [org.owner, org.assessor, org.contributor, org.viewer];
  return {
    database,
    app,
    clock,
    a,
    b,
    refreshSessions: async () => {
      for (const who of [...everyone(a), ...everyone(b)]) who.cookie = await signIn(app, who.email);
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** An assessment in a scope with the given requirement levels, optionally made final. */
export async function assessmentIn(
  w: CycleWorld,
  scopeKey: string,
  levels: Record<string, 1 | 2 | 3 | 4 | 5>,
  options: { final?: boolean; title?: string } = {},
): Promise<string> {
  const id = await createAssessment(w.app, w.a.assessor, w.a.orgId, { title: options.title ?? scopeKey });
  const scoped = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${id}/cycle`, {
    payload: { scopeKey },
  });
  if (scoped.statusCode !== 200) throw new Error(`setting the scope failed: ${scoped.body}`);
  let version = 1;
  for (const [key, value] of Object.entries(levels)) {
    const saved = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${id}/answers`, {
      payload: level(key, value),
      headers: ifMatch(version),
    });
    if (saved.statusCode !== 200) throw new Error(`rating failed: ${saved.body}`);
    version += 1;
  }
  if (options.final) await makeFinal(w, id);
  return id;
}

/** In review as the assessor, then final as the owner. */
export async function makeFinal(w: CycleWorld, id: string): Promise<void> {
  const current = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).version;
  const review = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/status`, {
    payload: { status: 'in-review' },
    headers: ifMatch(current),
  });
  if (review.statusCode !== 200) throw new Error(`review failed: ${review.body}`);
  const final = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/status`, {
    payload: { status: 'final' },
    headers: ifMatch(current + 1),
  });
  if (final.statusCode !== 200) throw new Error(`finalising failed: ${final.body}`);
}

/** The scoring engine's own result for a stored assessment. */
export async function engineScore(w: CycleWorld, id: string): Promise<ScoreReport> {
  const body = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`));
  const parsed = parsePkimmAssessment(body.document);
  if (!parsed.assessment) throw new Error('stored document unreadable');
  const model = await w.app.deps.registry.get(body.model.id, body.model.version);
  return scoreAssessment(model, parsed.assessment);
}
