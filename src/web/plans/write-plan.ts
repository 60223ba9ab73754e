import { ApiError } from '../api/errors.js';
import type { PlanView } from './plans-api.js';

/**
 * Runs a plan write against `version`. Answers saved meanwhile on the same page move the
 * version on without touching this plan, so on a 409 whose current document still holds the
 * plan as it was when the user started, the write is sent once more against the new version;
 * otherwise the conflict is passed on (the caller reloads and says so).
 */
export async function writePlan<T>(
  version: number,
  planId: string | undefined,
  base: PlanView | undefined,
  send: (version: number) => Promise<T>,
): Promise<T> {
  try {
    return await send(version);
  } catch (error) {
    const current = conflictState(error);
    if (!current) throw error;
    const plans = (current.document['plans'] ?? {}) as Record<string, unknown>;
    const theirs = planId === undefined ? undefined : plans[planId];
    if (JSON.stringify(theirs ?? null) !== JSON.stringify(base ?? null)) throw new PlanChangedError();
    return send(current.version);
  }
}

export class PlanChangedError extends Error {
  override readonly name = 'PlanChangedError';
}

function conflictState(error: unknown): { version: number; document: Record<string, unknown> } | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const body = error.body as { current?: { version?: unknown; document?: unknown } } | null;
  const current = body?.current;
  if (
    !current ||
    typeof current.version !== 'number' ||
    typeof current.document !== 'object' ||
    !current.document
  )
    return undefined;
  return { version: current.version, document: current.document as Record<string, unknown> };
}
