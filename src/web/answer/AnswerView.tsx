import { useMemo, useState } from 'react';
import type { Rating } from '../../core/assessment/assessment.types.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import { api } from '../api/endpoints.js';
import { permissionsFor, roleOn } from '../app/permissions.js';
import { useSession } from '../app/session.js';
import { ConflictDialog } from '../autosave/ConflictDialog.js';
import { SaveStatusView } from '../autosave/SaveStatusView.js';
import type { Editor } from '../autosave/useAssessmentEditor.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { isSharedModule, useCycleInfo } from '../cycles/useCycleInfo.js';
import { DetailsForm } from './DetailsForm.js';
import { ItemEditor } from './ItemEditor.js';
import { ItemNav } from './ItemNav.js';
import { isOutOfScope, itemsOf, progressOf } from './items.js';
import { ScorePanel } from './ScorePanel.js';
import { StatusControl } from './StatusControl.js';
import { useAnswerKeys } from './useAnswerKeys.js';
import { ParticipationNotice } from '../review/ParticipationNotice.js';
import { useParticipation } from '../review/useParticipation.js';

function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function AnswerView({ editor }: { editor: Editor }) {
  const t = useT();
  const { record, model, assessment, change, conflict } = editor;
  const items = useMemo(() => itemsOf(model, record.mode), [model, record.mode]);
  // The current item survives a reload of the tab (not shared between tabs).
  const storageKey = `pkimm.item.${record.id}`;
  const [current, setCurrentState] = useState(() => {
    const index = items.findIndex((i) => i.key === sessionStorage.getItem(storageKey));
    return index < 0 ? 0 : index;
  });
  const setCurrent = (index: number) => {
    setCurrentState(index);
    const key = items[index]?.key;
    if (key) sessionStorage.setItem(storageKey, key);
  };
  const [askNa, setAskNa] = useState(false);
  const evidence = useAsync(
    () => (record.mode === 'full' ? api.evidence(record.id) : Promise.resolve({ evidence: [] })),
    [record.id, record.mode],
  );
  const report = useMemo(() => scoreAssessment(model, assessment), [model, assessment]);
  const { me } = useSession();
  const readOnly = record.status === 'final';
  const byRole = permissionsFor(roleOn(me, record), record.status);
  // The assessment's participants may narrow what the role allows (never widen it).
  const workflow = useParticipation(me, record, byRole);
  const may = workflow.may;
  // After the first move or pick, each new item takes focus on its title (not on first load,
  // where the page heading has it).
  const [moved, setMoved] = useState(false);
  // Once per assessment (and when its evidence changes), not per item: moving must not fetch.
  const cycle = useCycleInfo(record.id, evidence.data?.evidence.length ?? 0).data;
  const shared = (moduleId: string) => isSharedModule(cycle, moduleId);
  const item = items[current];
  const progress = progressOf(assessment, items);

  function move(delta: number) {
    const next = Math.min(items.length - 1, Math.max(0, current + delta));
    setAskNa(false);
    setMoved(true);
    setCurrent(next);
  }

  useAnswerKeys(
    {
      rate: (level: Rating) => {
        if (!item || !may.rate || shared(item.module.id) || isOutOfScope(assessment, item)) return;
        change({ target: item.kind, key: item.key, field: 'level', value: level });
      },
      markNa: () => {
        if (item && may.rate && !shared(item.module.id) && !isOutOfScope(assessment, item)) setAskNa(true);
      },
      move,
    },
    conflict === null,
  );

  return (
    <>
      <h1 tabIndex={-1}>{t('answer.title', { title: record.title })}</h1>
      <div className="row">
        <SaveStatusView queue={editor.queue} />
        <StatusControl status={record.status} canMoveTo={may.canMoveTo} onChange={editor.setStatus} />
        <Link to={{ page: 'results', assessmentId: record.id }} className="button">
          {t('answer.results')}
        </Link>
        <Link to={{ page: 'scan', assessmentId: record.id }} className="button">
          {t('scan.link')}
        </Link>
        <Link to={{ page: 'onsite', assessmentId: record.id }} className="button">
          {t('onsite.link')}
        </Link>
        <Link to={{ page: 'assurance', assessmentId: record.id }} className="button">
          {t('assurance.link')}
        </Link>
        <Link to={{ page: 'crosswalk', assessmentId: record.id }} className="button">
          {t('crosswalk.link')}
        </Link>
      </div>
      {readOnly && <p>{t('answer.readOnly')}</p>}
      {!readOnly && may.role !== null && (!byRole.rate || !byRole.annotate) && (
        <p>{t('answer.roleNotice', { role: t(`role.${may.role}`) })}</p>
      )}
      {!readOnly && <ParticipationNotice may={may} assessmentId={record.id} />}
      <DetailsForm assessment={assessment} disabled={!may.rate} onSave={editor.setMetadata} />
      <div>
        <label htmlFor="overall-progress">{t('answer.progress')}</label>{' '}
        <progress id="overall-progress" max={progress.total} value={progress.done} />{' '}
        {t('answer.progressOf', { done: progress.done, total: progress.total })}
      </div>
      <details>
        <summary>{t('answer.keys')}</summary>
        <p>{t('answer.keysBody')}</p>
      </details>
      <div className="answer-layout">
        <ItemNav
          model={model}
          items={items}
          assessment={assessment}
          current={current}
          onSelect={(index) => {
            setAskNa(false);
            setMoved(true);
            setCurrent(index);
          }}
        />
        <div>
          {item && (
            <ItemEditor
              key={item.key}
              item={item}
              model={model}
              assessment={assessment}
              canRate={may.rate}
              canAnnotate={may.annotate}
              focusTitle={moved}
              cycle={cycle}
              askNa={askNa}
              onAskNa={setAskNa}
              onChange={change}
              assessmentId={record.id}
              evidence={evidence.data?.evidence ?? []}
              onEvidenceAdded={evidence.reload}
              workflow={workflow}
              writeRating={editor.writeThrough}
            />
          )}
          <div className="row">
            <button type="button" disabled={current === 0} onClick={() => move(-1)}>
              {t('answer.previous')}
            </button>
            <button type="button" disabled={current >= items.length - 1} onClick={() => move(1)}>
              {t('answer.next')}
            </button>
          </div>
        </div>
        <ScorePanel report={report} categoryKey={item?.category.key ?? ''} />
      </div>
      {conflict && (
        <ConflictDialog
          field={conflict.conflict.change.field}
          itemKey={conflict.conflict.change.key}
          theirs={display(conflict.theirs)}
          yours={display(conflict.conflict.change.value)}
          onChoose={conflict.resolve}
        />
      )}
    </>
  );
}
