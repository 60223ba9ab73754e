import type { SignOffClaim } from '../../../core/attestation/payload.js';
import type { Database } from '../../../persistence/schema.js';
import { getSignOff, ratersOf, userNames } from '../../../persistence/repositories/signoff.js';
import { listParticipants } from '../../../persistence/repositories/workflow-participants.js';
import type { Kysely } from 'kysely';

/**
 * Who an attestation of a signed-off assessment names: the assessor participants, or, for an
 * assessment without the workflow, everyone who wrote a rating; and the approvers in the
 * profile's order. The sign-off builds it before it commits and a later attestation reads it
 * back through `storedSignOffClaim`; both come here, so the two claims cannot drift apart.
 * Participants and revisions are frozen with the assessment (migrations 009 and 010), so the
 * same people are found later.
 */
export async function signOffClaim(
  db: Kysely<Database>,
  assessment: { id: string; orgId: string },
  signOff: { at: string; version: number; approvers: readonly string[] },
): Promise<SignOffClaim> {
  const participants = await listParticipants(db, assessment.id, assessment.orgId);
  const named = participants.filter((p) => p.role === 'assessor').map((p) => p.userId);
  const assessors = named.length > 0 ? named : [...(await ratersOf(db, assessment.id))].sort();
  const names = await userNames(db, [...assessors, ...signOff.approvers]);
  const person = (id: string) => ({ id, name: names.get(id) ?? id });
  return {
    at: signOff.at,
    version: signOff.version,
    assessors: assessors.map(person),
    approvers: signOff.approvers.map(person),
  };
}

/** The claim of a stored sign-off, for attesting the assessment again; undefined when not signed off. */
export async function storedSignOffClaim(
  db: Kysely<Database>,
  assessment: { id: string; orgId: string },
): Promise<SignOffClaim | undefined> {
  const signOff = await getSignOff(db, assessment.id);
  return signOff ? signOffClaim(db, assessment, signOff) : undefined;
}
