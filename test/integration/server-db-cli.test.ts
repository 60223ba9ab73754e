/** `pkimm db migrate|status|down` against both databases, through the command functions. */
import { afterAll, describe, expect, it } from 'vitest';
import { dbDownCommand, dbMigrateCommand, dbStatusCommand } from '../../src/cli/commands/db.js';
import type { CliContext } from '../../src/cli/context.js';
import { PkimmError } from '../../src/core/errors.js';
import { ModelRegistry } from '../../src/model-loader/registry.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';

function context(): { context: CliContext; out: () => string } {
  let out = '';
  const io = { stdout: (text: string) => void (out += text), stderr: () => undefined, isTty: false };
  return { context: { io, env: {}, registry: new ModelRegistry() }, out: () => out };
}

describe.each(DIALECTS)('pkimm db on %s', (dialect) => {
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((d) => d.drop())));

  it('reverts with --yes only, lists pending migrations, and applies them again', async () => {
    const database = await createTestDatabase(dialect);
    databases.push(database);
    const env = { DATABASE_URL: database.url };

    await expect(dbDownCommand(context().context, {}, env)).rejects.toThrow(PkimmError);

    const down = context();
    await dbDownCommand(down.context, { yes: true }, env);
    expect(down.out()).toMatch(new RegExp(`^${dialect} .+: reverted 010-freeze-assurance\\n$`));

    const pending = context();
    await dbStatusCommand(pending.context, { format: 'json' }, env);
    expect(JSON.parse(pending.out())).toMatchObject({
      migrations: [
        { name: '001-init' },
        { name: '002-attestations' },
        { name: '003-cycles' },
        { name: '004-benchmark' },
        { name: '005-scans' },
        { name: '006-assessment-log' },
        { name: '007-assurance' },
        { name: '008-onsite' },
        { name: '009-signoff' },
        { name: '010-freeze-assurance', appliedAt: null },
      ],
    });

    const migrate = context();
    await dbMigrateCommand(migrate.context, env);
    expect(migrate.out()).toMatch(/: applied 010-freeze-assurance\n$/);

    const again = context();
    await dbMigrateCommand(again.context, env);
    expect(again.out()).toMatch(/: up to date, nothing to apply\n$/);

    const status = context();
    await dbStatusCommand(status.context, {}, env);
    expect(status.out()).toMatch(/001-init\s+\d{4}-\d\d-\d\dT/);
    if (dialect === 'postgres') expect(status.out()).not.toMatch(/:[^@/]*@/);
  });
});
