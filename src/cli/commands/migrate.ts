import { PkimmError } from '../../core/errors.js';
import { migrateAssessment } from '../../core/migration/migrate-assessment.js';
import { loadIdMapping } from '../../assessment-io/mapping.js';
import { readAssessmentFile } from '../../assessment-io/read-assessment.js';
import { serializeAssessment } from '../../assessment-io/serialize.js';
import type { CliContext } from '../context.js';
import { parseFormat, printJson } from '../options.js';
import { writeOutput } from '../write-output.js';

/** `pkimm migrate IN OUT --to 2.0.0`: moves a 1.0.0 assessment onto 2.0.0 and says what could not come along. */
export async function migrateCommand(
  context: CliContext,
  input: string,
  output: string,
  options: { to?: string; format?: string },
) {
  const format = parseFormat(options.format);
  const target = options.to ?? '2.0.0';
  const { assessment, model: from, format: inputFormat } = await readAssessmentFile(input, context.registry);
  if (from.version === target) throw new PkimmError('USAGE', `${input} is already on model ${target}`);
  if (from.version !== '1.0.0' || target !== '2.0.0') {
    throw new PkimmError(
      'MIGRATION_UNSUPPORTED',
      `no migration from ${from.version} to ${target}; supported: 1.0.0 → 2.0.0`,
      { source: input },
    );
  }
  const to = await context.registry.get('pkimm', target);
  const mapping = await loadIdMapping();
  const { assessment: migrated, report } = migrateAssessment(assessment, from, to, mapping);
  const outFormat =
    inputFormat === 'official' ? 'official' : output.endsWith('.json') ? 'pkimm-json' : 'pkimm-yaml';
  await writeOutput(context.io, output, serializeAssessment(migrated, to, outFormat));
  if (format === 'json') return printJson(output === '-' ? context.io.stderr : context.io.stdout, report);
  const write = output === '-' ? context.io.stderr : context.io.stdout;
  write(
    `migrated ${input} (${from.version}) to ${output} (${target}): ${report.carried.length} items carried over\n`,
  );
  for (const dropped of report.dropped)
    write(
      `  not carried over: ${dropped.key}${dropped.hadData ? ' (had a rating or notes)' : ''}: ${dropped.reason}\n`,
    );
  for (const added of report.added) write(`  new in ${target}, not assessed: ${added}\n`);
}
