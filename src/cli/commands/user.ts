import { PkimmError } from '../../core/errors.js';
import { migrateToLatest } from '../../persistence/migrate.js';
import { configFromEnv, openCheckedDatabase } from '../../server/main.js';
import { createAccount } from '../../server/routes/accounts/create-account.js';
import type { CliContext } from '../context.js';

type Env = Record<string, string | undefined>;

export interface UserCreateOptions {
  admin?: boolean;
  name?: string;
  passwordStdin?: boolean;
}

/**
 * `pkimm user create EMAIL [--admin] [--name NAME] [--password-stdin]`: creates an account
 * in the database the server uses (DATABASE_URL / PKIMM_HOME), migrating it first so this
 * works on a fresh install before the first `serve`. The password never comes from argv,
 * where other users of the machine could read it: stdin, or PKIMM_PASSWORD.
 */
export async function userCreateCommand(
  context: CliContext,
  email: string,
  options: UserCreateOptions,
  env: Env = context.env,
  readStdin: () => Promise<string> = readProcessStdin,
): Promise<void> {
  const password = options.passwordStdin ? stripNewline(await readStdin()) : env['PKIMM_PASSWORD'];
  if (password === undefined || password === '') {
    throw new PkimmError(
      'USAGE',
      'no password given: pipe it in with --password-stdin, or set PKIMM_PASSWORD (it is never taken from the command line)',
    );
  }
  // Only what locates the database is read, so an unrelated bad variable (PORT) does not block this.
  const config = configFromEnv({ DATABASE_URL: env['DATABASE_URL'], PKIMM_HOME: env['PKIMM_HOME'] });
  const database = await openCheckedDatabase(config);
  try {
    await migrateToLatest(database.db as never, database.dialect);
    const user = await createAccount(
      database.db,
      { email, name: options.name ?? '', password, isAdmin: options.admin === true },
      new Date(),
    );
    context.io.stdout(`${user.id}\n`);
    context.io.stderr(`created ${user.isAdmin ? 'admin ' : ''}account ${user.email}\n`);
  } finally {
    await database.close();
  }
}

/** One trailing line break is the shell's, not the password's (`echo secret | …`). */
function stripNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new PkimmError('USAGE', '--password-stdin reads a piped password; stdin is a terminal');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
