/**
 * Builds the neutral document of one report type. Which parts each type has follows the
 * methodology's readers: the self-assessment summary, management, the PKI team, relying
 * parties. The levels are the scoring engine's, taken from `input.score` as they are.
 */
import type { Block, ReportDocument } from './report-document.js';
import type { ReportInput, ReportType } from './report-input.js';
import { actionPlans, trust, verification } from './sections/attestation.js';
import { comparison } from './sections/comparison.js';
import { sectionContext, type SectionContext } from './sections/context.js';
import { requirements, scoping } from './sections/detail.js';
import { recommendations } from './sections/recommendations.js';
import { suggestedRatings } from './sections/suggested-ratings.js';
import { auditedRequirements, crosswalks } from './sections/crosswalks.js';
import { categoryLevels, charts, moduleLevels, overall, overview, scope } from './sections/summary.js';

const SECTIONS: Record<ReportType, (ctx: SectionContext) => Block[][]> = {
  self: (ctx) => [overview(ctx, 'self'), overall(ctx), moduleLevels(ctx), categoryLevels(ctx)],
  assessment: (ctx) => [
    overview(ctx, 'assessment'),
    scope(ctx, false),
    overall(ctx),
    charts(ctx, false),
    moduleLevels(ctx),
    categoryLevels(ctx),
    recommendations(ctx),
    suggestedRatings(ctx),
    auditedRequirements(ctx),
  ],
  detailed: (ctx) => [
    overview(ctx, 'detailed'),
    scope(ctx, false),
    overall(ctx),
    charts(ctx, true),
    moduleLevels(ctx),
    categoryLevels(ctx),
    recommendations(ctx),
    scoping(ctx),
    requirements(ctx),
    suggestedRatings(ctx),
    auditedRequirements(ctx),
    crosswalks(ctx),
    comparison(ctx),
    actionPlans(ctx),
  ],
  attestation: (ctx) => [overview(ctx, 'attestation'), overall(ctx), moduleLevels(ctx), trust(ctx), verification(ctx)],
};

export function buildReport(input: ReportInput, type: ReportType): ReportDocument {
  const ctx = sectionContext(input);
  const { m, f } = ctx;
  const organisation = input.assessment.organisation?.trim();
  const subtitle = organisation ? `${input.assessment.title} · ${organisation}` : input.assessment.title;
  return {
    type,
    language: input.language,
    title: m.title[type],
    subtitle,
    metadata: {
      title: `${m.title[type]}: ${input.assessment.title}`,
      subject: m.subject[type],
      keywords: `PKIMM, ${f.modelVersion(input.assessment.model)}, ${type}`,
    },
    tableOfContents: type === 'detailed',
    tocTitle: m.contents,
    pageLabel: m.pageOf,
    generatedLine: m.generatedOn(f.dateTime(input.generatedAt)),
    generatedAt: input.generatedAt,
    blocks: SECTIONS[type](ctx).flat(),
  };
}
