/**
 * Who a workshop vote belongs to. A member voting from their own device is known by their
 * account; someone without a device is typed in by the facilitator under a name. The two kinds
 * get keys from different namespaces, so a typed-in name can never overwrite a member's vote.
 */
export type Participant = { kind: 'member'; userId: string } | { kind: 'named'; name: string };

export const MAX_PARTICIPANT_NAME = 200;

/** The stored key of a participant: one vote per key and requirement. */
export function participantKey(participant: Participant): string {
  return participant.kind === 'member'
    ? `member:${participant.userId}`
    : `named:${normaliseName(participant.name).toLowerCase()}`;
}

/** A typed-in name as it is kept and shown: inner runs of white space collapsed, ends trimmed. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}
