import { formatNumber } from '../../core/scoring/explain.js';
import { startNextCycle } from '../../server/assessments/cycles/next-cycle.js';
import { portfolio } from '../../server/assessments/cycles/portfolio.js';
import { scopeTrend } from '../../server/assessments/cycles/trend.js';
import type { CliContext } from '../context.js';
import { parseFormat, printJson } from '../options.js';
import { renderTable } from '../render/table.js';
import { withServer } from './assessment.js';

const num = (value: number | null | undefined) =>
  value === null || value === undefined ? '-' : formatNumber(value);

export async function cycleNextCommand(
  context: CliContext,
  id: string,
  options: { as: string; title?: string },
) {
  const result = await withServer(context, options.as, (deps, who) =>
    startNextCycle(deps, who, id, options.title),
  );
  context.io.stderr(
    `started the next cycle of ${id}; ${result.evidenceCopied} evidence item(s) carried over\n`,
  );
  context.io.stdout(`${result.assessment.id}\n`);
}

export async function cycleTrendCommand(
  context: CliContext,
  options: { org: string; as: string; scope: string; format?: string },
) {
  const format = parseFormat(options.format);
  const trend = await withServer(context, options.as, (deps, who) =>
    scopeTrend(deps, who, options.org, options.scope),
  );
  if (format === 'json') return printJson(context.io.stdout, trend);
  const header = ['Category', ...trend.points.map((p) => `${p.at.slice(0, 10)} ${p.title}`)];
  const rows = [
    ['Overall', ...trend.points.map((p) => num(p.overall))],
    ...trend.categories.map((c) => [c.name, ...trend.points.map((p) => num(p.categories[c.key]))]),
  ];
  context.io.stdout(renderTable(header, rows));
}

export async function cyclePortfolioCommand(
  context: CliContext,
  options: { org: string; as: string; format?: string },
) {
  const format = parseFormat(options.format);
  const result = await withServer(context, options.as, (deps, who) => portfolio(deps, who, options.org));
  if (format === 'json') return printJson(context.io.stdout, result);
  const header = [
    'Category',
    ...result.scopes.map((s) => `${s.scopeKey} (×${s.weight})`),
    'Portfolio',
    'Held back by',
  ];
  const levelIn = (levels: { scopeKey: string; raw: number }[], scopeKey: string) =>
    levels.find((l) => l.scopeKey === scopeKey)?.raw ?? null;
  const rows = [{ name: 'Overall', ...result.overall }, ...result.categories].map((row) => [
    row.name,
    ...result.scopes.map((s) => num(levelIn(row.scopes, s.scopeKey))),
    num(row.raw),
    row.bottleneck?.scopeKey ?? '-',
  ]);
  context.io.stdout(renderTable(header, rows));
}
