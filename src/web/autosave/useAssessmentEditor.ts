import { useCallback, useEffect, useRef, useState } from 'react';
import type { Assessment } from '../../core/assessment/assessment.types.js';
import type { Model } from '../../core/model/model.types.js';
import { api, loadModel } from '../api/endpoints.js';
import type { AnswerChange, AssessmentRecord, MetadataChange } from '../api/types.js';
import { applyChange, valueAt } from '../score/applyChange.js';
import { fromDocument } from '../score/fromDocument.js';
import { AutosaveQueue, type Conflict, type Resolution } from './AutosaveQueue.js';
import type { QueuedChange } from './storage.js';

export interface PendingConflict {
  conflict: Conflict;
  theirs: unknown;
  resolve: (choice: Resolution) => void;
}

export interface Editor {
  record: AssessmentRecord;
  model: Model;
  assessment: Assessment;
  queue: AutosaveQueue;
  conflict: PendingConflict | null;
  change: (change: AnswerChange) => void;
  setStatus: (status: AssessmentRecord['status']) => Promise<void>;
  /** Title, type and scope after creation; waits for pending answers like a status change. */
  setMetadata: (patch: MetadataChange) => Promise<void>;
  /**
   * A write of this page through another endpoint that makes a revision (e.g. a consensus
   * rating): sent against the current version once nothing waits to be saved, then the page
   * takes the server's document and version, so the next autosave does not meet a 409.
   */
  writeThrough: (send: (version: number) => Promise<{ version: number }>) => Promise<void>;
}

type EditorState = Omit<Editor, 'change' | 'setStatus' | 'setMetadata' | 'writeThrough'>;

function fold(base: Assessment, pending: readonly QueuedChange[]): Assessment {
  return pending.reduce((a, item) => applyChange(a, item.change), base);
}

/** Loads an assessment and its model, and keeps a local copy that every change updates at once and autosaves. */
export function useAssessmentEditor(assessmentId: string): { editor: Editor | null; error: unknown } {
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const queueRef = useRef<AutosaveQueue | null>(null);
  const latest = useRef<Assessment | null>(null);
  latest.current = editor?.assessment ?? null;

  useEffect(() => {
    let live = true;
    let queue: AutosaveQueue | null = null;
    (async () => {
      const record = await api.assessment(assessmentId);
      const model = await loadModel(record.model.id, record.model.version);
      if (!live) return;
      const update = (patch: Partial<EditorState>) => live && setEditor((e) => (e ? { ...e, ...patch } : e));
      queue = new AutosaveQueue(assessmentId, record.version, {
        onSaved: () => undefined,
        onConflict: (conflict) =>
          new Promise<Resolution>((resolve) => {
            const theirs = valueAt(fromDocument(conflict.document), conflict.change);
            // Someone changed another field: nothing to decide, send mine on top of theirs.
            const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
            if (same(theirs, conflict.before)) return resolve('mine');
            // The server already holds my value (e.g. sent from another tab): nothing is lost.
            if (same(theirs, conflict.change.value)) return resolve('theirs');
            update({
              conflict: {
                conflict,
                theirs,
                resolve: (choice) => {
                  update({ conflict: null });
                  resolve(choice);
                },
              },
            });
          }),
        onRebase: (document, pending) => update({ assessment: fold(fromDocument(document), pending) }),
        onRejected: () => {
          void api.assessment(assessmentId).then((fresh) => {
            if (queue)
              update({ record: fresh, assessment: fold(fromDocument(fresh.document), queue.pending) });
          });
        },
      });
      queueRef.current = queue;
      setEditor({
        record,
        model,
        assessment: fold(fromDocument(record.document), queue.pending),
        queue,
        conflict: null,
      });
      queue.start();
    })().catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
      queue?.dispose();
    };
  }, [assessmentId]);

  const change = useCallback((c: AnswerChange) => {
    const before = latest.current ? valueAt(latest.current, c) : undefined;
    if (latest.current) latest.current = applyChange(latest.current, c);
    setEditor((e) => (e ? { ...e, assessment: applyChange(e.assessment, c) } : e));
    queueRef.current?.enqueue(c, before);
  }, []);

  const setStatus = useCallback(
    async (status: AssessmentRecord['status']) => {
      const queue = queueRef.current;
      if (!queue || queue.pending.length > 0) return;
      const record = await api.setStatus(assessmentId, queue.currentVersion, status);
      queue.adopt(record.version);
      setEditor((e) => (e ? { ...e, record } : e));
    },
    [assessmentId],
  );

  const setMetadata = useCallback(
    async (patch: MetadataChange) => {
      const queue = queueRef.current;
      if (!queue) return;
      if (queue.pending.length > 0) throw new Error('answers are still being saved; try again in a moment');
      const record = await api.updateMetadata(assessmentId, queue.currentVersion, patch);
      queue.adopt(record.version);
      setEditor((e) =>
        e ? { ...e, record, assessment: fold(fromDocument(record.document), queue.pending) } : e,
      );
    },
    [assessmentId],
  );

  const writeThrough = useCallback(
    async (send: (version: number) => Promise<{ version: number }>) => {
      const queue = queueRef.current;
      if (!queue) return;
      if (queue.pending.length > 0) throw new Error('answers are still being saved; try again in a moment');
      const { version } = await send(queue.currentVersion);
      queue.adopt(version);
      const record = await api.assessment(assessmentId);
      queue.adopt(record.version);
      setEditor((e) =>
        e ? { ...e, record, assessment: fold(fromDocument(record.document), queue.pending) } : e,
      );
    },
    [assessmentId],
  );

  return {
    editor: editor ? { ...editor, change, setStatus, setMetadata, writeThrough } : null,
    error,
  };
}
