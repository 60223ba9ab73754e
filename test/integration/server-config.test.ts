/**
 * Boot-time configuration: every wrong variable is named with what it should be, `pkimm serve`
 * exits 2 with those lines and no stack trace, and the usual start-up failures (port taken,
 * database unreachable) are explained rather than thrown.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PkimmError, formatError } from '../../src/core/errors.js';
import { configFromEnv, describeDatabase, startServer } from '../../src/server/main.js';
import { expectNoStack } from '../support/run-cli.js';
import { exitWithin, killAllServers, spawnCli } from '../e2e/support/server-process.js';

afterAll(killAllServers);

function problems(env: Record<string, string>): string[] {
  try {
    configFromEnv(env);
  } catch (error) {
    if (error instanceof PkimmError) return formatError(error);
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('server configuration', () => {
  it.each([
    ['PORT', 'abc', 'PORT: must be a whole number from 1 to 65535 (got "abc")'],
    ['PORT', '70000', 'PORT: must be a whole number from 1 to 65535 (got "70000")'],
    [
      'DATABASE_URL',
      'mysql://x',
      'DATABASE_URL: must be postgres://… (or postgresql://…), or the path of a SQLite file',
    ],
    [
      'LOG_LEVEL',
      'loud',
      'LOG_LEVEL: Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"',
    ],
    [
      'PKIMM_SESSION_IDLE_MINUTES',
      '2',
      'PKIMM_SESSION_IDLE_MINUTES: must be a whole number of minutes from 5 to 1440 (got "2")',
    ],
    [
      'PKIMM_SESSION_HOURS',
      '0.5',
      'PKIMM_SESSION_HOURS: must be a whole number of hours from 1 to 720 (got "0.5")',
    ],
    ['PKIMM_SESSION_DAYS', '14', 'PKIMM_SESSION_DAYS: is no longer read: set PKIMM_SESSION_HOURS'],
    [
      'PKIMM_HUB_TOKENS',
      'short-token',
      'PKIMM_HUB_TOKENS: 1 of the comma-separated tokens are shorter than 24',
    ],
  ])('names %s=%s and what it should be', (name, value, expected) => {
    const lines = problems({ [name]: value });
    expect(lines[0]).toBe('environment: the server configuration is invalid');
    expect(lines).toContainEqual(expect.stringContaining(`environment ${expected}`));
  });

  it('reports every wrong variable at once', () => {
    const lines = problems({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(lines.slice(1).map((line) => line.split(':')[0])).toEqual([
      'environment PORT',
      'environment DATABASE_URL',
      'environment LOG_LEVEL',
    ]);
  });

  it('pkimm serve exits 2 with one line per problem on stderr and no stack trace', async () => {
    const { child, exited } = spawnCli(['serve'], {
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      PKIMM_HOME: mkdtempSync(join(tmpdir(), 'pkimm-cfg-')),
    });
    let stderr = '';
    let stdout = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exit = await exitWithin({ child, exited }, 20_000);
    expect(exit.code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      'error: environment: the server configuration is invalid',
      'error: environment PORT: must be a whole number from 1 to 65535 (got "abc")',
      'error: environment DATABASE_URL: must be postgres://… (or postgresql://…), or the path of a SQLite file (got "mysql://x")',
      'error: environment LOG_LEVEL: Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent" (got "loud")',
    ]);
    expect(expectNoStack(stderr)).toBe(true);
  });
});

describe('start-up failures', () => {
  const home = () => mkdtempSync(join(tmpdir(), 'pkimm-cfg-'));
  let blocker: Server | undefined;
  afterAll(() => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve())));

  it('a port in use is a configuration problem naming PORT', async () => {
    blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker!.listen(0, '127.0.0.1', () => resolve((blocker!.address() as { port: number }).port)),
    );
    const error = await startServer({ PORT: String(port), PKIMM_HOME: home(), LOG_LEVEL: 'silent' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PkimmError);
    expect(formatError(error as PkimmError)).toContain(
      `environment PORT: port ${port} is already in use on 127.0.0.1; choose another`,
    );
  });

  it('an unreachable PostgreSQL is named without its password', async () => {
    const url = 'postgres://pkimm:s3cret@127.0.0.1:1/pkimm';
    const error = await startServer({ DATABASE_URL: url, PKIMM_HOME: home(), LOG_LEVEL: 'silent' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PkimmError);
    expect((error as PkimmError).code).toBe('DATABASE_UNAVAILABLE');
    expect((error as PkimmError).message).toMatch(
      /^cannot open postgres postgres:\/\/pkimm@127\.0\.0\.1:1\/pkimm: /,
    );
    expect((error as PkimmError).message).not.toContain('s3cret');
  });

  it('describes databases for the listening line', () => {
    expect(describeDatabase('postgresql://u:p@db.example:5432/pkimm')).toBe(
      'postgres postgresql://u@db.example:5432/pkimm',
    );
    expect(describeDatabase('data/pkimm.sqlite')).toBe('sqlite ./data/pkimm.sqlite');
    expect(describeDatabase('/var/lib/pkimm/pkimm.sqlite')).toBe('sqlite /var/lib/pkimm/pkimm.sqlite');
  });
});
