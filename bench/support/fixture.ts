/**
 * What the autosave figure needs on a running server: an account signed in over HTTP, an
 * organisation, and one assessment per client, so every client's If-Match stays its own.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/persistence/schema.js';
import { createAccount } from '../../src/server/routes/accounts/create-account.js';
import type { AutosaveClient } from './load-plan.js';

const EMAIL = 'bench@example.org';
const PASSWORD = 'bench passphrase, long enough';

async function call(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: unknown,
) {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status >= 300)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

export async function autosaveClients(
  db: Kysely<Database>,
  origin: string,
  count: number,
  keys: string[],
): Promise<AutosaveClient[]> {
  await createAccount(db, { email: EMAIL, name: 'Bench', password: PASSWORD, isAdmin: false }, new Date());
  const signIn = await call(origin, 'POST', '/api/v1/auth/sign-in', {}, { email: EMAIL, password: PASSWORD });
  const cookie = signIn.headers
    .getSetCookie()
    .find((c) => c.startsWith('pkimm_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('sign-in set no session cookie');
  // A browser's autosave: the session cookie plus its own Origin (the CSRF check).
  const headers = { cookie, origin };
  const org = (await (await call(origin, 'POST', '/api/v1/orgs', headers, { name: 'Bench' })).json()) as {
    id: string;
  };
  // Created a few at a time: 200 one after the other would make the setup longer than the figure.
  const create = async (n: number): Promise<AutosaveClient> => {
    const body = { title: `Bench ${n}`, model: { id: 'pkimm', version: '2.0.0' }, mode: 'full' };
    const created = await call(origin, 'POST', `/api/v1/orgs/${org.id}/assessments`, headers, body);
    const assessment = (await created.json()) as { id: string; version: number };
    // Each client starts at its own offset, so the clients do not rate the same keys in lockstep.
    const rotated = [...keys.slice(n % keys.length), ...keys.slice(0, n % keys.length)];
    return {
      kind: 'autosave',
      path: `/api/v1/assessments/${assessment.id}/answers`,
      headers,
      version: assessment.version,
      keys: rotated,
    };
  };
  const clients: AutosaveClient[] = [];
  for (let n = 0; n < count; n += 10) {
    const batch = Array.from({ length: Math.min(10, count - n) }, (_, i) => create(n + i));
    clients.push(...(await Promise.all(batch)));
  }
  return clients;
}
