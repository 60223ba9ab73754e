import type { Assessment } from '../../core/assessment/assessment.types.js';
import { scoreExtension } from '../../core/extensions/score-extension.js';
import type { Model } from '../../core/model/model.types.js';
import { analyseGaps } from '../../core/scoring/gap-analysis.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import { scoreToJson } from '../../core/scoring/score-json.js';
import { enabledExtensions } from '../../model-loader/enabled-extensions.js';
import type { ServiceDeps } from './deps.js';

export type ScoreJson = ReturnType<typeof scoreToJson>;

/**
 * The score exactly as `pkimm score --format json` prints it, computed on every read (it is
 * cheap, and a stored score could go stale). Extensions the assessment enables are scored
 * when installed, as the CLI does; one that is not installed is left out.
 */
export async function scoreJsonOf(
  deps: ServiceDeps,
  model: Model,
  assessment: Assessment,
  options: { gaps: boolean },
): Promise<ScoreJson> {
  const report = scoreAssessment(model, assessment);
  const { installed } = await enabledExtensions(deps.registry, assessment);
  const extensions = installed.map((extension) => scoreExtension(model, assessment, extension));
  return scoreToJson(report, {
    ...(extensions.length > 0 ? { extensions } : {}),
    ...(options.gaps ? { gaps: analyseGaps(model, assessment, report) } : {}),
  });
}
