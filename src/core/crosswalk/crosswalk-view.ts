/**
 * What a PKIMM result means for one framework: per control, the requirements that support it,
 * where they stand, and a status from a rule anyone can read (docs/crosswalks.md):
 *
 * - A requirement *meets* its part when its level is at least the threshold (default 3,
 *   Advanced), or when an existing audit is recorded as covering it.
 * - The requirements that *count* for a control are its equivalent, subset and superset
 *   mappings; `related` ones are shown but count only for a control that has nothing else.
 * - Out-of-scope requirements and ones the assessment's model lacks do not count.
 * - **supported**: every counting requirement meets its part; **partly supported**: some do;
 *   **gap**: none does, or none counts because all are out of scope.
 */
import type { Assessment } from '../assessment/assessment.types.js';
import type { IdMapping } from '../migration/id-mapping.js';
import { indexModel, levelName } from '../model/model-index.js';
import type { Model } from '../model/model.types.js';
import type { AuditCreditEntry } from './audit-credits.js';
import type { CrosswalkPack, Relationship } from './crosswalk.types.js';
import { requirementStanding, type StandingSource } from './requirement-standing.js';

export const DEFAULT_THRESHOLD = 3;
export const CONTROL_STATUSES = ['supported', 'partly-supported', 'gap'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** An existing audit recorded as answering a requirement, with that requirement's key. */
export type AuditCredit = AuditCreditEntry & { requirement: string };

export interface SupportRow {
  /** The key the pack uses (its model version). */
  requirement: string;
  /** The key in the assessment's model version; absent when that version has no such requirement. */
  key?: string;
  position?: string;
  name?: string;
  relationship: Relationship;
  rationale: string;
  level: number;
  levelName?: string;
  source: StandingSource;
  counts: boolean;
  meets: boolean;
  audit?: AuditCredit;
}

export interface ControlView {
  id: string;
  title: string;
  group?: string;
  status: ControlStatus;
  supports: SupportRow[];
}

export interface GapView {
  requirement: string;
  key: string;
  position: string;
  name: string;
  level: number;
  source: StandingSource;
  /** Controls whose status this requirement holds back, in pack order. */
  controls: string[];
}

export interface CrosswalkView {
  pack: { id: string; framework: string; title: string; version: string; packVersion: string; model: string };
  assessment: { title: string; modelVersion: string };
  rule: { threshold: number; thresholdName: string };
  summary: Record<ControlStatus, number> & { controls: number };
  controls: ControlView[];
  /** Requirements below the threshold that count for a control, most controls first. */
  gaps: GapView[];
  /** Every audit credit that answers a requirement this pack names. */
  audited: (AuditCredit & { position: string; name: string; controls: string[] })[];
}

export interface CrosswalkViewInput {
  pack: CrosswalkPack;
  model: Model;
  assessment: Assessment;
  /** The id mapping from the assessment's model version to the pack's, when they differ. */
  mapping?: IdMapping | undefined;
  audits?: readonly AuditCredit[] | undefined;
  threshold?: number | undefined;
}

/** The pack's key in the assessment's model version (mappings run from older to newer versions). */
export function keyInAssessment(
  packKey: string,
  packVersion: string,
  assessmentVersion: string,
  mapping?: IdMapping,
): string | undefined {
  if (packVersion === assessmentVersion) return packKey;
  if (!mapping || mapping.from !== assessmentVersion || mapping.to !== packVersion) return undefined;
  return mapping.requirements.find((pair) => pair.to === packKey)?.from;
}

export function buildCrosswalkView(input: CrosswalkViewInput): CrosswalkView {
  const { pack, model, assessment } = input;
  const threshold = input.threshold ?? DEFAULT_THRESHOLD;
  const index = indexModel(model);
  const audits = new Map((input.audits ?? []).map((credit) => [credit.requirement, credit]));
  const order = new Map(index.requirements.map((r, i) => [r.key, i]));

  const controls: ControlView[] = pack.controls.map((control) => {
    const mappings = pack.mappings.filter((m) => m.control === control.id);
    const hasStrong = mappings.some((m) => m.relationship !== 'related');
    const supports = mappings.map((m): SupportRow => {
      const key = keyInAssessment(m.requirement, pack.model, model.version, input.mapping);
      const requirement = key === undefined ? undefined : index.requirementByKey.get(key);
      const standing = requirement
        ? requirementStanding(model, assessment, requirement.key)
        : { level: 0, source: 'not-in-model' as const };
      const audit = requirement ? audits.get(requirement.key) : undefined;
      const inScope = standing.source !== 'not-applicable' && standing.source !== 'not-in-model';
      const counts = inScope && (m.relationship !== 'related' || !hasStrong);
      return {
        requirement: m.requirement,
        ...(requirement
          ? { key: requirement.key, position: requirement.position, name: requirement.name }
          : {}),
        relationship: m.relationship,
        rationale: m.rationale,
        level: standing.level,
        ...(standing.level > 0 ? { levelName: levelName(model, standing.level) } : {}),
        source: standing.source,
        counts,
        meets: inScope && (standing.level >= threshold || audit !== undefined),
        ...(audit ? { audit } : {}),
      };
    });
    const counting = supports.filter((s) => s.counts);
    const met = counting.filter((s) => s.meets).length;
    const status: ControlStatus =
      counting.length > 0 && met === counting.length ? 'supported' : met > 0 ? 'partly-supported' : 'gap';
    return {
      id: control.id,
      title: control.title,
      ...(control.group === undefined ? {} : { group: control.group }),
      status,
      supports,
    };
  });

  const gapByKey = new Map<string, GapView>();
  for (const control of controls)
    for (const row of control.supports) {
      if (!row.counts || row.meets || row.key === undefined) continue;
      const gap = gapByKey.get(row.key) ?? {
        requirement: row.requirement,
        key: row.key,
        position: row.position ?? '',
        name: row.name ?? '',
        level: row.level,
        source: row.source,
        controls: [],
      };
      if (!gap.controls.includes(control.id)) gap.controls.push(control.id);
      gapByKey.set(row.key, gap);
    }
  const gaps = [...gapByKey.values()].sort(
    (a, b) => b.controls.length - a.controls.length || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0),
  );

  const audited = [...audits.values()]
    .map((credit) => {
      const requirement = index.requirementByKey.get(credit.requirement);
      const touched = controls
        .filter((c) => c.supports.some((s) => s.key === credit.requirement))
        .map((c) => c.id);
      return requirement && touched.length > 0
        ? { ...credit, position: requirement.position, name: requirement.name, controls: touched }
        : undefined;
    })
    .filter((entry) => entry !== undefined)
    .sort((a, b) => (order.get(a.requirement) ?? 0) - (order.get(b.requirement) ?? 0));

  const count = (status: ControlStatus) => controls.filter((c) => c.status === status).length;
  return {
    pack: {
      id: pack.id,
      framework: pack.framework,
      title: pack.title,
      version: pack.version,
      packVersion: pack.packVersion,
      model: pack.model,
    },
    assessment: { title: assessment.title, modelVersion: model.version },
    rule: { threshold, thresholdName: levelName(model, threshold) },
    summary: {
      controls: controls.length,
      supported: count('supported'),
      'partly-supported': count('partly-supported'),
      gap: count('gap'),
    },
    controls,
    gaps,
    audited,
  };
}
