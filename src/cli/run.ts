import { CommanderError } from 'commander';
import { formatError, PkimmError } from '../core/errors.js';
import { createContext } from './context.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, exitCodeFor } from './exit-codes.js';
import type { CliIo } from './io.js';
import { buildProgram } from './program.js';

/**
 * Runs the CLI in-process and returns the exit code; never exits. Typed errors become one
 * clear message per problem on stderr; anything else is an internal error, reported without
 * a stack trace unless PKIMM_DEBUG is set.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  env: Record<string, string | undefined> = process.env,
  build: typeof buildProgram = buildProgram,
) {
  try {
    await build(createContext(io, env)).parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage error it already printed.
      return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (error instanceof PkimmError) {
      io.stderr(
        formatError(error)
          .map((line) => `error: ${line}`)
          .join('\n') + '\n',
      );
      return exitCodeFor(error.code);
    }
    io.stderr(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (env['PKIMM_DEBUG'] && error instanceof Error && error.stack) io.stderr(error.stack + '\n');
    return EXIT_INTERNAL;
  }
}
