/**
 * What each role may do, in one place for the server (which enforces it) and the web app (which
 * disables the controls a role may not use, so nobody is invited to make a change that is refused).
 * An external assessor, invited to one assessment, acts as `assessor` there only.
 */
export type Role = 'owner' | 'assessor' | 'contributor' | 'viewer';

export type Capability =
  | 'read'
  | 'rate' // ratings, applicability, scope, metadata, import
  | 'annotate' // notes and evidence
  | 'review' // move to in review
  | 'finalise' // make final, reopen, restore revisions, delete
  | 'manage-members';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  owner: ['read', 'rate', 'annotate', 'review', 'finalise', 'manage-members'],
  assessor: ['read', 'rate', 'annotate', 'review'],
  contributor: ['read', 'annotate'],
  viewer: ['read'],
};

export function roleCan(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}

/** The field of an answer change decides what it needs: levels and applicability are ratings. */
export function capabilityForField(field: string): Capability {
  return field === 'level' || field === 'applicability' ? 'rate' : 'annotate';
}

/** Moving into or out of final needs `finalise`; any other move needs `review`. */
export function capabilityForStatus(from: string, to: string): Capability {
  return to === 'final' || from === 'final' ? 'finalise' : 'review';
}
