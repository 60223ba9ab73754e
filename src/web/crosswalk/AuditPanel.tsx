import { useState } from 'react';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { AuditForm } from './AuditForm.js';
import { crosswalkApi, type AuditEntry, type AuditReply } from './crosswalk-api.js';
import { OutsideLink } from './ReportLink.js';

type WriteThrough = (send: (version: number) => Promise<{ version: number }>) => Promise<void>;

/**
 * "Already audited" on a requirement of the answer page: an existing audit recorded as answering
 * it. Each save or removal is a revision of its own, sent through the page's editor so the
 * autosave queue continues from the version it produced.
 */
export function AuditPanel({
  assessmentId,
  requirementKey,
  canEdit,
  writeThrough,
}: {
  assessmentId: string;
  requirementKey: string;
  /** The `annotate` capability on an assessment that is not final. */
  canEdit: boolean;
  writeThrough: WriteThrough;
}) {
  const audits = useAsync(() => crosswalkApi.audits(assessmentId), [assessmentId]);
  if (!audits.data) return null;
  const { audits: byKey } = audits.data;
  const initial = Object.hasOwn(byKey, requirementKey) ? byKey[requirementKey]! : null;
  return (
    <AuditDetails
      assessmentId={assessmentId}
      requirementKey={requirementKey}
      initial={initial}
      canEdit={canEdit}
      writeThrough={writeThrough}
    />
  );
}

function AuditDetails({
  assessmentId,
  requirementKey,
  initial,
  canEdit,
  writeThrough,
}: {
  assessmentId: string;
  requirementKey: string;
  initial: AuditEntry | null;
  canEdit: boolean;
  writeThrough: WriteThrough;
}) {
  const t = useT();
  const [entry, setEntry] = useState(initial);
  // Collapsed unless an audit is recorded: most requirements have none.
  const [open, setOpen] = useState(initial !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState('');
  // The form restarts from the stored entry after each write.
  const [formKey, setFormKey] = useState(0);
  const summaryId = `audit-${requirementKey}`;

  async function write(send: (version: number) => Promise<AuditReply>, message: string) {
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      let reply: AuditReply | undefined;
      await writeThrough(async (version) => (reply = await send(version)));
      if (reply) {
        setEntry(reply.credit);
        setFormKey((n) => n + 1);
        setDone(message);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="audit-panel" aria-labelledby={summaryId} data-testid="audit-panel">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary id={summaryId}>{t('crosswalk.panel')}</summary>
        <p className="muted">{t('crosswalk.panelIntro')}</p>
        {entry ? (
          <div data-testid="audit-entry">
            <p className="prewrap">{t('crosswalk.panelSet', { audit: entry.audit, date: entry.date })}</p>
            <p>
              <OutsideLink href={entry.reportUrl}>{t('crosswalk.reportLink')}</OutsideLink>
              {entry.framework && ` · ${entry.framework}`}
            </p>
            {entry.note && <p className="prewrap">{entry.note}</p>}
          </div>
        ) : (
          <p>{t('crosswalk.panelNone')}</p>
        )}
        <p role="status">{done}</p>
        {canEdit && (
          <AuditForm
            key={formKey}
            idPrefix={summaryId}
            entry={entry}
            busy={busy}
            error={error}
            onSave={(next) =>
              void write(
                (version) => crosswalkApi.setAudit(assessmentId, version, requirementKey, next),
                t('crosswalk.saved'),
              )
            }
            onRemove={() =>
              void write(
                (version) => crosswalkApi.removeAudit(assessmentId, version, requirementKey),
                t('crosswalk.removed'),
              )
            }
          />
        )}
      </details>
    </section>
  );
}
