import { useLayoutEffect, useRef } from 'react';
import type { Assessment, Rating } from '../../core/assessment/assessment.types.js';
import type { Model } from '../../core/model/model.types.js';
import type { AnswerChange, Evidence } from '../api/types.js';
import { useT } from '../i18n/useT.js';
import { EvidenceFiles } from './EvidenceFiles.js';
import { isOutOfScope, type Item } from './items.js';
import { LevelCards, type LevelOption } from './LevelCards.js';
import { NotApplicable } from './NotApplicable.js';
import { TextAnswer } from './TextAnswer.js';
import { CycleNote } from '../cycles/CycleNote.js';
import type { CycleInfo } from '../cycles/cycles-api.js';
import { isSharedModule } from '../cycles/useCycleInfo.js';
import { PlanSection } from '../plans/PlanSection.js';
import { ReviewPanel } from '../review/ReviewPanel.js';
import { AuditPanel } from '../crosswalk/AuditPanel.js';
import type { Workflow } from '../review/useParticipation.js';

/** The answer form of one category (self mode) or one requirement (full mode). */
export function ItemEditor({
  item,
  model,
  assessment,
  canRate: mayRate,
  canAnnotate: mayAnnotate,
  focusTitle,
  cycle,
  askNa,
  onAskNa,
  onChange,
  assessmentId,
  evidence,
  onEvidenceAdded,
  workflow,
  writeRating,
}: {
  assessmentId: string;
  evidence: Evidence[];
  onEvidenceAdded: () => void;
  /** The participants' narrowing and names, loaded once by the page. */
  workflow: Workflow;
  writeRating: (send: (version: number) => Promise<{ version: number }>) => Promise<void>;
  item: Item;
  model: Model;
  assessment: Assessment;
  /** Levels and N/A (role `rate`, not final). */
  canRate: boolean;
  /** Notes, evidence, flag and complete (role `annotate`, not final). */
  canAnnotate: boolean;
  /** Put focus on the title when this item appears (after a move, not on first load). */
  focusTitle: boolean;
  /** The assessment's cycle data (baseline, shared source, evidence age), loaded once by the page. */
  cycle: CycleInfo | undefined;
  askNa: boolean;
  onAskNa: (open: boolean) => void;
  onChange: (change: AnswerChange) => void;
}) {
  const t = useT();
  // Shared Governance and Resources answers are changed in their source assessment only.
  const canRate = mayRate && !isSharedModule(cycle, item.module.id);
  const canAnnotate = mayAnnotate && !isSharedModule(cycle, item.module.id);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // In the commit itself, not a timer: a key pressed right after a move (N opens the reason
  // box and focuses it) must never have its focus taken back by a late title focus.
  useLayoutEffect(() => {
    if (focusTitle) titleRef.current?.focus();
    // Only when the item mounts (the parent keys it by item).
  }, []);
  const target = item.kind;
  const key = item.key;
  const entry = item.kind === 'category' ? assessment.categories[key] : assessment.requirements[key];
  const requirement = item.kind === 'requirement' ? assessment.requirements[key] : undefined;
  const level: Rating = entry?.level ?? 0;
  const ownNa = entry?.applicability === 'not-applicable';
  const inheritedNa = !ownNa && isOutOfScope(assessment, item);
  const title =
    item.kind === 'category'
      ? `${item.category.position} ${item.category.name}`
      : `${item.requirement.position} ${item.requirement.name}`;

  const options: LevelOption[] = model.levels.map((definition) => ({
    number: definition.number,
    name: definition.name,
    description:
      item.kind === 'category'
        ? (item.category.levels.find((l) => l.number === definition.number)?.description ??
          definition.meaning)
        : definition.meaning,
  }));

  return (
    <article className="item current" aria-labelledby="item-title">
      <p className="muted">
        {item.module.id} {item.module.name}
        {item.kind === 'requirement' && ` › ${item.category.position} ${item.category.name}`}
      </p>
      <h2 id="item-title" ref={titleRef} tabIndex={-1}>
        {title}
      </h2>
      {item.kind === 'category' && <p>{item.category.description}</p>}
      {item.kind === 'requirement' && (
        <>
          <h3>{t('answer.guidance')}</h3>
          <p className="prewrap">{item.requirement.guidance}</p>
          <h3>{t('answer.howToAssess')}</h3>
          <p className="prewrap">{item.requirement.assessment}</p>
        </>
      )}
      <CycleNote
        data={cycle}
        kind={item.kind}
        moduleId={item.module.id}
        itemKey={key}
        levelName={(n) => model.levels.find((l) => l.number === n)?.name ?? ''}
      />
      {!ownNa && !inheritedNa && (
        <>
          <LevelCards
            id={`level-${key}`}
            label={t('answer.levelPicker', { name: title })}
            options={options}
            value={level}
            disabled={!canRate}
            onChange={(value) => onChange({ target, key, field: 'level', value })}
          />
          <p>
            <button
              type="button"
              disabled={!canRate || level === 0}
              onClick={() => onChange({ target, key, field: 'level', value: 0 })}
            >
              {t('answer.clear')}
            </button>
          </p>
        </>
      )}
      {inheritedNa ? (
        <p>{t('applicability.not-applicable')}</p>
      ) : (
        <NotApplicable
          key={`${key}-${String(ownNa)}`}
          reason={entry?.reason}
          isNotApplicable={ownNa}
          askOpen={askNa}
          disabled={!canRate}
          onAsk={onAskNa}
          onMark={(reason) => {
            onAskNa(false);
            onChange({ target, key, field: 'applicability', value: 'not-applicable', reason });
          }}
          onUndo={() => onChange({ target, key, field: 'applicability', value: 'applicable' })}
        />
      )}
      <TextAnswer
        key={`notes-${key}`}
        label={t('answer.notes')}
        value={entry?.notes ?? ''}
        disabled={!canAnnotate}
        onSave={(value) => onChange({ target, key, field: 'notes', value })}
      />
      {item.kind === 'requirement' && (
        <>
          <TextAnswer
            key={`evidence-${key}`}
            label={t('answer.evidence')}
            value={requirement?.evidence ?? ''}
            disabled={!canAnnotate}
            onSave={(value) => onChange({ target, key, field: 'evidence', value })}
          />
          <div className="row">
            <label className="inline-field">
              <input
                type="checkbox"
                disabled={!canAnnotate}
                checked={requirement?.flagged === true}
                onChange={(e) => onChange({ target, key, field: 'flagged', value: e.target.checked })}
              />
              {t('answer.flag')}
            </label>
            <label className="inline-field">
              <input
                type="checkbox"
                disabled={!canAnnotate}
                checked={requirement?.completed === true}
                onChange={(e) => onChange({ target, key, field: 'completed', value: e.target.checked })}
              />
              {t('answer.complete')}
            </label>
          </div>
          <EvidenceFiles
            assessmentId={assessmentId}
            requirement={key}
            evidence={evidence}
            canAnnotate={canAnnotate}
            onChanged={onEvidenceAdded}
          />
          <ReviewPanel
            assessmentId={assessmentId}
            requirementKey={key}
            workflow={workflow}
            canRate={canRate}
            currentLevel={level}
            levelName={(n) => model.levels.find((l) => l.number === n)?.name ?? ''}
            writeRating={writeRating}
          />
          <AuditPanel
            assessmentId={assessmentId}
            requirementKey={key}
            canEdit={canAnnotate}
            writeThrough={writeRating}
          />
        </>
      )}
      <PlanSection assessmentId={assessmentId} item={item} model={model} canEdit={canAnnotate} />
    </article>
  );
}
