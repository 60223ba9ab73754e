import { useMemo } from 'react';
import { api } from '../api/endpoints.js';
import type { AssessmentRecord, Me } from '../api/types.js';
import type { Permissions } from '../app/permissions.js';
import { useAsync } from '../components/useAsync.js';
import {
  NO_WORKFLOW,
  narrowForParticipants,
  participationOf,
  type WorkflowPermissions,
} from './participation.js';
import { reviewApi, type Participant } from './review-api.js';

export interface Workflow {
  may: WorkflowPermissions;
  /** The signed-in user's id, to find their own respondent rating. */
  myId: string;
  participants: Participant[];
  /** A person's display name by user id (participants, members, oneself); the id when unknown. */
  nameOf: (userId: string | null) => string;
}

/**
 * The participants of an assessment, loaded once per assessment (not per item), and what they
 * leave the signed-in user. Until they are loaded the org roles decide, as the server does for
 * an assessment without participants; the server refuses anything narrower anyway.
 */
export function useParticipation(
  me: Me,
  record: Pick<AssessmentRecord, 'id' | 'orgId' | 'status'>,
  permissions: Permissions,
): Workflow {
  const member = me.organisations.some((o) => o.id === record.orgId);
  const participants = useAsync(() => reviewApi.participants(record.id), [record.id]);
  // Reviews and questions name people by id; members give the names of those who take no part.
  // An invited account cannot list the organisation's members, so it does not ask.
  const members = useAsync(
    () => (member ? api.members(record.orgId) : Promise.resolve({ members: [] })),
    [record.orgId, member],
  );
  const list = participants.data?.participants;
  const memberList = members.data?.members;
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const m of memberList ?? []) names.set(m.userId, m.name || m.email);
    for (const p of list ?? []) names.set(p.userId, p.name || p.email);
    names.set(me.user.id, me.user.name || me.user.email);
    const orgRole = me.organisations.find((o) => o.id === record.orgId)?.role ?? null;
    const grantRole = me.assessments.find((a) => a.id === record.id)?.role ?? null;
    const participation = list ? participationOf(list, me.user.id) : NO_WORKFLOW;
    return {
      may: narrowForParticipants(permissions, { orgRole, grantRole, status: record.status }, participation),
      myId: me.user.id,
      participants: list ?? [],
      nameOf: (userId) => (userId ? (names.get(userId) ?? userId) : ''),
    };
  }, [list, memberList, me, record.id, record.orgId, record.status, permissions]);
}
