import type { AnswerChange } from '../api/types.js';

export interface QueuedChange {
  /** The Idempotency-Key: a retry of the same change is applied once. */
  key: string;
  change: AnswerChange;
  /** The field's value before this change, to tell a real conflict from a change elsewhere. */
  before?: unknown;
}

export interface StoredQueue {
  /** The version the first queued change is to be sent against. */
  version: number;
  items: QueuedChange[];
}

const prefix = 'pkimm.autosave.';

export function loadQueue(assessmentId: string): StoredQueue | null {
  try {
    const raw = localStorage.getItem(prefix + assessmentId);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredQueue;
    return Array.isArray(parsed.items) && typeof parsed.version === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

export function saveQueue(assessmentId: string, queue: StoredQueue): void {
  if (queue.items.length === 0) localStorage.removeItem(prefix + assessmentId);
  else localStorage.setItem(prefix + assessmentId, JSON.stringify(queue));
}
