import { useState, type FormEvent } from 'react';
import { roleCan } from '../../core/access/capabilities.js';
import { api } from '../api/endpoints.js';
import { useSession } from '../app/session.js';
import type { Role } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { GrantForm } from './GrantForm.js';

const ROLES: Role[] = ['owner', 'assessor', 'contributor', 'viewer'];

export function MembersPage({ orgId }: { orgId: string }) {
  const t = useT();
  const { me } = useSession();
  const myRole = me.organisations.find((o) => o.id === orgId)?.role;
  const canManage = myRole !== undefined && roleCan(myRole, 'manage-members');
  const members = useAsync(() => api.members(orgId), [orgId]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('assessor');
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);

  async function invite(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    try {
      await api.invite(orgId, email, role);
      setEmail('');
      setDone(true);
      members.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('members.title')}</h1>
      {members.error !== undefined && <ErrorAlert error={members.error} />}
      {members.data && (
        <table className="data">
          <caption className="visually-hidden">{t('members.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.name}</th>
                <td>{m.email}</td>
                <td>{t(`role.${m.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!canManage && <p>{t('members.readOnly')}</p>}
      {canManage && (
        <>
          <section aria-labelledby="invite-title" className="narrow">
            <h2 id="invite-title">{t('members.invite')}</h2>
            <ErrorAlert error={error} />
            {done && <p role="status">{t('members.invited')}</p>}
            <form className="stack" onSubmit={(e) => void invite(e)}>
              <label className="field">
                {t('members.email')}
                <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
              </label>
              <label className="field">
                {t('members.role')}
                <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="primary">
                {t('members.submit')}
              </button>
            </form>
          </section>
          <GrantForm orgId={orgId} />
        </>
      )}
    </>
  );
}
