/** `pkimm user create`: the first admin, from the CLI, into the server's database; on both databases. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userCreateCommand } from '../../src/cli/commands/user.js';
import { createContext } from '../../src/cli/context.js';
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src/cli/exit-codes.js';
import { as, buildTestApp, signIn } from '../support/accounts.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { cli, expectNoStack } from '../support/run-cli.js';

const PASSWORD = 'the first admin password';

describe.each(DIALECTS)('pkimm user create on %s', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.drop());
  afterEach(() => void vi.unstubAllEnvs());

  /** runCli with the variables both passed in and set on the process, whichever the command reads. */
  const run = (args: string[], env: Record<string, string>) => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    return cli(['user', 'create', ...args], env);
  };

  it('creates an admin whose password is argon2id-hashed and who can sign in and create accounts', async () => {
    const result = await run(['Admin@Example.TEST', '--admin', '--name', 'First Admin'], {
      DATABASE_URL: database.url,
      PKIMM_PASSWORD: PASSWORD,
    });
    expect(result.stderr).toBe('created admin account admin@example.test\n');
    expect(result.code).toBe(EXIT_OK);
    const id = result.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const row = await database.handle.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: 'admin@example.test', name: 'First Admin', is_admin: 1 });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);

    const app = await buildTestApp(database.handle);
    const cookie = await signIn(app, 'admin@example.test', PASSWORD);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: as(app, { cookie }),
      payload: { email: 'second@example.test', name: 'Second', password: 'another long password' },
    });
    expect(created.statusCode).toBe(201);
    await app.close();
  });

  it('refuses to run without a password, with a weak one, or for a taken email', async () => {
    const env = { DATABASE_URL: database.url };
    const none = await run(['nopass@example.test'], env);
    expect(none.code).toBe(EXIT_BAD_INPUT);
    expect(none.stderr).toMatch(
      /^error: no password given: pipe it in with --password-stdin, or set PKIMM_PASSWORD/,
    );
    const weak = await run(['weak@example.test'], { ...env, PKIMM_PASSWORD: 'short' });
    expect(weak.code).toBe(EXIT_BAD_INPUT);
    expect(weak.stderr).toMatch(/password: the password must be at least 12 characters long/);
    const taken = await run(['admin@example.test'], { ...env, PKIMM_PASSWORD: PASSWORD });
    expect(taken.code).toBe(EXIT_BAD_INPUT);
    expect(taken.stderr).toMatch(/an account with the email admin@example.test already exists/);
    const invalid = await run(['not an email'], { ...env, PKIMM_PASSWORD: PASSWORD });
    expect(invalid.code).toBe(EXIT_BAD_INPUT);
    for (const r of [none, weak, taken, invalid]) expect(expectNoStack(r.stderr)).toBe(true);
  });

  it('reads the password from stdin with --password-stdin, without its trailing newline', async () => {
    let out = '';
    const context = createContext(
      { stdout: (t) => void (out += t), stderr: () => undefined, isTty: false },
      {},
    );
    await userCreateCommand(
      context,
      'piped@example.test',
      { passwordStdin: true },
      { DATABASE_URL: database.url, PKIMM_PASSWORD: 'ignored when piping' },
      () => Promise.resolve(`${PASSWORD}\n`),
    );
    expect(out.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const app = await buildTestApp(database.handle);
    await expect(signIn(app, 'piped@example.test', PASSWORD)).resolves.toMatch(/^pkimm_session=/);
    await app.close();
  });
});
