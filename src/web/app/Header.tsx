import { useContext } from 'react';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { navigate } from '../router/routes.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { SessionContext } from './session.js';

export function Header() {
  const t = useT();
  const session = useContext(SessionContext);
  const orgs = session?.me.organisations ?? [];
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        {t('app.name')}
      </a>
      {session && session.orgId && (
        <nav aria-label={t('header.nav')}>
          <ul className="nav-list">
            <li>
              <Link to={{ page: 'org', orgId: session.orgId }}>{t('header.assessments')}</Link>
            </li>
            <li>
              <Link to={{ page: 'compare', orgId: session.orgId }}>{t('header.compare')}</Link>
            </li>
            <li>
              <Link to={{ page: 'portfolio', orgId: session.orgId }}>{t('cycles.portfolio')}</Link>
            </li>
            <li>
              <Link to={{ page: 'plans', orgId: session.orgId }}>{t('plans.link')}</Link>
            </li>
            <li>
              <Link to={{ page: 'members', orgId: session.orgId }}>{t('header.members')}</Link>
            </li>
          </ul>
        </nav>
      )}
      <div className="header-tools">
        {session && orgs.length > 0 && (
          <label className="inline-field">
            {t('header.organisation')}
            <select
              value={session.orgId ?? ''}
              onChange={(e) => {
                session.setOrgId(e.target.value);
                navigate({ page: 'org', orgId: e.target.value });
              }}
            >
              {orgs.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <LanguageSwitch />
        {session && (
          <>
            <span className="user">{t('header.signedInAs', { name: session.me.user.name })}</span>
            <Link to={{ page: 'account' }}>{t('account.link')}</Link>
            <button type="button" onClick={() => void session.signOut()}>
              {t('header.signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
