import { useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import type { AssessmentRecord, ImportReport } from '../api/types.js';
import { ChoiceRadios } from '../components/ChoiceRadios.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { navigate } from '../router/routes.js';

const MODES = ['merge', 'replace', 'keep'] as const;
type Mode = (typeof MODES)[number];

/**
 * A file (ours, the official export, or the workbook) into this assessment: merge it, replace
 * the content with it (both are a new revision that can be restored), or keep both as a new
 * assessment. A refused file changes nothing and says why.
 */
export function ImportForm({
  orgId,
  target,
  onImported,
}: {
  orgId: string;
  /** The assessment to import into; without it the file always becomes a new assessment. */
  target?: AssessmentRecord;
  onImported?: () => void;
}) {
  const t = useT();
  const [mode, setMode] = useState<Mode>(target ? 'merge' : 'keep');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setError(undefined);
    setReport(null);
    setBusy(true);
    try {
      if (mode === 'keep' || !target) {
        const created = await api.importNew(orgId, file);
        navigate({ page: 'answer', assessmentId: created.id });
        return;
      }
      const result = await api.importInto(target.id, target.version, mode, file);
      setReport(result.report);
      onImported?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack narrow" onSubmit={(e) => void submit(e)}>
      <label className="field">
        {t('exchange.importFile')}
        <input
          type="file"
          required
          accept=".yaml,.yml,.json,.xlsx"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      {target && (
        <>
          <ChoiceRadios
            legend="exchange.importMode"
            name="import-mode"
            values={MODES}
            value={mode}
            prefix="exchange.mode"
            onChange={setMode}
          />
          <p className="muted">{t(`exchange.modeHelp.${mode}`)}</p>
        </>
      )}
      <p>
        <button type="submit" className="primary" disabled={busy}>
          {t('exchange.import')}
        </button>
      </p>
      <ErrorAlert error={error} />
      {report && (
        <p role="status">
          {t('exchange.imported', {
            added: report.added.length,
            changed: report.changed.length,
            removed: report.removed.length,
            kept: report.kept,
          })}
        </p>
      )}
    </form>
  );
}
