import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with its own empty PKIMM_HOME unless one is given. */
export async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const home = env['PKIMM_HOME'] ?? mkdtempSync(join(tmpdir(), 'pkimm-cli-'));
  const code = await runCli(
    args,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTty: false },
    { ...env, PKIMM_HOME: home },
  );
  return { code, stdout, stderr };
}

/** A message for the user, never a stack trace. */
export function expectNoStack(text: string): boolean {
  return !/\n\s+at .+:\d+:\d+/.test(text);
}
