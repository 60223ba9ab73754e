import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';

const formatOption = () => new Option('--format <format>', 'output format: table or json').default('table');

/** `pkimm roadmap` and `pkimm diff`; the command module loads only when one runs. */
export function registerRoadmapCommands(program: Command, context: CliContext): void {
  program
    .command('roadmap')
    .description('the ranked steps that lift every category to its target level')
    .argument('<file>', 'an assessment file (our format or the official export)')
    .option('--target <level>', 'the overall target level 1 to 5 (overrides the file’s)')
    .addOption(formatOption())
    .action(async (file: string, options: { target?: string; format?: string }) =>
      (await import('./roadmap.js')).roadmapCommand(context, file, options),
    );
  program
    .command('diff')
    .description('what changed between two assessments (also between 1.0.0 and 2.0.0)')
    .argument('<before>')
    .argument('<after>')
    .addOption(formatOption())
    .action(async (a: string, b: string, options: { format?: string }) =>
      (await import('./roadmap.js')).diffCommand(context, a, b, options),
    );
}
