import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';

/** `pkimm benchmark synth|compare` on the server's database; the command module loads only when it runs. */
export function registerBenchmarkCommands(program: Command, context: CliContext): void {
  const benchmark = program
    .command('benchmark')
    .description("the confidential benchmark pool on the server's database");
  benchmark
    .command('synth')
    .description('add generated submissions, flagged synthetic, to the local pool (demos and tests)')
    .requiredOption('--count <n>', 'how many')
    .option('--seed <s>', 'the same seed always generates the same pool', '1')
    .option('--model <version>', 'the model version', '2.0.0')
    .action(async (options: { count: string; seed?: string; model?: string }) =>
      (await import('./benchmark.js')).benchmarkSynthCommand(context, options),
    );
  const compare = benchmark
    .command('compare')
    .description('compare an assessment with a peer group (same JSON as the API)')
    .argument('<id>', 'the assessment')
    .requiredOption('--as <email>');
  for (const field of ['industry', 'size', 'region', 'role', 'cas'])
    compare.option(`--${field} <code>`, `peer group ${field} (a code of /benchmark/profile-options)`);
  compare
    .option('--types <list>', 'assessment types, e.g. formal,third-party')
    .option('--weighting <w>', 'none or trust', 'none')
    .addOption(new Option('--format <format>', 'output format: table or json').default('table'))
    .action(async (id: string, options: Record<string, string> & { as: string }) =>
      (await import('./benchmark.js')).benchmarkCompareCommand(context, id, options),
    );
}
