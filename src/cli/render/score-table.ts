import type { ExtensionScore } from '../../core/extensions/score-extension.js';
import { formatNumber } from '../../core/scoring/explain.js';
import type { ScoreReport } from '../../core/scoring/score.types.js';
import { progressBar, renderTable } from './table.js';

// Truncated, not rounded, so 2.999 never shows as 3.00 next to level 2.
const raw = (value: number | null) => (value === null ? '-' : (Math.floor(value * 100) / 100).toFixed(2));
const level = (value: number | null, name: string | null) =>
  value === null ? '-' : `${value} ${name ?? ''}`.trim();

/** The human-readable score: categories, modules, then the overall level with its progress bar. */
export function renderScoreTable(
  report: ScoreReport,
  title: string,
  extensions: ExtensionScore[] = [],
): string {
  const categoryRows = report.categories.map((c) => [
    c.key,
    c.name,
    String(c.weight),
    c.source === 'not-applicable' ? 'N/A' : raw(c.raw),
    c.source === 'not-applicable'
      ? 'not applicable'
      : c.source === 'not-assessed'
        ? 'not assessed'
        : level(c.level, c.levelName),
    report.mode === 'full' ? `${c.rated}/${c.rated + c.notAssessed}` : c.source === 'self' ? 'self' : '-',
    String(report.mode === 'full' ? c.notApplicable : c.source === 'not-applicable' ? 1 : 0),
  ]);
  const moduleRows = report.modules.map((m) => [m.id, m.name, raw(m.raw), level(m.level, m.levelName)]);
  const parts = [
    `${title}\nModel ${report.model.id} ${report.model.version}, ${report.mode} mode\n\n`,
    renderTable(
      ['Category', 'Name', 'Weight', 'Raw', 'Level', 'Rated', 'N/A'],
      categoryRows,
      new Set([2, 3]),
    ),
    '\n',
    renderTable(['Module', 'Name', 'Raw', 'Level'], moduleRows, new Set([2])),
    '\n',
    overallLine(report),
  ];
  for (const ext of extensions) {
    parts.push(
      `Extension ${ext.extension.id} ${ext.extension.version}: score ${level(ext.score.level, ext.score.levelName)} (raw ${raw(ext.score.raw)})` +
        (ext.floor ? `, floor ${level(ext.floor.level, ext.floor.levelName)}` : '') +
        `, extension-weighted ${level(ext.weighted.level, ext.weighted.levelName)} (raw ${raw(ext.weighted.raw)})\n`,
    );
  }
  return parts.join('');
}

function overallLine(report: ScoreReport): string {
  const { overall, completeness } = report;
  const rated =
    completeness.applicable > 0
      ? `, ${completeness.rated} of ${completeness.applicable} applicable items rated`
      : '';
  if (overall.raw === null) return `Overall: not assessed${rated}\n`;
  const percent = Math.floor((overall.progress ?? 0) * 100);
  const next =
    overall.level !== null && overall.level < 5
      ? ` ${percent}% of the way to level ${overall.level + 1}`
      : '';
  return `Overall: level ${overall.level} ${overall.levelName} (raw ${formatNumber(overall.raw)}) ${progressBar(overall.progress ?? 0)}${next}${rated}\n`;
}
