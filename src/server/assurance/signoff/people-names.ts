import type { Kysely } from 'kysely';
import type { Database } from '../../../persistence/schema.js';
import { userNames } from '../../../persistence/repositories/signoff.js';

/**
 * The display name of every account id a reply mentions, so a client can show people without
 * a request per id. An id without an account (none should exist) is named by itself, as the
 * attestation's sign-off claim does.
 */
export async function namesOf(
  db: Kysely<Database>,
  ids: Iterable<string | null>,
): Promise<Record<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => id !== null))];
  const found = await userNames(db, unique);
  // A null-prototype object: a user id such as "__proto__" stays an ordinary key.
  const names = Object.create(null) as Record<string, string>;
  for (const id of unique.sort()) names[id] = found.get(id) ?? id;
  return names;
}
