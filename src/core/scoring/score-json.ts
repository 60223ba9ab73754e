import type { ExtensionScore } from '../extensions/score-extension.js';
import type { CategoryGap } from './gap-analysis.js';
import type { LevelValue, ScoreReport } from './score.types.js';

/**
 * The machine-readable score (`pkimm score --format json`). Scripts depend on these keys;
 * add keys, never rename or remove them. Raw values keep full precision.
 */
export function scoreToJson(
  report: ScoreReport,
  extras: { extensions?: ExtensionScore[]; gaps?: CategoryGap[] } = {},
) {
  return {
    model: report.model,
    mode: report.mode,
    overall: {
      raw: report.overall.raw,
      level: report.overall.level,
      name: report.overall.levelName,
      progress: report.overall.progress,
    },
    modules: report.modules.map((m) => ({
      id: m.id,
      name: m.name,
      raw: m.raw,
      level: m.level,
      levelName: m.levelName,
      progress: m.progress,
    })),
    categories: report.categories.map((c) => ({
      id: c.id,
      key: c.key,
      module: c.moduleId,
      name: c.name,
      weight: c.weight,
      raw: c.raw,
      level: c.level,
      levelName: c.levelName,
      progress: c.progress,
      source: c.source,
      rated: c.rated,
      notApplicable: c.notApplicable,
      notAssessed: c.notAssessed,
      completeness: c.completeness,
    })),
    completeness: report.completeness,
    ...(extras.extensions ? { extensions: extras.extensions.map(extensionToJson) } : {}),
    ...(extras.gaps ? { gaps: extras.gaps } : {}),
  };
}

const level = (value: LevelValue) => ({ raw: value.raw, level: value.level, name: value.levelName });

function extensionToJson(score: ExtensionScore) {
  return {
    id: score.extension.id,
    version: score.extension.version,
    score: level(score.score),
    floor: score.floor ? level(score.floor) : null,
    weighted: level(score.weighted),
    modules: score.modules.map((m) => ({ id: m.id, ...level(m.score) })),
    categories: score.categories,
  };
}
