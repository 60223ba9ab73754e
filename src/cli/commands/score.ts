import { scoreExtension, type ExtensionScore } from '../../core/extensions/score-extension.js';
import { explainScore } from '../../core/scoring/explain.js';
import { analyseGaps } from '../../core/scoring/gap-analysis.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import type { Assessment } from '../../core/assessment/assessment.types.js';
import type { Model } from '../../core/model/model.types.js';
import { enabledExtensions } from '../../model-loader/enabled-extensions.js';
import { readAssessmentFile } from '../../assessment-io/read-assessment.js';
import type { CliContext } from '../context.js';
import { parseFormat, printJson } from '../options.js';
import { renderScoreTable } from '../render/score-table.js';
import { renderGaps } from '../render/gaps-table.js';

export interface ScoreOptions {
  format?: string;
  explain?: boolean;
  gaps?: boolean;
}

/** `pkimm score FILE`: the levels of an assessment in our format or the official export. */
export async function scoreCommand(context: CliContext, file: string, options: ScoreOptions): Promise<void> {
  const format = parseFormat(options.format);
  const { assessment, model } = await readAssessmentFile(file, context.registry);
  const report = scoreAssessment(model, assessment);
  const extensions = await scoreExtensions(context, model, assessment);
  const gaps = options.gaps ? analyseGaps(model, assessment, report) : undefined;
  if (format === 'json') {
    const { scoreToJson } = await import('../../core/scoring/score-json.js');
    const json = scoreToJson(report, {
      ...(extensions.length > 0 ? { extensions } : {}),
      ...(gaps ? { gaps } : {}),
    });
    printJson(context.io.stdout, options.explain ? { ...json, explanation: explainScore(report) } : json);
    return;
  }
  context.io.stdout(renderScoreTable(report, assessment.title, extensions));
  if (gaps) context.io.stdout('\n' + renderGaps(gaps));
  if (options.explain) context.io.stdout('\n' + explainScore(report).join('\n') + '\n');
}

/** Scores the extensions the assessment enables; one that is not installed is named on stderr, not fatal. */
async function scoreExtensions(
  context: CliContext,
  model: Model,
  assessment: Assessment,
): Promise<ExtensionScore[]> {
  const { installed, missing } = await enabledExtensions(context.registry, assessment);
  for (const { id, version } of missing) {
    context.io.stderr(
      `note: extension ${id}@${version} is enabled in the assessment but not installed (pkimm model import FILE); its score is left out\n`,
    );
  }
  return installed.map((extension) => scoreExtension(model, assessment, extension));
}
