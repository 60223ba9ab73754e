import { spawn } from 'node:child_process';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import type { LoadPlan, LoadResult } from './load-plan.js';

/**
 * Runs a plan in a separate driver process, so the server under test keeps its event loop
 * (and, on a small machine, its CPU) to itself, the same way for every figure.
 */
export async function drive(plan: LoadPlan): Promise<LoadResult> {
  const driver = fileURLToPath(new URL('./load-driver.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', driver], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.stdin.end(JSON.stringify(plan));
  const output = await text(child.stdout);
  const code = await exited;
  if (code !== 0) throw new Error(`the load driver exited with ${code}`);
  return JSON.parse(output) as LoadResult;
}
