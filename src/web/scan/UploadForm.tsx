import { useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { CSV_PRESETS, lines, scanApi, type CsvPreset, type ScanDetail, type SuggestionView } from './api.js';

/** The form that starts a scan: files, the CSV preset, a PKCS#12 password, TLS endpoints and known issuers. */
export function UploadForm({
  assessmentId,
  onScanned,
}: {
  assessmentId: string;
  onScanned: (scan: ScanDetail, suggestions: SuggestionView[]) => void;
}) {
  const t = useT();
  const filesRef = useRef<HTMLInputElement>(null);
  const [preset, setPreset] = useState<CsvPreset>('generic');
  const [password, setPassword] = useState('');
  const [tls, setTls] = useState('');
  const [issuers, setIssuers] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const files = [...(filesRef.current?.files ?? [])];
    setDone('');
    if (files.length === 0 && !lines(tls)) {
      setError(new Error(t('scan.nothing')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { scan, suggestions } = await scanApi.run(assessmentId, {
        files,
        tls,
        csvPreset: preset,
        knownIssuers: issuers,
        pkcs12Password: password,
      });
      // The password served this scan only; the files are in the scan now.
      setPassword('');
      if (filesRef.current) filesRef.current.value = '';
      setDone(
        t('scan.done', {
          certificates: scan.summary.certificates,
          unique: scan.summary.unique,
          skipped: scan.summary.skipped,
          suggestions: suggestions.length,
        }),
      );
      onScanned(scan, suggestions);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="scan-form">
      <h2 id="scan-form">{t('scan.form')}</h2>
      <form className="stack scan-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="scan-files">{t('scan.files')}</label>
          <input id="scan-files" type="file" multiple ref={filesRef} aria-describedby="scan-files-hint" />
          <span id="scan-files-hint" className="muted">
            {t('scan.filesHint')}
          </span>
        </div>
        <div className="scan-fields">
          <div className="field">
            <label htmlFor="scan-preset">{t('scan.csvPreset')}</label>
            <select id="scan-preset" value={preset} onChange={(e) => setPreset(e.target.value as CsvPreset)}>
              {CSV_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {t(`scan.preset.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="scan-password">{t('scan.password')}</label>
            <input
              id="scan-password"
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-describedby="scan-password-hint"
            />
            <span id="scan-password-hint" className="muted">
              {t('scan.passwordHint')}
            </span>
          </div>
        </div>
        <div className="scan-fields">
          <div className="field">
            <label htmlFor="scan-tls">{t('scan.tls')}</label>
            <textarea
              id="scan-tls"
              rows={4}
              value={tls}
              spellCheck={false}
              onChange={(e) => setTls(e.target.value)}
              aria-describedby="scan-tls-hint"
            />
            <span id="scan-tls-hint" className="muted">
              {t('scan.tlsHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="scan-issuers">{t('scan.knownIssuers')}</label>
            <textarea
              id="scan-issuers"
              rows={4}
              value={issuers}
              spellCheck={false}
              onChange={(e) => setIssuers(e.target.value)}
              aria-describedby="scan-issuers-hint"
            />
            <span id="scan-issuers-hint" className="muted">
              {t('scan.knownIssuersHint')}
            </span>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('scan.submit')}
          </button>
          {busy && <span className="muted">{t('scan.busy')}</span>}
        </div>
        <ErrorAlert error={error} />
        <p role="status">{done}</p>
      </form>
    </section>
  );
}
