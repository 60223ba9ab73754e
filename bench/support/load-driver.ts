/**
 * The load driver, run as its own process (see drive.ts) so it does not share an event loop
 * with the server it measures. Reads a LoadPlan as JSON on stdin, runs every client as a
 * closed loop (one request at a time on its own kept-alive connection) and prints a LoadResult.
 */
import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { HttpConnection, type Reply } from './http-connection.js';
import type { AutosaveClient, GetClient, LoadPlan, LoadResult } from './load-plan.js';

interface Sample {
  status: number | 'network';
  ms: number;
  started: bigint;
}

/** The version an autosave answer carries: the ETag, else the body's `version`. */
function versionOf(reply: Reply, previous: number): number {
  const etag = /"(\d+)"/.exec(reply.headers.get('etag') ?? '')?.[1];
  if (etag !== undefined) return Number(etag);
  try {
    return (JSON.parse(reply.body) as { version?: number }).version ?? previous;
  } catch {
    return previous;
  }
}

async function runClient(origin: URL, client: GetClient | AutosaveClient, until: bigint, samples: Sample[]) {
  const connection = new HttpConnection(origin.hostname, Number(origin.port));
  let version = client.kind === 'autosave' ? client.version : 0;
  for (let i = 0; process.hrtime.bigint() < until; i += 1) {
    const started = process.hrtime.bigint();
    let status: Sample['status'];
    try {
      if (client.kind === 'get') {
        status = (await connection.request('GET', client.path, client.headers)).status;
      } else {
        const key = client.keys[i % client.keys.length]!;
        const body = JSON.stringify({ target: 'requirement', key, field: 'level', value: 1 + (i % 5) });
        const headers = {
          ...client.headers,
          'content-type': 'application/json',
          'if-match': `"${version}"`,
          'idempotency-key': randomUUID(),
        };
        const reply = await connection.request('PATCH', client.path, headers, body);
        status = reply.status;
        // 200 carries the new version, a 409 the current one, so the client carries on either way.
        version = versionOf(reply, version);
      }
    } catch {
      status = 'network';
    }
    samples.push({ status, started, ms: Number(process.hrtime.bigint() - started) / 1e6 });
  }
  connection.close();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const begin = process.hrtime.bigint();
  const measureFrom = begin + BigInt(plan.warmupMs) * 1_000_000n;
  const until = measureFrom + BigInt(plan.durationMs) * 1_000_000n;
  const samples: Sample[] = [];
  const origin = new URL(plan.origin);
  await Promise.all(plan.clients.map((client) => runClient(origin, client, until, samples)));
  // The window closes when the last counted request returned, a little after `until`.
  const seconds = Number(process.hrtime.bigint() - measureFrom) / 1e9;
  const counted = samples.filter((s) => s.started >= measureFrom);
  const ok = counted
    .filter((s) => s.status === 200)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const failures: Record<string, number> = {};
  for (const s of counted)
    if (s.status !== 200) failures[String(s.status)] = (failures[String(s.status)] ?? 0) + 1;
  return {
    requests: ok.length,
    seconds,
    perSecond: ok.length / seconds,
    p50Ms: percentile(ok, 50),
    p99Ms: percentile(ok, 99),
    failures,
  };
}

const plan = JSON.parse(await text(process.stdin)) as LoadPlan;
process.stdout.write(JSON.stringify(await run(plan)));
