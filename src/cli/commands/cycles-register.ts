import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';

const formatOption = () => new Option('--format <format>', 'output format: table or json').default('table');

/** `pkimm cycle next|trend|portfolio` on the server's database; the command module loads only when it runs. */
export function registerCycleCommands(program: Command, context: CliContext): void {
  const cycle = program
    .command('cycle')
    .description("cycles, trends and the portfolio on the server's database");
  cycle
    .command('next')
    .description('start the next cycle of a final assessment; prints the new id')
    .argument('<id>', 'the final assessment')
    .requiredOption('--as <email>')
    .option('--title <title>', "defaults to the previous assessment's title")
    .action(async (id: string, options: { as: string; title?: string }) =>
      (await import('./cycles.js')).cycleNextCommand(context, id, options),
    );
  cycle
    .command('trend')
    .description("every category's and the overall raw level over the final assessments of a scope")
    .requiredOption('--org <orgId>')
    .requiredOption('--as <email>')
    .option('--scope <name>', 'the scope', 'default')
    .addOption(formatOption())
    .action(async (options: { org: string; as: string; scope: string; format?: string }) =>
      (await import('./cycles.js')).cycleTrendCommand(context, options),
    );
  cycle
    .command('portfolio')
    .description(
      "the organisation's scopes rolled up by weight, with the scope that holds each category back",
    )
    .requiredOption('--org <orgId>')
    .requiredOption('--as <email>')
    .addOption(formatOption())
    .action(async (options: { org: string; as: string; format?: string }) =>
      (await import('./cycles.js')).cyclePortfolioCommand(context, options),
    );
}
