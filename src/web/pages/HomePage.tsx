import { useSession } from '../app/session.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { CreateOrganisation } from './CreateOrganisation.js';

/** Shown when no organisation is chosen: create one, or the assessments one was invited to. */
export function HomePage() {
  const t = useT();
  const { me } = useSession();
  return (
    <>
      <h1 tabIndex={-1}>{t('app.name')}</h1>
      {me.organisations.length === 0 && <p>{t('org.none')}</p>}
      {me.assessments.length > 0 && (
        <section aria-labelledby="invited">
          <h2 id="invited">{t('org.invited')}</h2>
          <ul>
            {me.assessments.map((a) => (
              <li key={a.id}>
                <Link to={{ page: 'answer', assessmentId: a.id }}>{a.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <CreateOrganisation />
    </>
  );
}
