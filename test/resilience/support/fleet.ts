/**
 * The simulated users: each owns one assessment and autosaves on it in a closed loop (one
 * request at a time, If-Match + Idempotency-Key), like the web app does. Every write is
 * recorded with the version the server acknowledged. A write that got no answer, or a 503,
 * stays pending and is retried exactly as it was (same If-Match, same key), which is what makes
 * an unknown outcome safe; a 200 to such a retry is either the replay or the first commit.
 */
import { randomUUID } from 'node:crypto';
import { HttpConnection } from '../../../bench/support/http-connection.js';

export interface Target {
  port: number;
}

export interface Write {
  key: string;
  value: number;
  basedOn: number;
  idempotencyKey: string;
  /** Set when a 200 came back. */
  version?: number;
}

export interface User {
  assessmentId: string;
  cookie: string;
  /** The few requirement keys this user cycles through, so values are overwritten often. */
  keys: string[];
  version: number;
  /** The last acknowledged value per key. */
  values: Map<string, number>;
  acked: Write[];
  /** At most one: sent, but with no 200 yet. */
  pending?: Write | undefined;
}

export interface Outcome {
  status: number | 'network';
  code?: string | undefined;
  message?: string | undefined;
  retryAfter?: string | undefined;
}

export interface RunStats {
  requests: number;
  acked: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Every non-200 answer by status (and code), e.g. {"503 DATABASE_UNAVAILABLE": 12, network: 3}. */
  failures: Record<string, number>;
  /** A few failure bodies to show in an assertion message. */
  samples: Outcome[];
}

export interface RunOptions {
  seconds: number;
  /** Ends the run early (the loops finish their current request first). */
  stop?: Promise<unknown>;
  /** Called after each answer, e.g. to kill a server after N acknowledgements. */
  onReply?: (outcome: Outcome, acked: number) => void;
  /** Pause before retrying after a failure, so a dead server is not hammered. */
  backoffMs?: number;
}

function nextValue(user: User, key: string): number {
  // Always a different level from the stored one, so every write is a real change (a revision).
  return ((user.values.get(key) ?? 0) % 5) + 1;
}

function outcomeOf(status: number, body: string, retryAfter: string | undefined): Outcome {
  try {
    const error = (JSON.parse(body) as { error?: { code?: string; message?: string } }).error;
    return { status, code: error?.code, message: error?.message, retryAfter };
  } catch {
    return { status, message: body.slice(0, 200), retryAfter };
  }
}

/**
 * Runs every user against the targets; with several targets each user alternates between
 * them request by request, so its session and versions must be shared between processes.
 */
export async function runFleet(users: User[], targets: Target[], options: RunOptions): Promise<RunStats> {
  let stopped = false;
  void options.stop?.then(() => (stopped = true));
  const until = Date.now() + options.seconds * 1000;
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const samples: Outcome[] = [];
  let requests = 0;
  let acked = 0;
  const begin = process.hrtime.bigint();

  const loop = async (user: User, index: number) => {
    const connections = targets.map((t) => new HttpConnection('127.0.0.1', t.port));
    for (let i = index; !stopped && Date.now() < until; i += 1) {
      const key = user.keys[i % user.keys.length]!;
      const write = (user.pending ??= {
        key,
        value: nextValue(user, key),
        basedOn: user.version,
        idempotencyKey: randomUUID(),
      });
      const body = JSON.stringify({
        target: 'requirement',
        key: write.key,
        field: 'level',
        value: write.value,
      });
      const started = process.hrtime.bigint();
      let outcome: Outcome;
      try {
        const target = targets[i % targets.length]!;
        const reply = await connections[i % targets.length]!.request(
          'PATCH',
          `/api/v1/assessments/${user.assessmentId}/answers`,
          {
            cookie: user.cookie,
            // Each process accepts cookie-authenticated writes from its own origin, as a browser sends.
            origin: `http://127.0.0.1:${target.port}`,
            'content-type': 'application/json',
            'if-match': `"${write.basedOn}"`,
            'idempotency-key': write.idempotencyKey,
          },
          body,
        );
        outcome = outcomeOf(reply.status, reply.body, reply.headers.get('retry-after'));
        if (reply.status === 200) {
          write.version = (JSON.parse(reply.body) as { version: number }).version;
          user.acked.push(write);
          user.values.set(write.key, write.value);
          user.version = write.version;
          user.pending = undefined;
          acked += 1;
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      } catch {
        outcome = { status: 'network' };
      }
      requests += 1;
      if (outcome.status !== 200) {
        const label =
          outcome.status === 'network' ? 'network' : `${outcome.status} ${outcome.code ?? ''}`.trim();
        failures[label] = (failures[label] ?? 0) + 1;
        if (samples.length < 5) samples.push(outcome);
      }
      options.onReply?.(outcome, acked);
      if (outcome.status !== 200) await new Promise((r) => setTimeout(r, options.backoffMs ?? 100));
    }
    for (const connection of connections) connection.close();
  };
  await Promise.all(users.map((user, index) => loop(user, index)));
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    requests,
    acked,
    seconds,
    perSecond: requests / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    failures,
    samples,
  };
}

/** One line for the report: the figures the issue asks for. */
export function describeRun(label: string, stats: RunStats): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
  return (
    `[resilience] ${label}: ${stats.requests} requests, ${stats.acked} acked, ${f(stats.perSecond)} req/s, ` +
    `p50 ${f(stats.p50Ms)} ms, p99 ${f(stats.p99Ms)} ms, failures ${JSON.stringify(stats.failures)}`
  );
}
