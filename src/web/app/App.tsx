import { useCallback, useEffect, useMemo, useState } from 'react';
import { UNAUTHENTICATED } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { ApiError } from '../api/errors.js';
import type { Me } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { SignInPage } from '../pages/SignInPage.js';
import { hrefOf, navigate } from '../router/routes.js';
import { useRoute } from '../router/useRoute.js';
import { Header } from './Header.js';
import { Page } from './Page.js';
import { SessionContext, type Session } from './session.js';
import { usePageFocus } from './usePageFocus.js';

const ORG_KEY = 'pkimm.org';

type Auth =
  | { state: 'loading' }
  | { state: 'signed-out' }
  | { state: 'error'; error: unknown }
  | { state: 'in'; me: Me };

export function App() {
  const t = useT();
  const route = useRoute();
  const [auth, setAuth] = useState<Auth>({ state: 'loading' });
  const [orgId, setOrgIdState] = useState<string | null>(() => localStorage.getItem(ORG_KEY));
  usePageFocus(hrefOf(route));

  const reload = useCallback(async () => {
    try {
      const me = await api.me();
      setAuth({ state: 'in', me });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setAuth({ state: 'signed-out' });
      else setAuth({ state: 'error', error });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    const onUnauthenticated = () => setAuth({ state: 'signed-out' });
    window.addEventListener(UNAUTHENTICATED, onUnauthenticated);
    return () => window.removeEventListener(UNAUTHENTICATED, onUnauthenticated);
  }, []);

  const setOrgId = useCallback((id: string) => {
    localStorage.setItem(ORG_KEY, id);
    setOrgIdState(id);
  }, []);

  const session = useMemo<Session | null>(() => {
    if (auth.state !== 'in') return null;
    const orgs = auth.me.organisations;
    const routeOrg = 'orgId' in route ? route.orgId : null;
    const chosen = orgs.find((o) => o.id === (routeOrg ?? orgId))?.id ?? orgs[0]?.id ?? null;
    return {
      me: auth.me,
      orgId: chosen,
      setOrgId,
      reload,
      signOut: async () => {
        try {
          await api.signOut();
        } finally {
          setAuth({ state: 'signed-out' });
          navigate({ page: 'sign-in' });
        }
      },
    };
  }, [auth, orgId, route, setOrgId, reload]);

  useEffect(() => {
    if (session && (route.page === 'home' || route.page === 'sign-in') && session.orgId) {
      navigate({ page: 'org', orgId: session.orgId });
    }
  }, [session, route.page]);

  let content;
  if (auth.state === 'loading') content = <p>{t('app.loading')}</p>;
  else if (auth.state === 'error')
    content = (
      <>
        <h1 tabIndex={-1}>{t('error.title')}</h1>
        <ErrorAlert error={auth.error} />
        <button type="button" onClick={() => void reload()}>
          {t('error.retry')}
        </button>
      </>
    );
  else if (auth.state === 'signed-out') content = <SignInPage onSignedIn={reload} />;
  else content = <Page route={route} />;

  return (
    <SessionContext.Provider value={session}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </SessionContext.Provider>
  );
}
