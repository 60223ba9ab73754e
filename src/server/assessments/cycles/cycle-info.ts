import { baselineOf, type Baseline } from '../../../core/cycles/next-cycle.js';
import { defaultReminder, reminderState, type ReminderState } from '../../../core/cycles/reminder.js';
import { isStale } from '../../../core/cycles/staleness.js';
import { PkimmError } from '../../../core/errors.js';
import { getAssessment } from '../../../persistence/repositories/assessments/assessments.js';
import { listEvidence } from '../../../persistence/repositories/assessments/evidence.js';
import { recordAudit } from '../../../persistence/repositories/audit.js';
import {
  getCycle,
  isSharedSource,
  saveCycle,
  type CycleRecord,
} from '../../../persistence/repositories/cycles.js';
import { requireCapability } from '../../auth/access.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../deps.js';
import { loadAssessment, type LoadedAssessment } from '../loaded-assessment.js';
import { openAssessment } from '../open-assessment.js';
import { placedAt } from './org-cycles.js';

export interface ReminderView {
  /** YYYY-MM-DD. */
  on: string;
  /** True when it is the default (a year after the assessment was made final), not one set by hand. */
  isDefault: boolean;
  state: ReminderState;
}

export interface CycleInfo {
  assessmentId: string;
  scopeKey: string;
  /** Where the Governance and Resources answers come from while this assessment is not final. */
  sharedSource: { assessmentId: string; title: string } | null;
  baseline: ({ assessmentId: string; title: string } & Baseline) | null;
  /** Set for final assessments (default or chosen) and for others with a chosen day. */
  reminder: ReminderView | null;
  evidence: {
    maxAgeMonths: number;
    items: { id: string; title: string; createdAt: string; requirements: string[]; stale: boolean }[];
  };
}

/** The assessment's cycle: scope, baseline ratings, reminder and the age of its evidence. */
export async function cycleInfo(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
): Promise<CycleInfo> {
  const opened = await openAssessment(deps, principal, id, 'read');
  return describeCycle(deps, opened, await getCycle(deps.database.db, id, opened.record.orgId));
}

export function reminderOf(
  deps: ServiceDeps,
  loaded: LoadedAssessment,
  cycle: CycleRecord,
): ReminderView | null {
  const now = deps.now();
  if (cycle.reminderOn !== null) {
    return { on: cycle.reminderOn, isDefault: false, state: reminderState(cycle.reminderOn, now) };
  }
  if (loaded.record.status !== 'final') return null;
  const on = defaultReminder(placedAt(loaded));
  return { on, isDefault: true, state: reminderState(on, now) };
}

async function describeCycle(
  deps: ServiceDeps,
  opened: LoadedAssessment,
  cycle: CycleRecord,
): Promise<CycleInfo> {
  const db = deps.database.db;
  const now = deps.now();
  const maxAgeMonths = deps.config.evidenceMaxAgeMonths;
  let baseline: CycleInfo['baseline'] = null;
  if (cycle.baselineId !== null) {
    const record = await getAssessment(db, cycle.baselineId);
    // A baseline from another organisation cannot happen (it is copied from the same one); checked anyway.
    if (record && record.orgId === opened.record.orgId) {
      const previous = await loadAssessment(deps, record);
      baseline = {
        assessmentId: record.id,
        title: previous.assessment.title,
        ...baselineOf(previous.assessment),
      };
    }
  }
  const evidence = await listEvidence(db, opened.record.id);
  return {
    assessmentId: opened.record.id,
    scopeKey: cycle.scopeKey,
    sharedSource: opened.sharedFrom ?? null,
    baseline,
    reminder: reminderOf(deps, opened, cycle),
    evidence: {
      maxAgeMonths,
      items: evidence.map((item) => ({
        id: item.id,
        title: item.title,
        createdAt: item.createdAt,
        requirements: item.requirementKeys,
        stale: isStale(item.createdAt, now, maxAgeMonths),
      })),
    },
  };
}

export interface CycleChange {
  scopeKey?: string | undefined;
  /** A day YYYY-MM-DD, or null to go back to the default. */
  reminderOn?: string | null | undefined;
  /** Another assessment to take Governance and Resources answers from, or null to answer them here. */
  sharedSourceId?: string | null | undefined;
}

/**
 * Names the assessment's scope or sets its reminder (role `rate`). A final assessment keeps
 * its scope, since its trend and roll-up are signed-off results, but its reminder can move.
 */
export async function updateCycle(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
  change: CycleChange,
): Promise<CycleInfo> {
  const opened = await openAssessment(deps, principal, id, 'read');
  requireCapability(opened.principal, opened.role, 'rate');
  const db = deps.database.db;
  const current = await getCycle(db, id, opened.record.orgId);
  if (
    change.scopeKey !== undefined &&
    change.scopeKey !== current.scopeKey &&
    opened.record.status === 'final'
  ) {
    throw new PkimmError('READ_ONLY', 'the scope of a final assessment cannot change', {
      issues: [{ path: 'scopeKey', message: 'the assessment is final' }],
    });
  }
  if (change.sharedSourceId !== undefined && change.sharedSourceId !== current.sharedSourceId) {
    if (opened.record.status === 'final') {
      throw new PkimmError('READ_ONLY', 'the shared answers of a final assessment cannot change', {
        issues: [{ path: 'sharedSourceId', message: 'the assessment is final' }],
      });
    }
    if (change.sharedSourceId !== null) await checkSource(deps, opened, change.sharedSourceId);
  }
  const next: CycleRecord = {
    ...current,
    ...(change.sharedSourceId === undefined ? {} : { sharedSourceId: change.sharedSourceId }),
    ...(change.scopeKey === undefined ? {} : { scopeKey: change.scopeKey }),
    ...(change.reminderOn === undefined ? {} : { reminderOn: change.reminderOn }),
  };
  const at = deps.now();
  await saveCycle(db, next, at.toISOString());
  await recordAudit(db, {
    orgId: opened.record.orgId,
    actorUserId: opened.principal.userId,
    event: 'assessment.cycle',
    detail: {
      assessmentId: id,
      before: { scopeKey: current.scopeKey, reminderOn: current.reminderOn },
      after: { scopeKey: next.scopeKey, reminderOn: next.reminderOn },
    },
    at,
  });
  // Re-read, so the answers shown (and sharedSource) follow the new link at once.
  return describeCycle(deps, await openAssessment(deps, principal, id, 'read'), next);
}

/**
 * A source must be another assessment of the same organisation and model version, and links
 * go one step only: a source shares nothing itself, and a consumer is nobody's source.
 */
async function checkSource(deps: ServiceDeps, consumer: LoadedAssessment, sourceId: string): Promise<void> {
  const db = deps.database.db;
  const source = await getAssessment(db, sourceId);
  const refuse = (message: string) =>
    new PkimmError('VALIDATION_FAILED', `cannot share answers with ${sourceId}: ${message}`, {
      issues: [{ path: 'sharedSourceId', message }],
    });
  if (!source || source.orgId !== consumer.record.orgId)
    throw refuse('no such assessment in this organisation');
  if (source.id === consumer.record.id) throw refuse('an assessment cannot be its own source');
  if (source.modelId !== consumer.record.modelId || source.modelVersion !== consumer.record.modelVersion) {
    throw refuse(
      `it is of model ${source.modelId} ${source.modelVersion}, this one of ${consumer.record.modelVersion}`,
    );
  }
  if ((await getCycle(db, source.id, source.orgId)).sharedSourceId !== null) {
    throw refuse('it takes its own shared answers from another assessment');
  }
  if (await isSharedSource(db, consumer.record.id)) {
    throw refuse('other assessments already take their shared answers from this one');
  }
}
