import { createHmac, randomBytes } from 'node:crypto';
import { benchmarkSecretOnce } from '../../persistence/repositories/benchmark.js';
import type { DatabaseHandle } from '../../persistence/database.js';
import type { ServiceDeps } from '../assessments/deps.js';

// One secret per open database; concurrent first calls share the promise, concurrent processes
// agree through the insert-if-absent in the repository.
const cache = new WeakMap<DatabaseHandle, Promise<string>>();

function secretOf(deps: ServiceDeps): Promise<string> {
  if (deps.config.benchmark.secret !== null) return Promise.resolve(deps.config.benchmark.secret);
  let pending = cache.get(deps.database);
  if (!pending) {
    pending = benchmarkSecretOnce(
      deps.database.db,
      randomBytes(32).toString('base64url'),
      deps.now().toISOString(),
    );
    pending.catch(() => cache.delete(deps.database));
    cache.set(deps.database, pending);
  }
  return pending;
}

/** How the pool knows an organisation: an HMAC of its id, never the id itself. */
export async function orgHash(deps: ServiceDeps, orgId: string): Promise<string> {
  return createHmac('sha256', await secretOf(deps))
    .update(`org:${orgId}`)
    .digest('base64url');
}
