import { PkimmError } from '../../core/errors.js';
import type { HubClientConfig } from '../hub/hub-config.js';

/** How long the hub may take before the user gets a 503 instead of a hanging request. */
const TIMEOUT_MS = 10_000;

/**
 * One call to the benchmark hub. A hub that does not answer, refuses our token or fails becomes
 * a 503 (DATABASE_UNAVAILABLE: the pool this server relies on is unavailable) with a message
 * saying so; a 404 of the hub stays a 404 for the caller to explain.
 */
export async function hubCall<T>(
  hub: HubClientConfig,
  method: 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  let response: Response;
  try {
    response = await fetch(`${hub.url}/hub/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${hub.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `did not answer within ${TIMEOUT_MS / 1000} s`
        : `could not be reached (${error instanceof Error ? error.message : String(error)})`;
    throw new PkimmError(
      'DATABASE_UNAVAILABLE',
      `the benchmark hub at ${hub.url} ${reason}; try again later`,
      {
        cause: error,
      },
    );
  }
  if (response.status === 404 || response.ok) {
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }
  const why =
    response.status === 401
      ? "refused this server's token (PKIMM_BENCHMARK_HUB_TOKEN)"
      : `answered ${response.status}`;
  throw new PkimmError('DATABASE_UNAVAILABLE', `the benchmark hub at ${hub.url} ${why}; try again later`);
}
