import { useState } from 'react';
import './assurance.css';
import { roleCan } from '../../core/access/capabilities.js';
import { api, loadModel } from '../api/endpoints.js';
import { roleOn } from '../app/permissions.js';
import { useSession } from '../app/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { NotLoaded } from '../components/NotLoaded.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { ApprovalsSection } from './ApprovalsSection.js';
import { assuranceApi } from './assurance-api.js';
import { CorrectionsSection } from './CorrectionsSection.js';
import { ParticipantsSection } from './ParticipantsSection.js';
import { candidatesOf, nameResolver } from './people.js';
import { ProfileSection } from './ProfileSection.js';
import { SignOffSection } from './SignOffSection.js';
import { StatementSection } from './StatementSection.js';

/**
 * Formal and third-party assurance of one assessment: who takes part, the statement of an
 * invited assessor, the profile, the approvals and the sign-off, and corrections of a signed-off
 * result. Every section reloads the whole page's data after a change, because one step (the
 * last approval) changes the status, the sign-off and what every other section offers.
 */
export default function AssurancePage({ assessmentId }: { assessmentId: string }) {
  const t = useT();
  const { me } = useSession();
  const [tick, setTick] = useState(0);
  const refresh = () => setTick((n) => n + 1);
  const loaded = useAsync(async () => {
    const record = await api.assessment(assessmentId);
    const model = await loadModel(record.model.id, record.model.version);
    return { record, model };
  }, [assessmentId, tick]);
  const orgId = loaded.data?.record.orgId;
  const role = loaded.data ? roleOn(me, loaded.data.record) : null;
  const isMember = me.organisations.some((o) => o.id === orgId);
  const isOwner = role !== null && roleCan(role, 'finalise');
  const participants = useAsync(() => assuranceApi.participants(assessmentId), [assessmentId, tick]);
  const profile = useAsync(() => assuranceApi.profile(assessmentId), [assessmentId, tick]);
  const approvals = useAsync(() => assuranceApi.approvals(assessmentId), [assessmentId, tick]);
  const corrections = useAsync(() => assuranceApi.corrections(assessmentId), [assessmentId, tick]);
  // Only members may list the organisation's members, and only owners the invitations.
  const members = useAsync(
    async () => (orgId && isMember ? (await api.members(orgId)).members : []),
    [orgId, isMember],
  );
  const grants = useAsync(
    async () => (isOwner ? (await assuranceApi.grants(assessmentId)).grants : []),
    [assessmentId, isOwner, tick],
  );

  if (loaded.error || !loaded.data) return <NotLoaded state={loaded} />;
  const { record, model } = loaded.data;
  const people = participants.data?.participants ?? [];
  const candidates = candidatesOf(members.data ?? [], grants.data ?? []);
  const nameOf = nameResolver({
    names: [profile.data?.names, approvals.data?.names],
    people: [...candidates, ...people, { userId: me.user.id, name: me.user.name, email: me.user.email }],
  });
  const mine = people.filter((p) => p.userId === me.user.id);
  const statement = mine.find((p) => p.statement)?.statement ?? null;
  const external = mine.some((p) => p.external);
  const signOff = approvals.data?.signOff ?? null;
  const firstError = [participants, profile, approvals, corrections, members, grants].find(
    (s) => s.error !== undefined,
  )?.error;

  return (
    <>
      <h1 tabIndex={-1}>{t('assurance.title', { title: record.title })}</h1>
      <p>
        <Link to={{ page: 'answer', assessmentId: record.id }}>{t('assurance.back')}</Link>
        {' · '}
        <Link to={{ page: 'results', assessmentId: record.id }}>{t('assurance.results')}</Link>
      </p>
      <p>{t('assurance.intro')}</p>
      {firstError !== undefined && <ErrorAlert error={firstError} />}
      {participants.data && (
        <ParticipantsSection
          record={record}
          participants={people}
          candidates={candidates}
          canManage={isOwner && record.status !== 'final'}
          onChanged={refresh}
        />
      )}
      {(external || statement) && (
        <StatementSection
          assessmentId={record.id}
          statement={statement}
          blocked={external && !statement}
          canState={record.status !== 'final'}
          onStated={refresh}
        />
      )}
      {profile.data && (
        <ProfileSection
          assessmentId={record.id}
          model={model}
          profile={profile.data}
          candidates={[
            ...candidates.filter((c) => !c.external),
            ...people.filter((p) => p.role === 'approver'),
          ]}
          canEdit={isOwner && signOff === null}
          nameOf={nameOf}
          onSaved={refresh}
        />
      )}
      {approvals.data && (
        <ApprovalsSection
          record={record}
          model={model}
          approvals={approvals.data}
          userId={me.user.id}
          nameOf={nameOf}
          onDecided={refresh}
        />
      )}
      {approvals.data && profile.data && (
        <SignOffSection record={record} approvals={approvals.data} profile={profile.data} nameOf={nameOf} />
      )}
      {corrections.data && (
        <CorrectionsSection
          assessmentId={record.id}
          corrections={corrections.data}
          canCorrect={isOwner && signOff !== null}
          onCreated={refresh}
        />
      )}
    </>
  );
}
