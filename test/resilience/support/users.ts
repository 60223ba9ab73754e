/**
 * Creates the simulated users on a running server: a few accounts (sign-in is rate limited to
 * 10 a minute per address and process, and hashing a password is deliberately slow), each
 * signed in over HTTP with its own session and its own organisation, and one assessment per
 * user created through the API, so no two users ever write the same assessment.
 */
import type { Kysely } from 'kysely';
import { indexModel } from '../../../src/core/model/model-index.js';
import { ModelRegistry } from '../../../src/model-loader/registry.js';
import type { Database } from '../../../src/persistence/schema.js';
import { createAssessment, createOrg, createUser, signIn } from '../../e2e/support/api.js';
import type { User } from './fleet.js';

/** A user with what the checks need: where its versions started and which account it signs in as. */
export type TrackedUser = User & { startVersion: number; email: string };

const KEYS_PER_USER = 7;
const model = await new ModelRegistry().get('pkimm', '2.0.0');
const ALL_KEYS = indexModel(model).requirements.map((r) => r.key);

export async function prepareUsers(
  server: { url: string },
  db: Kysely<Database>,
  count: number,
  accounts = Math.min(8, count),
): Promise<TrackedUser[]> {
  const sessions: { cookie: string; orgId: string; email: string }[] = [];
  for (let a = 0; a < accounts; a += 1) {
    const email = `load-${a}-${Date.now()}@example.org`;
    await createUser(db, email);
    const cookie = await signIn(server, email);
    sessions.push({ cookie, email, orgId: await createOrg(server, cookie, `Load organisation ${a}`) });
  }
  const users: TrackedUser[] = new Array<TrackedUser>(count);
  // A few creations at a time: quick, without being a load test of its own.
  const next = { n: 0 };
  const worker = async () => {
    for (let n = next.n++; n < count; n = next.n++) {
      const { cookie, orgId, email } = sessions[n % accounts]!;
      const created = await createAssessment(server, cookie, orgId, `Load ${n}`);
      const offset = (n * KEYS_PER_USER) % ALL_KEYS.length;
      users[n] = {
        assessmentId: created.id,
        cookie,
        email,
        keys: [...ALL_KEYS, ...ALL_KEYS].slice(offset, offset + KEYS_PER_USER),
        version: created.version,
        startVersion: created.version,
        values: new Map(),
        acked: [],
      };
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return users;
}
