import type { Assessment, RequirementAnswer } from '../../core/assessment/assessment.types.js';
import { indexModel, levelName } from '../../core/model/model-index.js';
import type { Model, Requirement } from '../../core/model/model.types.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import { uuidV5 } from './uuid-v5.js';

export const OSCAL_VERSION = '1.1.2';
/** The namespace of pkimm's own props (a URN: pkimm owns no domain to name it by). */
export const PKIMM_NS = 'urn:x-pkimm:oscal';

export interface OscalOptions {
  /** metadata.last-modified, and `collected` where an answer has no time of its own. */
  now: Date;
  /** A finding is `satisfied` from this level on (default 3, Advanced). */
  satisfiedFrom?: number;
  /** metadata.version: the document's own version, e.g. the assessment's revision. */
  documentVersion?: string;
}

type Prop = { name: string; value: string; ns?: string };

/**
 * The assessment as OSCAL 1.1 assessment results (JSON): one result for the assessment, with
 * the in-scope requirements as reviewed controls (not-applicable ones excluded), one finding
 * per in-scope requirement targeting it as an objective (`objective-id`, the requirement key)
 * and one observation per finding carrying the rating, notes and evidence. A finding is
 * satisfied when rated at `satisfiedFrom` or above, not satisfied otherwise (not assessed
 * included, with reason `other`). There is no OSCAL assessment plan for a PKIMM assessment,
 * so import-ap points at a back-matter resource that names the model version. UUIDs are
 * name-based (v5) so the same assessment gives the same document.
 */
export function assessmentResults(assessment: Assessment, model: Model, options: OscalOptions) {
  const threshold = options.satisfiedFrom ?? 3;
  const now = options.now.toISOString();
  const base = `${assessment.id ?? assessment.title}|${model.id}@${model.version}|${now}`;
  const uuid = (part: string) => uuidV5(`${base}|${part}`);
  const report = scoreAssessment(model, assessment);
  const { categories } = indexModel(model);
  const inScope: { requirement: Requirement; answer: RequirementAnswer | undefined }[] = [];
  const excluded: string[] = [];
  for (const category of categories) {
    const scopedOut = [assessment.modules[category.moduleId], assessment.categories[category.key]].some(
      (d) => d?.applicability === 'not-applicable',
    );
    for (const requirement of category.requirements) {
      const answer = assessment.requirements[requirement.key];
      if (scopedOut || answer?.applicability === 'not-applicable') excluded.push(requirement.key);
      else inScope.push({ requirement, answer });
    }
  }
  const observations = inScope.map(({ requirement, answer }) => observation(requirement, answer, uuid, now));
  const findings = inScope.map(({ requirement, answer }, index) => ({
    uuid: uuid(`finding|${requirement.key}`),
    title: `${requirement.position} ${requirement.name}`,
    description: ratingText(model, answer),
    props: findingProps(model, requirement, answer),
    target: {
      type: 'objective-id',
      'target-id': requirement.key,
      status: status(answer, threshold),
    },
    'related-observations': [{ 'observation-uuid': observations[index]?.uuid ?? '' }],
    ...(answer?.reason ? { remarks: `Partially applicable: ${answer.reason}` } : {}),
  }));
  const planResource = uuid('assessment-plan');
  const overall = report.overall;
  return {
    'assessment-results': {
      uuid: uuid('document'),
      metadata: {
        title: `${assessment.title}: ${model.id.toUpperCase()} ${model.version} assessment results`,
        'last-modified': now,
        version: options.documentVersion ?? '1',
        'oscal-version': OSCAL_VERSION,
        ...parties(assessment, uuid),
      },
      'import-ap': { href: `#${planResource}` },
      results: [
        {
          uuid: uuid('result'),
          title: `${assessment.title} (${assessment.mode} mode)`,
          description: `PKI Maturity Model ${model.version} assessment. A finding is satisfied when its requirement is rated ${threshold} (${levelName(model, threshold)}) or higher.`,
          start: dateTime(assessment.dates?.start) ?? now,
          ...(dateTime(assessment.dates?.finish) ? { end: dateTime(assessment.dates?.finish) } : {}),
          props: nonEmptyProps([
            {
              name: 'overall-level',
              ns: PKIMM_NS,
              value: overall.level === null ? 'not assessed' : String(overall.level),
            },
            { name: 'overall-level-name', ns: PKIMM_NS, value: overall.levelName ?? 'not assessed' },
            {
              name: 'overall-raw',
              ns: PKIMM_NS,
              value: overall.raw === null ? 'none' : overall.raw.toFixed(4),
            },
            { name: 'assessment-type', ns: PKIMM_NS, value: assessment.type ?? '' },
          ]),
          'reviewed-controls': {
            'control-selections': [
              {
                description: 'The requirements in scope; not-applicable ones are excluded.',
                ...(inScope.length > 0
                  ? {
                      'include-controls': inScope.map(({ requirement }) => ({
                        'control-id': requirement.key,
                      })),
                    }
                  : { 'include-all': {} }),
                ...(excluded.length > 0
                  ? { 'exclude-controls': excluded.map((key) => ({ 'control-id': key })) }
                  : {}),
              },
            ],
          },
          ...(observations.length > 0 ? { observations } : {}),
          ...(findings.length > 0 ? { findings } : {}),
        },
      ],
      'back-matter': {
        resources: [
          {
            uuid: planResource,
            title: `PKI Maturity Model ${model.version}`,
            description: `The assessment plan: every requirement of ${model.id} ${model.version}, rated on levels 1 to 5.`,
            rlinks: [{ href: 'https://pkic.org/pkimm/' }],
          },
        ],
      },
    },
  };
}

function observation(
  requirement: Requirement,
  answer: RequirementAnswer | undefined,
  uuid: (part: string) => string,
  now: string,
) {
  const notes = answer?.notes?.trim();
  const evidence = answer?.evidence?.trim();
  return {
    uuid: uuid(`observation|${requirement.key}`),
    title: `${requirement.position} ${requirement.name}`,
    description: notes ? notes : answer && answer.level > 0 ? `Rated ${answer.level}.` : 'Not assessed yet.',
    methods: ['EXAMINE'],
    ...(evidence ? { 'relevant-evidence': [{ description: evidence }] } : {}),
    collected: dateTime(answer?.updatedAt) ?? now,
  };
}

function ratingText(model: Model, answer: RequirementAnswer | undefined): string {
  const level = answer?.level ?? 0;
  return level === 0 ? 'Not assessed.' : `Rated level ${level} (${levelName(model, level)}) of 5.`;
}

function findingProps(model: Model, requirement: Requirement, answer: RequirementAnswer | undefined): Prop[] {
  const level = answer?.level ?? 0;
  return nonEmptyProps([
    { name: 'maturity-level', ns: PKIMM_NS, value: level === 0 ? 'not assessed' : String(level) },
    { name: 'maturity-level-name', ns: PKIMM_NS, value: level === 0 ? '' : levelName(model, level) },
    { name: 'weight', ns: PKIMM_NS, value: String(requirement.weight) },
    { name: 'applicability', ns: PKIMM_NS, value: answer?.applicability ?? 'applicable' },
  ]);
}

function status(answer: RequirementAnswer | undefined, threshold: number) {
  const level = answer?.level ?? 0;
  if (level === 0) return { state: 'not-satisfied', reason: 'other', remarks: 'Not assessed.' };
  return level >= threshold
    ? { state: 'satisfied', reason: 'pass' }
    : { state: 'not-satisfied', reason: 'fail' };
}

/** OSCAL prop values must not be empty nor start or end with whitespace. */
function nonEmptyProps(props: Prop[]): Prop[] {
  return props.map((p) => ({ ...p, value: p.value.trim() })).filter((p) => p.value !== '');
}

function parties(assessment: Assessment, uuid: (part: string) => string) {
  const list: { uuid: string; type: 'person' | 'organization'; name: string }[] = [];
  if (assessment.organisation?.trim()) {
    list.push({
      uuid: uuid('party|organisation'),
      type: 'organization',
      name: assessment.organisation.trim(),
    });
  }
  if (assessment.assessor?.name?.trim()) {
    list.push({ uuid: uuid('party|assessor'), type: 'person', name: assessment.assessor.name.trim() });
  }
  return list.length > 0 ? { parties: list } : {};
}

/** An OSCAL date-time with a time zone, from a date or a timestamp; undefined when unreadable. */
function dateTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}
