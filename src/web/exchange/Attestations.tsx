import { useState } from 'react';
import { api } from '../api/endpoints.js';
import type { AssessmentRecord } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';

/** Saves text as a file, for `pkimm attest verify` (the JWS itself, not the JSON around it). */
function saveText(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/jose' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Signed attestations of a final assessment: issued by owners, each with its public verification page. */
export function Attestations({ record, canIssue }: { record: AssessmentRecord; canIssue: boolean }) {
  const t = useT();
  const list = useAsync(() => api.attestations(record.id), [record.id]);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const final = record.status === 'final';

  async function issue() {
    setError(undefined);
    setBusy(true);
    try {
      await api.issueAttestation(record.id);
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const items = list.data ?? [];
  return (
    <>
      {items.length === 0 ? (
        <p>{t('attest.none')}</p>
      ) : (
        <ul>
          {items.map((a) => (
            <li key={a.id}>
              {t('attest.item', { date: new Date(a.issuedAt).toLocaleString(), issuer: a.issuer })}{' '}
              <code className="digest">{a.digest}</code>{' '}
              <a href={a.verifyUrl} target="_blank" rel="noopener noreferrer">
                {t('attest.verify', { id: a.id })}
              </a>{' '}
              <button type="button" onClick={() => saveText(`attestation-${a.id}.jws`, a.jws)}>
                {t('attest.download')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={list.error ?? error} />
      {canIssue && (
        <p>
          <button type="button" className="primary" disabled={!final || busy} onClick={() => void issue()}>
            {t('attest.issue')}
          </button>{' '}
          {!final && <span className="muted">{t('attest.finalOnly')}</span>}
        </p>
      )}
    </>
  );
}
