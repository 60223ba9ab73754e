import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import type { ScanCommandOptions } from './scan.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `pkimm scan`; the command module loads only when it runs. */
export function registerScanCommands(program: Command, context: CliContext): void {
  program
    .command('scan')
    .description(
      'collect certificates from files, directories, TLS endpoints, CSV inventories, crt.sh JSON and CycloneDX CBOMs, ' +
        'and suggest ratings from what was found',
    )
    .argument('[paths...]', 'files or directories (PEM, DER, PKCS#7, PKCS#12, .csv, .json)')
    .option('--tls <host:port>', 'a TLS endpoint to connect to (repeatable)', collect)
    .option('--tls-file <file>', 'a file with one host:port per line')
    .option('--concurrency <n>', 'TLS connections at a time', '8')
    .option('--timeout <ms>', 'per TLS connection', '5000')
    .option('--csv-preset <preset>', 'column names of CSV inventories: generic or adcs', 'generic')
    .option('--csv-map <map>', 'CSV columns by field, e.g. subject=Subject,notAfter=Expires')
    .option('--csv-issuer <name>', 'the issuing CA of CSV rows that name none (AD CS exports do not)')
    .option('--pkcs12-password <password>', 'a password to try on PKCS#12 files (repeatable)', collect)
    .option('--known-issuer <name>', 'an issuer that belongs to the declared scope (repeatable)', collect)
    .option('--scope <assessment>', "take the known issuers from an assessment file's scope components")
    .option(
      '--automated-issuer <name>',
      'an issuer that issues automatically, besides the known ACME CAs',
      collect,
    )
    .option('--at <instant>', 'measure expiry against this ISO date-time instead of now')
    .addOption(new Option('--format <format>', 'output format: table or json').default('table'))
    .action(async (paths: string[], options: ScanCommandOptions) =>
      (await import('./scan.js')).scanCommand(context, paths, options),
    );
}
