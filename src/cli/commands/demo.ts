import { join } from 'node:path';
import { packageRoot } from '../../io/package-root.js';
import type { CliContext } from '../context.js';
import { scoreCommand } from './score.js';

/** `pkimm demo`: scores the bundled sample assessment, so a newcomer sees a result at once. */
export async function demoCommand(context: CliContext): Promise<void> {
  const sample = join(packageRoot(), 'examples', 'sample-assessment-2.0.0.yaml');
  context.io.stdout(`Scoring the bundled sample assessment (${sample})\n\n`);
  await scoreCommand(context, sample, { format: 'table', gaps: false });
  context.io.stdout(
    '\nTry: ./bin/pkimm score examples/sample-assessment-2.0.0.yaml --explain, ./bin/pkimm model list, ./bin/pkimm --help\n',
  );
}
