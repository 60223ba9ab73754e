import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { packageRoot } from '../io/package-root.js';
import type { AttestSignOptions, AttestVerifyOptions } from './commands/attest.js';
import type { CliContext } from './context.js';
import { registerReportCommand } from './commands/report.js';
import { registerRoadmapCommands } from './commands/roadmap-register.js';
import { registerPlansCommands } from './commands/plans-register.js';
import { registerCycleCommands } from './commands/cycles-register.js';
import { registerBenchmarkCommands } from './commands/benchmark-register.js';
import { registerScanCommands } from './commands/scan-register.js';
import { registerCrosswalkCommands } from './commands/crosswalk-register.js';

const formatOption = () => new Option('--format <format>', 'output format: table or json').default('table');

/**
 * The command tree. Each action loads its command module lazily so `pkimm --help` stays fast,
 * and returns or throws; main.ts turns the outcome into an exit code.
 */
export function buildProgram(context: CliContext): Command {
  const program = new Command('pkimm')
    .description('PKI Maturity Model: model data, exact scoring and assessment files')
    .version(packageVersion())
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: context.io.stdout, writeErr: context.io.stderr });

  program
    .command('score')
    .description('score an assessment file (our format or the official self-assessment export)')
    .argument('<file>')
    .addOption(formatOption())
    .option('--explain', 'show the calculation with the actual numbers')
    .option('--gaps', 'show the gap to the next level for each category')
    .action(async (file: string, options: { format?: string; explain?: boolean; gaps?: boolean }) => {
      const { scoreCommand } = await import('./commands/score.js');
      await scoreCommand(context, file, options);
    });

  const model = program.command('model').description('list, show, validate and import models and extensions');
  model
    .command('list')
    .addOption(formatOption())
    .action(async (options: { format?: string }) =>
      (await import('./commands/model.js')).modelListCommand(context, options),
    );
  model
    .command('show')
    .argument('<ref>', 'ID@VERSION, e.g. pkimm@2.0.0')
    .addOption(formatOption())
    .action(async (ref: string, options: { format?: string }) =>
      (await import('./commands/model.js')).modelShowCommand(context, ref, options),
    );
  model
    .command('validate')
    .argument('<file>', 'a model file (schema 1.0.0 or 2.0.0) or an extension file')
    .action(async (file: string) =>
      (await import('./commands/model.js')).modelValidateCommand(context, file),
    );
  model
    .command('import')
    .argument('<file>', 'an official pkimm-model-*.yaml or extension file')
    .action(async (file: string) => (await import('./commands/model.js')).modelImportCommand(context, file));
  model
    .command('eramba')
    .description('write a model version as the 7-column Eramba GRC CSV')
    .argument('<ref>', 'VERSION or ID@VERSION, e.g. 2.0.0')
    .option('--out <file>', 'output file, or - for stdout', '-')
    .action(async (ref: string, options: { out?: string }) =>
      (await import('./commands/export.js')).modelErambaCommand(context, ref, options),
    );

  program
    .command('export')
    .description('write an assessment file as xlsx, csv, oscal, json, yaml or official, offline')
    .argument('<file>', 'our format, the official export or an .xlsx workbook')
    .requiredOption('--format <format>', 'xlsx, csv, oscal, json, yaml or official')
    .option('--out <file>', 'output file, or - for stdout (not for xlsx)', '-')
    .option('--satisfied-from <level>', 'oscal: the level from which a finding is satisfied', '3')
    .action(async (file: string, options: { format?: string; out?: string; satisfiedFrom?: string }) =>
      (await import('./commands/export.js')).exportCommand(context, file, options),
    );

  program
    .command('convert')
    .description('convert between our assessment format and the official export, both ways')
    .argument('<in>')
    .argument('<out>', 'output file, or - for stdout')
    .option('--to <format>', 'pkimm or official (default: the other one)')
    .action(async (input: string, output: string, options: { to?: string }) =>
      (await import('./commands/convert.js')).convertCommand(context, input, output, options),
    );

  program
    .command('migrate')
    .description('migrate an assessment to a newer model version (1.0.0 → 2.0.0)')
    .argument('<in>')
    .argument('<out>', 'output file, or - for stdout')
    .option('--to <version>', 'target model version', '2.0.0')
    .addOption(formatOption())
    .action(async (input: string, output: string, options: { to?: string; format?: string }) =>
      (await import('./commands/migrate.js')).migrateCommand(context, input, output, options),
    );

  program
    .command('serve')
    .description(
      'run the server until SIGTERM/SIGINT (PORT, HOST, DATABASE_URL, PKIMM_HOME, LOG_LEVEL; see README)',
    )
    .option('--benchmark-hub', 'serve only the benchmark hub (PKIMM_HUB_TOKENS; docs/benchmark.md)')
    .action(async (options: { benchmarkHub?: boolean }) =>
      (await import('./commands/serve.js')).serveCommand(context, context.env, options),
    );

  program
    .command('audit')
    .description("the tamper-evident log of the server's assessments")
    .command('verify')
    .description(
      'check the hash chain of one assessment (--assessment ID) or of all; exit 1 if one is broken',
    )
    .option('--assessment <id>', 'only this assessment')
    .addOption(formatOption())
    .action(async (options: { assessment?: string; format?: string }) =>
      (await import('./commands/audit.js')).auditVerifyCommand(context, options),
    );
  const db = program.command('db').description('the database schema: migrate, status, down');
  db.command('migrate')
    .description('apply pending migrations (serve also does this at start)')
    .action(async () => (await import('./commands/db.js')).dbMigrateCommand(context));
  db.command('status')
    .description('list migrations and when they were applied')
    .addOption(formatOption())
    .action(async (options: { format?: string }) =>
      (await import('./commands/db.js')).dbStatusCommand(context, options),
    );
  db.command('down')
    .description('revert the newest migration (can delete data)')
    .option('--yes', 'confirm')
    .action(async (options: { yes?: boolean }) =>
      (await import('./commands/db.js')).dbDownCommand(context, options),
    );

  const assessment = program
    .command('assessment')
    .description("whole assessments in and out of the server's database");
  assessment
    .command('import')
    .description(
      'import an assessment file (our format or the official export) into an organisation; prints its id',
    )
    .argument('<file>')
    .requiredOption('--org <orgId>', 'the organisation to import into')
    .requiredOption('--as <email>', 'the account to act as (its role decides what is allowed)')
    .option('--mode <mode>', 'keep (a new assessment), replace or merge (into --into)', 'keep')
    .option('--into <assessmentId>', 'the existing assessment for --mode replace or merge')
    .action(async (file: string, options: { org: string; as: string; mode?: string; into?: string }) =>
      (await import('./commands/assessment.js')).assessmentImportCommand(context, file, options),
    );
  assessment
    .command('export')
    .description('export an assessment from the server')
    .argument('<id>')
    .requiredOption('--as <email>', 'the account to act as')
    .option('--format <format>', 'pkimm-yaml, pkimm-json or official', 'pkimm-yaml')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (id: string, options: { as: string; format?: string; out?: string }) =>
      (await import('./commands/assessment.js')).assessmentExportCommand(context, id, options),
    );
  assessment
    .command('list')
    .description("list an organisation's assessments with their levels")
    .requiredOption('--org <orgId>')
    .requiredOption('--as <email>')
    .addOption(formatOption())
    .action(async (options: { org: string; as: string; format?: string }) =>
      (await import('./commands/assessment.js')).assessmentListCommand(context, options),
    );

  const user = program.command('user').description('accounts of the server');
  user
    .command('create')
    .description('create an account (the first admin, for instance); prints its id')
    .argument('<email>')
    .option('--admin', 'may create other accounts')
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option('--password-stdin', 'read the password from stdin (otherwise from PKIMM_PASSWORD)')
    .action(async (email: string, options: { admin?: boolean; name?: string; passwordStdin?: boolean }) =>
      (await import('./commands/user.js')).userCreateCommand(context, email, options),
    );

  const attest = program
    .command('attest')
    .description('sign and verify attestations (JWS) of assessment levels');
  attest
    .command('sign')
    .description('sign an assessment file (our format or the official export) as an attestation')
    .argument('<file>')
    .option('--key <pem>', 'private key (PKCS#8, SEC1 or PKCS#1 PEM)')
    .option('--cert <pem>', 'signing certificate (PEM)')
    .option('--chain <pem>', 'the certificates above it (PEM)')
    .option('--p12 <file>', 'PKCS#12 file instead of --key/--cert (AES-encrypted)')
    .option('--password-stdin', 'read the PKCS#12 password from stdin')
    .requiredOption('--out <file>', 'where to write the JWS, or - for stdout')
    .action(async (file: string, options: AttestSignOptions) =>
      (await import('./commands/attest.js')).attestSignCommand(context, file, options),
    );
  attest
    .command('verify')
    .description('verify an attestation: exit 0 valid, 1 invalid, 2 unusable input')
    .argument('<file>')
    .option('--trust <pem>', 'trust anchor certificate(s) (PEM)')
    .option('--at <iso>', 'judge certificate validity at this time instead of now')
    .addOption(formatOption())
    .action(async (file: string, options: AttestVerifyOptions) =>
      (await import('./commands/attest.js')).attestVerifyCommand(context, file, options),
    );

  registerReportCommand(program, context);
  registerRoadmapCommands(program, context);
  registerPlansCommands(program, context);
  registerCycleCommands(program, context);
  registerBenchmarkCommands(program, context);
  registerScanCommands(program, context);
  registerCrosswalkCommands(program, context);

  program
    .command('demo')
    .description('score the bundled sample assessment')
    .action(async () => (await import('./commands/demo.js')).demoCommand(context));

  return program;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
}
