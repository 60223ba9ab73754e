import type { ScoreReport } from './score.types.js';

/** Formats a number the way the explanation shows it: up to 4 decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

/**
 * The calculation behind a score report, in words and numbers, so a reader can redo it by
 * hand: per category the Σ(level × weight) ÷ Σweight terms, then the roll-ups.
 */
export function explainScore(report: ScoreReport): string[] {
  const lines: string[] = [];
  lines.push(`Model ${report.model.id} ${report.model.version}, ${report.mode} mode.`);
  lines.push('Reported level = floor(raw), never rounded up; progress = raw − floor(raw).');
  lines.push('');
  for (const category of report.categories) {
    const head = `${category.key} ${category.name} (category weight ${category.weight})`;
    if (category.source === 'not-applicable') lines.push(`${head}: not applicable, carries no weight.`);
    else if (category.source === 'not-assessed') lines.push(`${head}: not assessed, carries no weight.`);
    else if (category.source === 'self')
      lines.push(`${head}: self-declared level ${category.raw} → level ${category.level}.`);
    else {
      const products = category.terms.map((t) => `${t.level}×${formatNumber(t.weight)}`).join(' + ');
      const numerator = category.terms.reduce((sum, t) => sum + t.level * t.weight, 0);
      lines.push(
        `${head}: (${products}) ÷ ${formatNumber(category.weightSum)} = ${formatNumber(numerator)} ÷ ${formatNumber(category.weightSum)} = ${formatNumber(category.raw!)} → level ${category.level} ${category.levelName}`,
      );
      const skipped = category.notApplicable + category.notAssessed;
      if (skipped > 0)
        lines.push(
          `    ${category.notApplicable} not applicable and ${category.notAssessed} not assessed requirement(s) carry no weight.`,
        );
    }
  }
  lines.push('');
  const counted = report.categories.filter((c) => c.raw !== null);
  for (const module of report.modules) {
    const own = counted.filter((c) => c.moduleId === module.id);
    lines.push(rollUp(`Module ${module.id} ${module.name}`, own, module.raw, module.level, module.levelName));
  }
  lines.push(
    rollUp(
      'Overall (from categories, not modules)',
      counted,
      report.overall.raw,
      report.overall.level,
      report.overall.levelName,
    ),
  );
  return lines;
}

function rollUp(
  label: string,
  categories: { raw: number | null; weight: number }[],
  raw: number | null,
  level: number | null,
  name: string | null,
): string {
  if (raw === null) return `${label}: nothing rated.`;
  const products = categories.map((c) => `${formatNumber(c.raw!)}×${c.weight}`).join(' + ');
  const weights = categories.reduce((sum, c) => sum + c.weight, 0);
  return `${label}: (${products}) ÷ ${weights} = ${formatNumber(raw)} → level ${level} ${name}`;
}
