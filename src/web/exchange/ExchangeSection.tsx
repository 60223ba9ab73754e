import { roleCan } from '../../core/access/capabilities.js';
import type { AssessmentRecord } from '../api/types.js';
import { permissionsFor, roleOn } from '../app/permissions.js';
import { useSession } from '../app/session.js';
import { useT } from '../i18n/useT.js';
import { Attestations } from './Attestations.js';
import { Downloads } from './Downloads.js';
import { ImportForm } from './ImportForm.js';

/** Reports, exports, imports and attestations of one assessment, offered as the role allows. */
export function ExchangeSection({ record, onChanged }: { record: AssessmentRecord; onChanged: () => void }) {
  const t = useT();
  const { me } = useSession();
  const role = roleOn(me, record);
  const may = permissionsFor(role, record.status);
  const orgRole = me.organisations.find((o) => o.id === record.orgId)?.role;
  const canCreate = orgRole !== undefined && roleCan(orgRole, 'rate');
  return (
    <section aria-labelledby="exchange">
      <h2 id="exchange">{t('exchange.title')}</h2>
      <Downloads record={record} />
      {(may.rate || canCreate) && (
        <>
          <h3>{t('exchange.importTitle')}</h3>
          <ImportForm orgId={record.orgId} {...(may.rate ? { target: record } : {})} onImported={onChanged} />
        </>
      )}
      <h3>{t('attest.title')}</h3>
      <Attestations record={record} canIssue={role !== null && roleCan(role, 'finalise')} />
    </section>
  );
}
