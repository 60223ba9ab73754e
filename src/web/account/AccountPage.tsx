import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../core/access/password-rule.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PasswordField } from '../components/PasswordField.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { accountApi } from './account-api.js';
import { SessionsTable } from './SessionsTable.js';

/** The signed-in user's own account: a password change and the list of their sessions. */
export default function AccountPage() {
  const t = useT();
  const sessions = useAsync(() => accountApi.sessions(), []);
  return (
    <section className="narrow">
      <h1 tabIndex={-1}>{t('account.title')}</h1>
      <PasswordForm onChanged={sessions.reload} />
      <h2>{t('account.sessions')}</h2>
      <p>{t('account.sessionsIntro')}</p>
      {sessions.data ? (
        <SessionsTable sessions={sessions.data} onEnded={sessions.reload} />
      ) : sessions.error ? (
        <ErrorAlert error={sessions.error} />
      ) : (
        <p>{t('app.loading')}</p>
      )}
    </section>
  );
}

function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(undefined);
    if (next !== repeat) return setError(new Error(t('account.mismatch')));
    setError(undefined);
    setBusy(true);
    try {
      const { endedSessions } = await accountApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(endedSessions);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="stack" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.password')}</h2>
      <p>{t('account.passwordIntro')}</p>
      <ErrorAlert error={error} />
      <p role="status">{done === undefined ? '' : t('account.changed', { count: done })}</p>
      <PasswordField
        label={t('account.current')}
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
      />
      <PasswordField
        label={t('account.new')}
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        meter
        value={next}
        onChange={setNext}
      />
      <PasswordField
        label={t('account.repeat')}
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('account.change')}
      </button>
    </form>
  );
}
