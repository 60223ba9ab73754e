import { PkimmError } from '../../core/errors.js';
import { readAssessmentFile } from '../../assessment-io/read-assessment.js';
import { serializeAssessment, type SerializeFormat } from '../../assessment-io/serialize.js';
import type { CliContext } from '../context.js';
import { writeOutput } from '../write-output.js';

/**
 * `pkimm convert IN OUT`: between our format and the official self-assessment export. By
 * default the output is the other format; `--to` chooses. Our format is JSON when OUT ends in .json.
 */
export async function convertCommand(
  context: CliContext,
  input: string,
  output: string,
  options: { to?: string },
) {
  const { assessment, model, format } = await readAssessmentFile(input, context.registry);
  const target = options.to ?? (format === 'official' ? 'pkimm' : 'official');
  if (target !== 'pkimm' && target !== 'official') {
    throw new PkimmError('USAGE', `--to must be pkimm or official (got "${target}")`);
  }
  const serializeFormat: SerializeFormat =
    target === 'official' ? 'official' : output.toLowerCase().endsWith('.json') ? 'pkimm-json' : 'pkimm-yaml';
  await writeOutput(context.io, output, serializeAssessment(assessment, model, serializeFormat));
  if (output !== '-') context.io.stderr(`wrote ${output} (${serializeFormat}) from ${input} (${format})\n`);
}
