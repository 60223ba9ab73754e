/**
 * What the storage-fault scenarios ask of one signed-in user while the fault lasts: a read,
 * and a write against the version just read (so only the fault can refuse it, not a 409).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/persistence/schema.js';
import { api, rateRequirement, type AssessmentView } from '../../e2e/support/api.js';

export const PROBE_KEY = 'G.strategy-and-vision.sponsor-support';

/**
 * Makes every session's once-a-minute slide due, so the probe's next request tries to write it:
 * the read must still be answered when that write cannot be made.
 */
export async function makeSlidesDue(db: Kysely<Database>): Promise<void> {
  await sql`update sessions set last_seen_at = '2000-01-01T00:00:00.000Z'`.execute(db);
}

export async function readThenWrite(server: { url: string }, assessmentId: string, cookie: string) {
  const read = await api<AssessmentView>(server, 'GET', `/api/v1/assessments/${assessmentId}`, { cookie });
  const write = await rateRequirement(
    server,
    cookie,
    { id: assessmentId, version: read.body.version },
    PROBE_KEY,
    1,
  );
  return { read, write };
}

export type Probe = Awaited<ReturnType<typeof readThenWrite>>;
