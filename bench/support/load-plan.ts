/** What the load driver is told to do and what it reports back, shared by both sides of the pipe. */

export interface GetClient {
  kind: 'get';
  path: string;
  headers: Record<string, string>;
}

/** A client autosaving one assessment: each request carries the version the previous one returned. */
export interface AutosaveClient {
  kind: 'autosave';
  path: string;
  headers: Record<string, string>;
  version: number;
  /** Requirement keys to rate in turn, so consecutive changes differ. */
  keys: string[];
}

export interface LoadPlan {
  origin: string;
  /** Requests before this are not counted: the JIT, the statement caches and the pools warm up. */
  warmupMs: number;
  durationMs: number;
  clients: (GetClient | AutosaveClient)[];
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses other than 200 by status, and `network` for failed connections. */
  failures: Record<string, number>;
}
