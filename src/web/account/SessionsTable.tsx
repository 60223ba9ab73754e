import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PasswordField } from '../components/PasswordField.js';
import { useT } from '../i18n/useT.js';
import { accountApi, type SessionInfo } from './account-api.js';

/**
 * The user's sessions with a way to end one or all of the others. Ending asks for the password
 * again (the server checks it), so a borrowed unlocked browser cannot throw the owner out.
 */
export function SessionsTable({ sessions, onEnded }: { sessions: SessionInfo[]; onEnded: () => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [ended, setEnded] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const others = sessions.filter((s) => !s.current);
  const when = (iso: string) => new Date(iso).toLocaleString();

  async function end(session?: string) {
    setError(undefined);
    setEnded(undefined);
    setBusy(true);
    try {
      setEnded((await accountApi.endSessions(password, session)).ended);
      setPassword('');
      onEnded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void end();
  };

  return (
    <>
      <ErrorAlert error={error} />
      <p role="status">{ended === undefined ? '' : t('account.ended', { count: ended })}</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('account.session')}</th>
            <th scope="col">{t('account.started')}</th>
            <th scope="col">{t('account.lastSeen')}</th>
            <th scope="col">{t('account.expires')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('account.end')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>
                <code>{s.id}</code> {s.current && <strong>({t('account.thisOne')})</strong>}
              </td>
              <td>{when(s.createdAt)}</td>
              <td>{when(s.lastSeenAt)}</td>
              <td>{when(s.expiresAt)}</td>
              <td>
                {!s.current && (
                  <button
                    type="button"
                    disabled={busy || password === ''}
                    aria-label={t('account.endOne', { id: s.id })}
                    onClick={() => void end(s.id)}
                  >
                    {t('account.end')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others.length === 0 ? (
        <p>{t('account.none')}</p>
      ) : (
        <form onSubmit={submit} className="stack">
          <PasswordField
            label={t('account.confirmPassword')}
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
          />
          <button type="submit" disabled={busy}>
            {t('account.endOthers')}
          </button>
        </form>
      )}
    </>
  );
}
