/**
 * The real executable, as scripts run it: `./bin/pkimm` from the repository root, built by
 * `npm install` (prepare). Checks the exit codes and streams the CLI contract promises.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/io/package-root.js';

const run = promisify(execFile);
const root = packageRoot();
const home = mkdtempSync(join(tmpdir(), 'pkimm-bin-'));

async function pkimm(...args: string[]) {
  try {
    const { stdout, stderr } = await run(join(root, 'bin', 'pkimm'), args, {
      cwd: root,
      env: { ...process.env, PKIMM_HOME: home },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('./bin/pkimm', () => {
  it('scores the sample as JSON on stdout with exit code 0', async () => {
    const result = await pkimm('score', 'examples/sample-assessment-2.0.0.yaml', '--format', 'json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { model: unknown; overall: { level: number } };
    expect(json.model).toEqual({ id: 'pkimm', version: '2.0.0' });
    expect(json.overall.level).toBeGreaterThanOrEqual(1);
  });

  it('exits 2 with one clear line and no stack trace on bad input', async () => {
    const file = join(home, 'bad.yaml');
    writeFileSync(file, 'format: pkimm-assessment\nformatVersion: 1\n  broken: [\n');
    const result = await pkimm('score', file);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file}:`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a usage error and 0 on --version', async () => {
    expect((await pkimm('score')).code).toBe(2);
    const version = await pkimm('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
