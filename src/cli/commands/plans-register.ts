import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** `pkimm plans export`; the command module loads only when it runs. */
export function registerPlansCommands(program: Command, context: CliContext): void {
  const plans = program.command('plans').description('action plans of an assessment file');
  plans
    .command('export')
    .description('write the plans as CSV or iCalendar (one all-day event per due date), offline')
    .argument('<file>', 'our format, the official export or an .xlsx workbook')
    .requiredOption('--format <format>', 'csv or ics')
    .option('--out <file>', 'output file, or - for stdout', '-')
    .action(async (file: string, options: { format?: string; out?: string }) =>
      (await import('./plans.js')).plansExportCommand(context, file, options),
    );
}
