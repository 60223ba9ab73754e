import { useState } from 'react';
import { api } from '../api/endpoints.js';
import type { Evidence } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Links and files tied to one requirement: listed, and added (a link as JSON, a file as multipart). */
export function EvidenceFiles({
  assessmentId,
  requirement,
  evidence,
  canAnnotate,
  onChanged,
}: {
  assessmentId: string;
  requirement: string;
  evidence: Evidence[];
  canAnnotate: boolean;
  /** Called after a link or file was added or removed, to reload the list. */
  onChanged: () => void;
}) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [fileTitle, setFileTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  // Removing asks once more: a stray click must not lose a file.
  const [confirming, setConfirming] = useState<string | null>(null);
  const own = evidence.filter((e) => e.requirements.includes(requirement) && e.kind !== 'text');

  async function run(event: { preventDefault(): void }, action: () => Promise<unknown>, reset: () => void) {
    event.preventDefault();
    setError(undefined);
    try {
      await action();
      reset();
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="evidence-files">
      <h3 id="evidence-files">{t('evidence.title')}</h3>
      {own.length === 0 ? (
        <p>{t('evidence.none')}</p>
      ) : (
        <ul>
          {own.map((e) => (
            <li key={e.id}>
              {e.kind === 'link' && e.url && isHttp(e.url) ? (
                <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">
                  {e.title}
                </a>
              ) : (
                <a href={`/api/v1/evidence/${encodeURIComponent(e.id)}/content`} download>
                  {t('evidence.download', { name: e.title })}
                </a>
              )}
              {canAnnotate &&
                (confirming === e.id ? (
                  <span role="group" aria-label={t('evidence.confirmRemove', { name: e.title })}>
                    {' '}
                    {t('evidence.confirmRemove', { name: e.title })}{' '}
                    <button
                      type="button"
                      onClick={(event) =>
                        void run(
                          event,
                          () => api.deleteEvidence(e.id),
                          () => setConfirming(null),
                        )
                      }
                    >
                      {t('evidence.removeYes')}
                    </button>{' '}
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('evidence.removeNo')}
                    </button>
                  </span>
                ) : (
                  <>
                    {' '}
                    <button type="button" onClick={() => setConfirming(e.id)}>
                      {t('evidence.remove', { name: e.title })}
                    </button>
                  </>
                ))}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={error} />
      {canAnnotate && (
        <div className="row">
          <form
            className="stack"
            onSubmit={(e) =>
              void run(
                e,
                () => api.addLink(assessmentId, requirement, title, url),
                () => {
                  setTitle('');
                  setUrl('');
                },
              )
            }
          >
            <label className="field">
              {t('evidence.linkTitle')}
              <input required value={title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label className="field">
              {t('evidence.url')}
              <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
            </label>
            <button type="submit">{t('evidence.addLink')}</button>
          </form>
          <form
            className="stack"
            onSubmit={(e) =>
              void run(
                e,
                () => (file ? api.upload(assessmentId, requirement, file, fileTitle) : Promise.resolve()),
                () => {
                  setFile(null);
                  setFileTitle('');
                  (e.target as HTMLFormElement).reset();
                },
              )
            }
          >
            <label className="field">
              {t('evidence.fileTitle')}
              <input value={fileTitle} onChange={(e) => setFileTitle(e.target.value)} />
            </label>
            <label className="field">
              {t('evidence.file')}
              <input type="file" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </label>
            <button type="submit">{t('evidence.upload')}</button>
          </form>
        </div>
      )}
    </section>
  );
}
