import { formatNumber } from '../../core/scoring/explain.js';
import type { CategoryGap } from '../../core/scoring/gap-analysis.js';

/** Per category: where it is, what the next level needs, and which requirements hold it back. */
export function renderGaps(gaps: CategoryGap[]): string {
  if (gaps.length === 0) return 'No category below level 5 is rated.\n';
  const lines: string[] = ['Gap to the next level'];
  for (const gap of gaps) {
    lines.push(
      '',
      `${gap.name} is at level ${gap.level} (${formatNumber(gap.raw)}); level ${gap.nextLevel} ${gap.nextLevelName} needs ${formatNumber(gap.rawNeeded)} more.`,
    );
    if (gap.nextLevelDescription) lines.push(`  At ${gap.nextLevelName}: ${gap.nextLevelDescription.trim()}`);
    for (const step of gap.limiting) {
      lines.push(
        `  - ${step.requirementKey} (${step.name}, weight ${formatNumber(step.weight)}): ${step.from} → ${step.to} raises the category to ${formatNumber(step.categoryRawAfter)} and overall to ${formatNumber(step.overallRawAfter)}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}
