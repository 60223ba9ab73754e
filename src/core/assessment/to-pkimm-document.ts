import { indexModel } from '../model/model-index.js';
import { MODULE_IDS, type Model } from '../model/model.types.js';
import type { Assessment, ScopeDecision } from './assessment.types.js';
import { setOwn } from './compact.js';
import { PKIMM_FORMAT, PKIMM_FORMAT_VERSION } from './assessment.schema.js';
import { normaliseAudits } from '../crosswalk/audit-credits.js';
import { compactRoadmapSettings } from '../roadmap/roadmap-settings.js';
import { normalisePlans } from '../plans/plan-document.js';

type Doc = Record<string, unknown>;

/**
 * An Assessment as a pkimm-assessment document: plain data in a fixed, readable key order
 * (docs/assessment-format.md), leaving out what reading fills in again (level 0, applicable,
 * empty maps and lists). Categories and requirements follow the model's order; keys the model
 * does not know keep their place after them.
 */
export function toPkimmDocument(assessment: Assessment, model?: Model): Doc {
  const a = assessment;
  return omitEmpty({
    format: PKIMM_FORMAT,
    formatVersion: PKIMM_FORMAT_VERSION,
    id: a.id,
    title: a.title,
    model: { id: a.model.id, version: a.model.version },
    mode: a.mode,
    type: a.type,
    organisation: a.organisation,
    assessor:
      a.assessor &&
      omitEmpty({ name: a.assessor.name, company: a.assessor.company, position: a.assessor.position }),
    dates: a.dates && omitEmpty({ start: a.dates.start, target: a.dates.target, finish: a.dates.finish }),
    scope:
      a.scope &&
      omitEmpty({
        ...pick(a.scope, [
          'description',
          'components',
          'outOfScope',
          'highLevelDesign',
          'pointsOfInteraction',
        ] as const),
      }),
    importedFrom: a.importedFrom,
    modules: ordered(a.modules as Record<string, ScopeDecision>, MODULE_IDS, decision),
    categories: ordered(a.categories, model ? indexModel(model).categories.map((c) => c.key) : [], (answer) =>
      omitEmpty({
        level: level(answer.level),
        ...decision(answer),
        notes: answer.notes,
        extra: answer.extra,
      }),
    ),
    requirements: ordered(
      a.requirements,
      model ? indexModel(model).requirements.map((r) => r.key) : [],
      (answer) =>
        omitEmpty({
          level: level(answer.level),
          ...decision(answer),
          ...pick(answer, [
            'notes',
            'evidence',
            'flagged',
            'flagNote',
            'completed',
            'updatedAt',
            'extra',
          ] as const),
        }),
    ),
    extensions: a.extensions.map((extension) => ({ id: extension.id, version: extension.version })),
    relevance: ordered(a.relevance, [], (answer) =>
      omitEmpty({
        level: level(answer.level),
        ...decision(answer),
        notes: answer.notes,
        extra: answer.extra,
      }),
    ),
    roadmap: a.roadmap && compactRoadmapSettings(a.roadmap),
    plans: normalisePlans(a.plans),
    audits: normaliseAudits(a.audits),
    preserved: a.preserved,
  });
}

function level(value: number): number | undefined {
  return value === 0 ? undefined : value;
}

function decision(answer: ScopeDecision): { applicability: string | undefined; reason: string | undefined } {
  return {
    applicability: answer.applicability === 'applicable' ? undefined : answer.applicability,
    reason: answer.reason,
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** The entries in `order` first, then the rest as they were inserted. */
function ordered<T>(
  record: Record<string, T | undefined>,
  order: readonly string[],
  map: (value: T) => Doc,
): Doc {
  const out: Doc = {};
  const keys = [
    ...order.filter((key) => key in record),
    ...Object.keys(record).filter((key) => !order.includes(key)),
  ];
  for (const key of keys) {
    const value = record[key];
    if (value !== undefined) setOwn(out, key, map(value));
  }
  return out;
}

/** Drops undefined values and empty maps and lists (but keeps `{}` answers: the key itself is data). */
function omitEmpty(doc: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.keys(value).length === 0
    )
      continue;
    out[key] = value;
  }
  return out;
}
