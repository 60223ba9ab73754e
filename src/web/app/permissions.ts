import { capabilityForStatus, roleCan, type Capability } from '../../core/access/capabilities.js';
import type { AssessmentRecord, Me, Role } from '../api/types.js';

/** The caller's role on an assessment: their membership of its organisation, else a grant for it alone. */
export function roleOn(me: Me, record: Pick<AssessmentRecord, 'id' | 'orgId'>): Role | null {
  return (
    me.organisations.find((o) => o.id === record.orgId)?.role ??
    me.assessments.find((a) => a.id === record.id)?.role ??
    null
  );
}

/** What the UI offers on an assessment; the server enforces the same rules (src/core/access). */
export interface Permissions {
  role: Role | null;
  rate: boolean;
  annotate: boolean;
  canMoveTo: (from: AssessmentRecord['status'], to: AssessmentRecord['status']) => boolean;
}

export function permissionsFor(role: Role | null, status: AssessmentRecord['status']): Permissions {
  const can = (capability: Capability) => role !== null && roleCan(role, capability);
  const open = status !== 'final';
  return {
    role,
    rate: open && can('rate'),
    annotate: open && can('annotate'),
    canMoveTo: (from, to) => from === to || can(capabilityForStatus(from, to)),
  };
}
