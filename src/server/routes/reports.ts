/**
 * GET /api/v1/assessments/:id/reports/:type — the four reports as PDF (download) or HTML
 * (a standalone page). Reading a report needs what reading the assessment needs (viewers
 * may; others get 404). The HTML reply carries its own, stricter Content-Security-Policy:
 * nothing may load or run, only its inline <style> and data: images apply.
 */
import { reportActionPlans } from '../../reports/plans-input.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PkimmError } from '../../core/errors.js';
import { listAssessments } from '../../persistence/repositories/assessments/assessments.js';
import { listEvidence, type EvidenceRecord } from '../../persistence/repositories/assessments/evidence.js';
import { listSuggestions } from '../../persistence/repositories/scans.js';
import { recordAudit } from '../../persistence/repositories/audit.js';
import { generateReport } from '../../reports/generate.js';
import { crosswalkViews } from '../../assessment-io/crosswalk-views.js';
import { crosswalkCatalog } from '../crosswalks/crosswalk-service.js';
import {
  REPORT_FORMATS,
  REPORT_LANGUAGES,
  REPORT_TYPES,
  scoredReportInput,
  type AttestationReference,
  type ScanSuggestedRating,
} from '../../reports/report-input.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from '../assessments/deps.js';
import { openAssessment, type OpenedAssessment } from '../assessments/open-assessment.js';
import { errorResponses, IdParam, SECURITY } from './assessments/common-schemas.js';
import { attachment } from './assessments/content-disposition.js';

export const REPORT_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface ReportRouteOptions {
  /**
   * The latest signed attestation of an assessment, quoted by the attestation report as its
   * verification reference. The attestation feature supplies it; without it (or when it
   * returns undefined) the report says that no attestation accompanies it.
   */
  latestAttestation?: (deps: ServiceDeps, assessmentId: string) => Promise<AttestationReference | undefined>;
}

export const reportRoutes: FastifyPluginAsyncZod<ReportRouteOptions> = async (app, options) => {
  app.get(
    '/assessments/:id/reports/:type',
    {
      schema: {
        tags: ['reports'],
        summary: 'One of the four reports of an assessment, as a PDF download or a standalone HTML page',
        description:
          'Types: self (summary), assessment (management), detailed (PKI team), attestation (relying parties). ' +
          'Without `previous`, the detailed report compares with the most recent other final assessment of the ' +
          'same organisation and model version dated before this one (by finish, else start date, else creation) ' +
          'that the caller may read, if there is one.',
        security: SECURITY,
        params: z.object({ id: IdParam, type: z.enum(REPORT_TYPES) }),
        querystring: z.object({
          format: z.enum(REPORT_FORMATS).default('pdf'),
          lang: z.enum(REPORT_LANGUAGES).default('en'),
          previous: IdParam.optional().describe('the id of the assessment to compare with'),
          crosswalks: z
            .string()
            .regex(
              /^[a-z][a-z0-9-]{0,99}(,[a-z][a-z0-9-]{0,99}){0,19}$/,
              'crosswalks must be pack ids separated by commas',
            )
            .optional()
            .describe('detailed report: crosswalk packs to include, e.g. nis2,dora'),
        }),
        produces: ['application/pdf', 'text/html'],
        response: { 200: z.any().describe('the PDF or HTML file'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { id, type } = request.params;
      const { format, lang, previous: previousId } = request.query;
      const packIds = request.query.crosswalks?.split(',') ?? [];
      if (packIds.length > 0 && type !== 'detailed')
        throw new PkimmError('USAGE', 'crosswalks go with the detailed report only');
      const deps = app.deps;
      const opened = await openAssessment(deps, request.principal, id, 'read');
      if (previousId === id)
        throw new PkimmError('USAGE', 'previous must name another assessment than the one reported on');
      const previous =
        previousId !== undefined
          ? await openAssessment(deps, request.principal, previousId, 'read')
          : await defaultPrevious(deps, request.principal, opened);
      const attestation = type === 'attestation' ? await options.latestAttestation?.(deps, id) : undefined;
      const file = await generateReport(
        scoredReportInput({
          assessment: opened.assessment,
          model: opened.model,
          previous,
          attestation,
          evidence: evidenceByRequirement(await listEvidence(deps.database.db, id)),
          suggestedRatings: await acceptedSuggestions(deps, opened),
          crosswalks: await reportCrosswalks(deps, packIds, opened),
          language: lang,
          actionPlans: reportActionPlans(opened.assessment, opened.model, lang),
          generatedAt: deps.now().toISOString(),
        }),
        type,
        format,
      );
      // A report takes the assessment's data out of the platform, as an export does.
      await recordAudit(deps.database.db, {
        orgId: opened.record.orgId,
        actorUserId: opened.principal.userId,
        event: 'assessment.reported',
        detail: { assessmentId: id, type, format, language: lang, previousId: previous?.record.id ?? null },
        ip: request.ip,
        at: deps.now(),
      });
      reply.header('content-type', file.contentType);
      if (format === 'pdf') reply.header('content-disposition', attachment(file.fileName));
      // Replaces helmet's header for this reply only.
      else reply.header('content-security-policy', REPORT_HTML_CSP);
      return reply.send(file.bytes);
    },
  );
};

/** Date an assessment is about, for ordering: its finish date, else its start date, else when it was created. */
function dateOf(opened: OpenedAssessment): string {
  const dates = opened.assessment.dates;
  return (dates?.finish ?? dates?.start ?? opened.record.createdAt).slice(0, 10);
}

/**
 * The most recent other final assessment of the same organisation and model version dated
 * before this one that the caller may read. Categories line up only within one model version.
 */
async function defaultPrevious(
  deps: ServiceDeps,
  principal: Principal | null,
  current: OpenedAssessment,
): Promise<OpenedAssessment | undefined> {
  const { record } = current;
  const candidates = (await listAssessments(deps.database.db, record.orgId)).filter(
    (other) =>
      other.id !== record.id &&
      other.status === 'final' &&
      other.modelId === record.modelId &&
      other.modelVersion === record.modelVersion,
  );
  const readable: OpenedAssessment[] = [];
  for (const candidate of candidates) {
    try {
      readable.push(await openAssessment(deps, principal, candidate.id, 'read'));
    } catch (error) {
      // An external assessor with a grant for one assessment cannot read the others.
      if (error instanceof PkimmError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) continue;
      throw error;
    }
  }
  const before = dateOf(current);
  return readable
    .filter((other) => dateOf(other) < before)
    .sort(
      (a, b) => dateOf(b).localeCompare(dateOf(a)) || b.record.createdAt.localeCompare(a.record.createdAt),
    )
    .at(0);
}

/** Ratings that are still what an accepted scan suggestion set (a later change by a person ends that). */
async function acceptedSuggestions(
  deps: ServiceDeps,
  opened: OpenedAssessment,
): Promise<ScanSuggestedRating[]> {
  const records = await listSuggestions(deps.database.db, opened.record.id);
  return records
    .filter(
      (r) =>
        r.status === 'accepted' &&
        opened.assessment.requirements[r.requirement]?.level === r.level &&
        r.decidedAt,
    )
    .map((r) => ({ requirement: r.requirement, level: r.level, rule: r.rule, decidedAt: r.decidedAt ?? '' }));
}

/** Stored evidence items listed with the requirements they support: title, and the link or file name. */
function evidenceByRequirement(items: EvidenceRecord[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const item of items) {
    const where = item.kind === 'link' ? item.url : item.kind === 'file' ? item.fileName : null;
    const line = where ? `${item.title} (${where})` : item.title;
    for (const key of item.requirementKeys) byKey.set(key, [...(byKey.get(key) ?? []), line]);
  }
  return byKey;
}

/** The chosen packs' views; an id that names no pack is the request's mistake (400), not a missing resource. */
async function reportCrosswalks(deps: ServiceDeps, packIds: string[], opened: OpenedAssessment) {
  if (packIds.length === 0) return [];
  const catalog = crosswalkCatalog(deps);
  const known = new Set((await catalog.list()).map((p) => p.id));
  const unknown = packIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new PkimmError('USAGE', `crosswalks names no pack ${unknown.map((id) => `"${id}"`).join(', ')}`, {
      issues: [{ path: 'crosswalks', message: `known packs: ${[...known].join(', ')}` }],
    });
  return crosswalkViews(catalog, packIds, opened.model, opened.assessment);
}
