/** `pkimm benchmark synth|compare` on the server's database (docs/benchmark.md). */
import { PkimmError } from '../../core/errors.js';
import { quarterOf } from '../../core/benchmark/payload.js';
import { isProfileCode, PROFILE_FIELDS, type ProfileField } from '../../core/benchmark/profiles.js';
import { syntheticPool } from '../../core/benchmark/synthetic.js';
import { formatNumber } from '../../core/scoring/explain.js';
import { ModelRegistry } from '../../model-loader/registry.js';
import { migrateToLatest } from '../../persistence/migrate.js';
import { insertSyntheticPool } from '../../persistence/repositories/benchmark.js';
import { ALL_TYPES, compare } from '../../server/benchmark/compare.js';
import { configFromEnv, openCheckedDatabase } from '../../server/main.js';
import type { CliContext } from '../context.js';
import { parseFormat, printJson } from '../options.js';
import { renderTable } from '../render/table.js';
import { withServer } from './assessment.js';

function wholeNumber(
  text: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new PkimmError(
      'USAGE',
      `${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(text)})`,
    );
  return value;
}

export async function benchmarkSynthCommand(
  context: CliContext,
  options: { count: string; seed?: string; model?: string },
) {
  const count = wholeNumber(options.count, '--count', 0, 1, 1_000_000);
  const seed = wholeNumber(options.seed, '--seed', 1, 0, 2 ** 32 - 1);
  const version = options.model ?? '2.0.0';
  const config = configFromEnv({
    DATABASE_URL: context.env['DATABASE_URL'],
    PKIMM_HOME: context.env['PKIMM_HOME'],
  });
  const database = await openCheckedDatabase(config);
  try {
    await migrateToLatest(database.db as never, database.dialect);
    const model = await new ModelRegistry({ dataDir: config.dataDir }).get('pkimm', version);
    const now = new Date();
    const pool = syntheticPool(count, {
      seed,
      modelVersion: model.version,
      categoryKeys: model.modules.flatMap((m) => m.categories.map((c) => c.key)),
      quarter: quarterOf(now),
    });
    await insertSyntheticPool(database.db, pool, now);
    context.io.stderr(
      `added ${count} synthetic submission(s) for PKIMM ${model.version} (seed ${seed}) to the local pool\n`,
    );
  } finally {
    await database.close();
  }
}

type CompareOptions = Partial<Record<ProfileField, string>> & {
  as: string;
  types?: string;
  weighting?: string;
  format?: string;
};

export async function benchmarkCompareCommand(context: CliContext, id: string, options: CompareOptions) {
  const format = parseFormat(options.format);
  const filters: Partial<Record<ProfileField, string>> = {};
  for (const field of PROFILE_FIELDS) {
    const value = options[field];
    if (value === undefined) continue;
    if (!isProfileCode(field, value))
      throw new PkimmError(
        'USAGE',
        `--${field} ${JSON.stringify(value)} is not a code of the benchmark profile lists`,
      );
    filters[field] = value;
  }
  const types = (options.types ?? ALL_TYPES.join(',')).split(',').map((t) => t.trim());
  for (const type of types)
    if (!(ALL_TYPES as readonly string[]).includes(type))
      throw new PkimmError('USAGE', `--types: ${JSON.stringify(type)} is not self, formal or third-party`);
  const weighting = options.weighting ?? 'none';
  if (weighting !== 'none' && weighting !== 'trust')
    throw new PkimmError('USAGE', `--weighting must be none or trust (got ${JSON.stringify(weighting)})`);
  const result = await withServer(context, options.as, (deps, who) => {
    const k = context.env['PKIMM_BENCHMARK_K'];
    const benchmark = { ...deps.config.benchmark, k: wholeNumber(k, 'PKIMM_BENCHMARK_K', 10, 5, 1_000_000) };
    return compare({ ...deps, config: { ...deps.config, benchmark } }, who, id, {
      filters,
      types: types as (typeof ALL_TYPES)[number][],
      weighting,
    });
  });
  if (format === 'json') return printJson(context.io.stdout, result);
  if (result.status === 'refused') {
    context.io.stdout(`${result.message}\n`);
    if (result.suggestion) context.io.stdout(`try: ${JSON.stringify(result.suggestion.filters)}\n`);
    return;
  }
  const num = (v: number | null) => (v === null ? '-' : formatNumber(v));
  const row = (name: string, s: (typeof result.categories)[number] | typeof result.overall) => [
    name,
    num(s.value),
    num(s.percentile),
    num(s.p10),
    num(s.p25),
    num(s.median),
    num(s.p75),
    num(s.p90),
  ];
  if (result.synthetic) context.io.stdout('synthetic data: this group contains generated submissions\n');
  context.io.stdout(`peer group of ${result.group.size} (k = ${result.k})\n`);
  context.io.stdout(
    renderTable(
      ['Category', 'You', 'Percentile', 'p10', 'p25', 'Median', 'p75', 'p90'],
      [row('Overall', result.overall), ...result.categories.map((c) => row(c.key, c))],
    ),
  );
}
