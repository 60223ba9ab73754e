import { useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PasswordField } from '../components/PasswordField.js';
import { useT } from '../i18n/useT.js';

export function SignInPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.signIn(email, password);
      await onSignedIn();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <section className="narrow">
      <h1 tabIndex={-1}>{t('signIn.title')}</h1>
      <ErrorAlert error={error} />
      <form onSubmit={(e) => void submit(e)} className="stack">
        <label className="field">
          {t('signIn.email')}
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <PasswordField
          label={t('signIn.password')}
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
