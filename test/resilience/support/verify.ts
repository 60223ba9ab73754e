/**
 * The check after every scenario, read straight from the database (not through the server
 * under test): every acknowledged write is a revision exactly once, the versions have no gaps
 * or duplicates, and the stored document holds the last acknowledged value of every key. The one
 * pending write per user may have committed or not, but never half: if its version exists, its
 * value is in the document.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/persistence/schema.js';
import type { User } from './fleet.js';

interface StoredDocument {
  requirements?: Record<string, { level?: number }>;
}

/** Returns one line per problem found; an empty list means the database matches the clients. */
export async function verifyWrites(db: Kysely<Database>, users: (User & { startVersion: number })[]) {
  const problems: string[] = [];
  const ids = users.map((u) => u.assessmentId);
  const revisions = new Map<string, number[]>(ids.map((id) => [id, []]));
  const stored = new Map<string, { version: number; document: string }>();
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    for (const row of await db
      .selectFrom('revisions')
      .select(['assessment_id', 'version'])
      .where('assessment_id', 'in', chunk)
      .orderBy('version')
      .execute())
      revisions.get(row.assessment_id)!.push(row.version);
    for (const row of await db
      .selectFrom('assessments')
      .select(['id', 'version', 'document'])
      .where('id', 'in', chunk)
      .execute())
      stored.set(row.id, row);
  }
  for (const user of users) {
    const id = user.assessmentId;
    const found = (problem: string) => problems.push(`${id}: ${problem}`);
    const row = stored.get(id);
    if (!row) {
      found('assessment missing');
      continue;
    }
    // The client's own log must be a chain: each ack one version after the one it was based on.
    let previous = user.startVersion;
    for (const write of user.acked) {
      if (write.basedOn !== previous || write.version !== previous + 1)
        found(`ack chain broken at ${write.basedOn}→${write.version} (expected ${previous}→${previous + 1})`);
      previous = write.version ?? previous;
    }
    const versions = revisions.get(id)!;
    if (new Set(versions).size !== versions.length)
      found(`duplicate revision versions ${versions.join(',')}`);
    if (versions.filter((v) => v <= user.startVersion).join(',') !== String(user.startVersion))
      found(`expected one creation revision ${user.startVersion}, found ${versions.join(',')}`);
    const committedPending = user.pending !== undefined && row.version === previous + 1;
    const expected = user.acked.map((w) => w.version!);
    if (committedPending) expected.push(previous + 1);
    const after = versions.filter((v) => v > user.startVersion);
    if (after.join(',') !== expected.join(','))
      found(
        `revisions ${after.length} [${after.slice(-5).join(',')}] but acked ${expected.length} [${expected.slice(-5).join(',')}]`,
      );
    if (row.version !== (committedPending ? previous + 1 : previous))
      found(`stored version ${row.version}, last acked ${previous}, pending ${user.pending ? 'yes' : 'no'}`);
    const levels = (JSON.parse(row.document) as StoredDocument).requirements ?? {};
    const values = new Map(user.values);
    if (committedPending) values.set(user.pending!.key, user.pending!.value);
    for (const [key, value] of values)
      if (levels[key]?.level !== value)
        found(`${key} is ${levels[key]?.level} in the document, acked ${value}`);
  }
  return problems;
}

/** Totals over all users, for the report and for "the load really ran" assertions. */
export function ackedCount(users: User[]): number {
  return users.reduce((sum, u) => sum + u.acked.length, 0);
}
