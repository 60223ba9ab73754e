import { api } from '../api/endpoints.js';
import { ApiError, NetworkError } from '../api/errors.js';
import type { AnswerChange, AnswerResult } from '../api/types.js';
import { loadQueue, saveQueue, type QueuedChange } from './storage.js';

export type SaveState = 'saved' | 'saving' | 'offline' | 'error' | 'conflict';

export interface SaveStatus {
  state: SaveState;
  waiting: number;
  message?: string;
}

/** A 409 for a change: what the server holds now. */
export interface Conflict {
  change: AnswerChange;
  before: unknown;
  version: number;
  document: Record<string, unknown>;
}

export type Resolution = 'mine' | 'theirs';

export interface QueueHooks {
  onSaved: (result: AnswerResult) => void;
  onConflict: (conflict: Conflict) => Promise<Resolution>;
  /** The server refused a change for good (400/403/422): the caller reloads the truth. */
  onRejected: (change: AnswerChange, error: ApiError) => void;
  /** After a conflict: the server's document, and the changes still to send on top of it. */
  onRebase: (document: Record<string, unknown>, pending: readonly QueuedChange[]) => void;
}

const MAX_BACKOFF = 30_000;

/**
 * Sends autosave changes one at a time, in order, each with If-Match and an Idempotency-Key.
 * The queue lives in localStorage, so changes made offline survive a reload and are resumed.
 */
export class AutosaveQueue {
  private items: QueuedChange[];
  private version: number;
  private running = false;
  private disposed = false;
  private backoff = 1_000;
  private timer: number | undefined;
  private status: SaveStatus;
  private readonly listeners = new Set<() => void>();
  private readonly online = () => this.retryNow();

  constructor(
    private readonly assessmentId: string,
    serverVersion: number,
    private readonly hooks: QueueHooks,
  ) {
    const stored = loadQueue(assessmentId);
    this.items = stored?.items ?? [];
    this.version = stored && stored.items.length > 0 ? stored.version : serverVersion;
    this.status = { state: this.items.length > 0 ? 'saving' : 'saved', waiting: this.items.length };
    window.addEventListener('online', this.online);
  }

  /** Changes restored from an earlier visit, to re-apply locally on top of the server's document. */
  get pending(): readonly QueuedChange[] {
    return this.items;
  }

  /** The version the next change is sent against. */
  get currentVersion(): number {
    return this.version;
  }

  /** After another write of this client (e.g. a status change), continue from its version. */
  adopt(version: number): void {
    if (this.items.length === 0) this.version = version;
  }

  start(): void {
    void this.run();
  }

  dispose(): void {
    this.disposed = true;
    window.removeEventListener('online', this.online);
    window.clearTimeout(this.timer);
    this.listeners.clear();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = (): SaveStatus => this.status;

  enqueue(change: AnswerChange, before?: unknown): void {
    this.items.push({ key: crypto.randomUUID(), change, before });
    this.persist();
    if (!this.running && this.status.state !== 'offline') void this.run();
    else this.setStatus({ ...this.status, waiting: this.items.length });
  }

  retryNow(): void {
    window.clearTimeout(this.timer);
    this.backoff = 1_000;
    void this.run();
  }

  private persist() {
    saveQueue(this.assessmentId, { version: this.version, items: this.items });
  }

  private setStatus(status: SaveStatus) {
    this.status = status;
    for (const listener of this.listeners) listener();
  }

  private async run(): Promise<void> {
    if (this.running || this.disposed) return;
    this.running = true;
    let rejected: string | undefined;
    try {
      while (this.items.length > 0 && !this.disposed) {
        const item = this.items[0]!;
        this.setStatus({ state: 'saving', waiting: this.items.length });
        try {
          const result = await api.saveAnswer(this.assessmentId, this.version, item.change, item.key);
          this.version = result.version;
          this.items.shift();
          this.persist();
          this.backoff = 1_000;
          this.hooks.onSaved(result);
        } catch (error) {
          // Unreachable, signed out, rate-limited or a server fault: keep the change and retry.
          const transient =
            error instanceof NetworkError ||
            (error instanceof ApiError &&
              (error.status === 401 || error.status === 429 || error.status >= 500));
          if (transient) {
            this.setStatus({ state: 'offline', waiting: this.items.length });
            this.timer = window.setTimeout(() => void this.run(), this.backoff);
            this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF);
            return;
          }
          const conflict =
            error instanceof ApiError && error.status === 409 ? this.conflictOf(error, item) : null;
          if (conflict) {
            this.setStatus({ state: 'conflict', waiting: this.items.length });
            const choice = await this.hooks.onConflict(conflict);
            this.version = conflict.version;
            if (choice === 'theirs') this.items.shift();
            // "Mine": the same change again, against their version, as a new request.
            else this.items[0] = { key: crypto.randomUUID(), change: item.change, before: item.before };
            this.persist();
            this.hooks.onRebase(conflict.document, this.items);
            continue;
          }
          // Refused for good: say so, drop it, and let the page reload what the server holds.
          this.items.shift();
          this.persist();
          const apiError = error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', String(error));
          rejected = apiError.message;
          this.setStatus({ state: 'error', waiting: this.items.length, message: rejected });
          this.hooks.onRejected(item.change, apiError);
        }
      }
      this.setStatus(
        rejected ? { state: 'error', waiting: 0, message: rejected } : { state: 'saved', waiting: 0 },
      );
    } finally {
      this.running = false;
    }
  }

  private conflictOf(error: ApiError, item: QueuedChange): Conflict | null {
    const change = item.change;
    const body = error.body as { current?: { version?: unknown; document?: unknown } } | null;
    const current = body?.current;
    if (
      !current ||
      typeof current.version !== 'number' ||
      typeof current.document !== 'object' ||
      !current.document
    )
      return null;
    return {
      change,
      before: item.before,
      version: current.version,
      document: current.document as Record<string, unknown>,
    };
  }
}
