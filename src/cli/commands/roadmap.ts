import { PkimmError } from '../../core/errors.js';
import { diffAssessments, diffToJson, type DiffValue } from '../../core/diff/diff-assessments.js';
import { buildRoadmap } from '../../core/roadmap/build-roadmap.js';
import { parseTargetLevel, roadmapStepsToJson } from '../../core/roadmap/roadmap-json.js';
import { formatNumber } from '../../core/scoring/explain.js';
import { loadIdMapping } from '../../assessment-io/mapping.js';
import { readAssessmentFile } from '../../assessment-io/read-assessment.js';
import type { CliContext } from '../context.js';
import { parseFormat, printJson } from '../options.js';
import { renderTable } from '../render/table.js';

/** `pkimm roadmap FILE [--target LEVEL]`: the ranked steps towards the targets. */
export async function roadmapCommand(
  context: CliContext,
  file: string,
  options: { target?: string; format?: string },
): Promise<void> {
  const format = parseFormat(options.format);
  const overallTarget = options.target === undefined ? undefined : parseTargetLevel(options.target);
  if (options.target !== undefined && overallTarget === undefined)
    throw new PkimmError('USAGE', `--target must be a whole number from 1 to 5 (got "${options.target}")`);
  const { assessment, model } = await readAssessmentFile(file, context.registry);
  const roadmap = buildRoadmap(model, assessment, overallTarget === undefined ? {} : { overallTarget });
  if (roadmap.targets.overall === null && Object.keys(roadmap.targets.categories).length === 0)
    throw new PkimmError('USAGE', `${file} sets no target; give one with --target LEVEL (1 to 5)`);
  if (format === 'json') return printJson(context.io.stdout, roadmapStepsToJson(roadmap));
  const raw = (value: number | null) => (value === null ? '–' : formatNumber(value));
  const rows = roadmap.steps.map((step, i) => [
    String(i + 1),
    step.track,
    step.key,
    `${step.from} → ${step.to}`,
    raw(step.after.category.raw),
    raw(step.after.overall.raw),
  ]);
  context.io.stdout(
    `Roadmap for ${assessment.title || file}: overall ${raw(roadmap.before.raw)} → ${raw(roadmap.after.raw)}\n\n` +
      (rows.length === 0
        ? 'Every targeted category is at its target.\n'
        : renderTable(
            ['#', 'track', 'item', 'raise', 'category after', 'overall after'],
            rows,
            new Set([0, 4, 5]),
          )),
  );
  for (const plan of roadmap.categories.filter((p) => p.status === 'unreachable'))
    context.io.stdout(`  ${plan.key}: target ${plan.target} cannot be planned (${plan.reason})\n`);
}

/** `pkimm diff A B`: what changed between two assessments, across 1.0.0 and 2.0.0 too. */
export async function diffCommand(context: CliContext, a: string, b: string, options: { format?: string }) {
  const format = parseFormat(options.format);
  const first = await readAssessmentFile(a, context.registry);
  const second = await readAssessmentFile(b, context.registry);
  const versions = [first.model.version, second.model.version];
  const mapping = versions[0] === versions[1] ? undefined : await loadIdMapping();
  const diff = diffAssessments(first, second, mapping);
  if (format === 'json') return printJson(context.io.stdout, diffToJson(diff));
  const show = (value: DiffValue) =>
    value === null ? '–' : typeof value === 'number' ? formatNumber(value) : value;
  const parts: string[] = [`${a} (${diff.before.model}) → ${b} (${diff.after.model})`, ''];
  parts.push(
    diff.requirements.length === 0
      ? 'No requirement changed.\n'
      : renderTable(
          ['requirement', 'before', 'after', 'change'],
          diff.requirements.map((r) => [r.id, show(r.before), show(r.after), r.change]),
        ),
  );
  parts.push(
    diff.categories.length === 0
      ? 'No category level changed.\n'
      : renderTable(
          ['category', 'before', 'after'],
          diff.categories.map((c) => [c.id, show(c.before), show(c.after)]),
          new Set([1, 2]),
        ),
  );
  parts.push(`overall: ${show(diff.overall.before)} → ${show(diff.overall.after)}\n`);
  context.io.stdout(parts.join('\n'));
}
