import { startServer } from '../../server/main.js';
import type { CliContext } from '../context.js';

type Env = Record<string, string | undefined>;

/**
 * `pkimm serve`: runs the server until SIGTERM or SIGINT and returns once it has drained, so
 * the CLI exits 0 on a graceful stop. The listening socket keeps the process alive meanwhile.
 */
export async function serveCommand(
  context: CliContext,
  env: Env = context.env,
  options: { benchmarkHub?: boolean } = {},
): Promise<void> {
  const server = await startServer(env, {
    hub: options.benchmarkHub === true,
    // stderr, so stdout carries nothing but JSON log lines for whatever collects them.
    announce: (line) => context.io.stderr(`${line}\n`),
    signals: ['SIGTERM', 'SIGINT'],
  });
  const outcome = await server.stopped;
  if (outcome.forced) {
    // A non-zero code makes main.ts exit at once instead of waiting for whatever still hangs.
    throw new Error(`stopped by a second ${outcome.reason} before in-flight requests finished`);
  }
}
