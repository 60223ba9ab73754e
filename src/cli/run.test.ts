import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { PkimmError } from '../core/errors.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL } from './exit-codes.js';
import { runCli } from './run.js';

function collect() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (t: string) => void (out.stdout += t),
      stderr: (t: string) => void (out.stderr += t),
      isTty: false,
    },
  };
}

const failing = (error: unknown) => () =>
  new Command('pkimm').exitOverride().action(() => {
    throw error;
  });

describe('runCli', () => {
  it('reports an unexpected error as internal (exit 1) without a stack trace', async () => {
    const { out, io } = collect();
    const code = await runCli([], io, {}, failing(new TypeError('boom')));
    expect(code).toBe(EXIT_INTERNAL);
    expect(out.stderr).toBe('internal error: boom\n');
  });

  it('adds the stack trace only when PKIMM_DEBUG is set', async () => {
    const { out, io } = collect();
    await runCli([], io, { PKIMM_DEBUG: '1' }, failing(new TypeError('boom')));
    expect(out.stderr).toMatch(/internal error: boom\nTypeError: boom\n\s+at /);
  });

  it('prints each issue of a typed error on its own line and exits 2', async () => {
    const { out, io } = collect();
    const error = new PkimmError('ASSESSMENT_INVALID', 'assessment has 2 problems', {
      source: 'a.yaml',
      issues: [
        { path: 'requirements.G.x', message: 'no such requirement', line: 4 },
        { path: 'title', message: 'title is missing' },
      ],
    });
    expect(await runCli([], io, {}, failing(error))).toBe(EXIT_BAD_INPUT);
    expect(out.stderr).toBe(
      'error: a.yaml: assessment has 2 problems\nerror: a.yaml:4 requirements.G.x: no such requirement\nerror: a.yaml title: title is missing\n',
    );
  });
});
