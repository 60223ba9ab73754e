import type { Assessment } from '../../core/assessment/assessment.types.js';
import type { ScanListItem, SuggestionView } from '../../core/scan/scan-views.js';
import type { EvidenceRecord } from '../../persistence/repositories/assessments/evidence.js';
import type { SuggestionRecord } from '../../persistence/repositories/scans.js';

export type { ScanDetail, ScanListItem, SuggestionView } from '../../core/scan/scan-views.js';

/** The evidence item's text holds the summary and inputs, so lists never load the inventory. */
export function scanListItem(record: EvidenceRecord): ScanListItem {
  const head = JSON.parse(record.text ?? '{}') as Pick<ScanListItem, 'summary' | 'inputs'>;
  return {
    id: record.id,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    summary: head.summary,
    inputs: head.inputs,
  };
}

export function suggestionView(record: SuggestionRecord, assessment: Assessment): SuggestionView {
  return {
    id: record.id,
    scanId: record.scanId,
    requirement: record.requirement,
    rule: record.rule,
    level: record.level,
    reasoning: record.reasoning,
    status: record.status,
    ...(record.decidedLevel === null ? {} : { decidedLevel: record.decidedLevel }),
    ...(record.decidedBy === null ? {} : { decidedBy: record.decidedBy }),
    ...(record.decidedAt === null ? {} : { decidedAt: record.decidedAt }),
    currentLevel: assessment.requirements[record.requirement]?.level ?? 0,
  };
}
