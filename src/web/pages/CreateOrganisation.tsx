import { useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import { useSession } from '../app/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { navigate } from '../router/routes.js';

export function CreateOrganisation() {
  const t = useT();
  const session = useSession();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const org = await api.createOrg(name);
      await session.reload();
      session.setOrgId(org.id);
      navigate({ page: 'org', orgId: org.id });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="create-org" className="narrow">
      <h2 id="create-org">{t('org.createTitle')}</h2>
      <ErrorAlert error={error} />
      <form onSubmit={(e) => void submit(e)} className="stack">
        <label className="field">
          {t('org.createName')}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          {t('org.createSubmit')}
        </button>
      </form>
    </section>
  );
}
