/**
 * What it takes to reach the next level, from the gap analysis: per category below level 5,
 * the next level's description and the rated requirements that hold it back, the ones whose
 * one-step rise lifts the overall level most first.
 */
import { analyseGaps } from '../../core/scoring/gap-analysis.js';
import type { Block } from '../report-document.js';
import type { SectionContext } from './context.js';

/** Management reads a handful per category; the detailed report lists the requirements anyway. */
const LIMITING_SHOWN = 3;

export function recommendations(ctx: SectionContext): Block[] {
  const { input, m, f } = ctx;
  const gaps = analyseGaps(input.model, input.assessment, input.score);
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: m.section.recommendations }];
  if (gaps.length === 0) {
    blocks.push({ kind: 'paragraph', tone: 'muted', text: m.text.noRecommendations });
    return blocks;
  }
  for (const gap of gaps) {
    blocks.push({
      kind: 'heading',
      level: 3,
      text: m.recommendation(gap.name, gap.level, gap.nextLevel, gap.nextLevelName),
    });
    if (gap.nextLevelDescription.trim() !== '')
      blocks.push({ kind: 'paragraph', text: m.nextLevelLooks(gap.nextLevelDescription.trim()) });
    const steps = gap.limiting.slice(0, LIMITING_SHOWN);
    if (steps.length > 0) {
      blocks.push({
        kind: 'list',
        items: steps.map((step) => m.raise(step.name, step.from, step.to, f.number(step.overallGain))),
      });
    }
  }
  return blocks;
}
