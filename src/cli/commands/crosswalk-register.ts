import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';

const formatOption = (formats = 'table or json') =>
  new Option('--format <format>', `output format: ${formats}`).default('table');
const dirOption = () =>
  new Option(
    '--crosswalks <dir>',
    'a directory of your own packs, next to the bundled ones (default: $PKIMM_CROSSWALKS_DIR)',
  );

/** `pkimm crosswalk …`; the command module loads only when one runs. */
export function registerCrosswalkCommands(program: Command, context: CliContext): void {
  const crosswalk = program
    .command('crosswalk')
    .description(
      'what PKIMM requirements mean for NIS2, DORA, ETSI, ISO/IEC 27001, NIST CSF and the CA/B BRs',
    );
  crosswalk
    .command('list')
    .description('the crosswalk packs (json: their ids)')
    .addOption(dirOption())
    .addOption(formatOption())
    .action(async (options: { format?: string; crosswalks?: string }) =>
      (await import('./crosswalk.js')).listCommand(context, options),
    );
  crosswalk
    .command('show')
    .description('the mappings of one pack: requirement, control and relationship')
    .argument('<id>', 'a pack id from `pkimm crosswalk list`')
    .addOption(dirOption())
    .addOption(formatOption())
    .action(async (id: string, options: { format?: string; crosswalks?: string }) =>
      (await import('./crosswalk.js')).showCommand(context, id, options),
    );
  crosswalk
    .command('validate')
    .description(
      'check a crosswalk pack file of your own (format, and every requirement id against its model)',
    )
    .argument('<file>')
    .action(async (file: string) => (await import('./crosswalk.js')).validateCommand(context, file));
  crosswalk
    .command('view')
    .description(
      'each control of a framework with the requirements that support it, their levels and a status',
    )
    .argument('<assessment>', 'an assessment file (our format or the official export)')
    .requiredOption('--framework <id>', 'a pack id from `pkimm crosswalk list`')
    .option('--threshold <level>', 'the level a requirement must reach to support its control (1 to 5)', '3')
    .addOption(dirOption())
    .addOption(formatOption('table, json or csv'))
    .action(
      async (
        file: string,
        options: { framework: string; threshold: string; format?: string; crosswalks?: string },
      ) => (await import('./crosswalk.js')).viewCommand(context, file, options),
    );
}
