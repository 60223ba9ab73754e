import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PkimmError } from '../../core/errors.js';
import { isoDay } from '../../core/plans/plan-helpers.js';
import { planEntries } from '../../core/plans/timeline.js';
import {
  exportPlans,
  PLAN_EXPORT_FORMATS,
  type PlanExportFormat,
} from '../../exchange/plans/export-plans.js';
import { readAssessmentPath } from '../../exchange/read-assessment-bytes.js';
import type { CliContext } from '../context.js';

/**
 * `pkimm plans export FILE --format csv|ics [--out OUT]`: the file's action plans, in due-date
 * order, overdue decided against today's UTC date. The calendar's UIDs use the assessment's id
 * (the file name when it has none), so they match the server's for the same assessment.
 */
export async function plansExportCommand(
  context: CliContext,
  file: string,
  options: { format?: string; out?: string },
) {
  const format = options.format ?? '';
  if (!(PLAN_EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new PkimmError(
      'USAGE',
      `--format must be one of ${PLAN_EXPORT_FORMATS.join(', ')} (got "${format}")`,
    );
  }
  const { assessment, model } = await readAssessmentPath(file, context.registry);
  const now = new Date();
  const entries = planEntries(
    [{ assessmentId: assessment.id ?? basename(file), assessment, model }],
    isoDay(now),
  );
  const exported = exportPlans(entries, format as PlanExportFormat, { stamp: now, name: assessment.title });
  const out = options.out ?? '-';
  if (out === '-') return context.io.stdout(exported.body);
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, exported.body, 'utf8');
    await rename(temporary, out);
  } catch (error) {
    throw new PkimmError('FILE_UNREADABLE', `cannot write: ${(error as Error).message}`, {
      source: out,
      cause: error,
    });
  }
  context.io.stderr(`wrote ${out} (${entries.length} plan${entries.length === 1 ? '' : 's'}, ${format})\n`);
}
