import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { signAttestation } from '../../attest/sign.js';
import { verifyAttestation } from '../../attest/verify.js';
import { buildAttestationPayload } from '../../core/attestation/build-payload.js';
import type { SignOffClaim } from '../../core/attestation/payload.js';
import type { VerificationResult } from '../../core/attestation/verification.js';
import { PkimmError } from '../../core/errors.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import { insertAttestation, type AttestationRecord } from '../../persistence/repositories/attestations.js';
import { recordAudit } from '../../persistence/repositories/audit.js';
import type { Database } from '../../persistence/schema.js';
import type { LoadedAssessment } from '../assessments/loaded-assessment.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from '../assessments/deps.js';
import { openAssessment } from '../assessments/open-assessment.js';
import { storedSignOffClaim } from '../assurance/signoff/signoff-claim.js';
import { serverIdentity } from './server-identity.js';

/**
 * Issues an attestation of a final assessment: the levels the core engine computes now, signed
 * with the server's identity, stored, and written to the audit log. Only those who may finalise
 * (owners) may attest, and only what is final: a draft could change after it was signed.
 */
export async function issueAttestation(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  ip: string,
): Promise<AttestationRecord> {
  const {
    record,
    assessment,
    model,
    principal: user,
  } = await openAssessment(deps, principal, assessmentId, 'finalise');
  if (record.status !== 'final') {
    throw new PkimmError(
      'CONFLICT',
      `only a final assessment can be attested; this one is ${record.status} (finalise it first)`,
    );
  }
  // A signed-off assessment is attested with its sign-off every time, not only at the sign-off.
  const signOff = await storedSignOffClaim(deps.database.db, record);
  const attestation = await signAttestationOf(deps, { record, assessment, model }, user.userId, signOff);
  await deps.database.db.transaction().execute((trx) => storeAttestation(trx, attestation, ip));
  return attestation;
}

/**
 * Signs the current result of a loaded assessment without storing it, so a caller (the
 * sign-off) can store it inside its own transaction. `signOff` adds the sign-off claims.
 */
export async function signAttestationOf(
  deps: ServiceDeps,
  { record, assessment, model }: Pick<LoadedAssessment, 'record' | 'assessment' | 'model'>,
  issuedBy: string,
  signOff?: SignOffClaim,
): Promise<AttestationRecord> {
  const { identity } = await serverIdentity(deps);
  const leaf = identity.chain[0];
  if (!leaf) throw new Error('the signing identity has no certificate');
  const payload = buildAttestationPayload({
    id: randomUUID(),
    issuedAt: deps.now(),
    // The server's id is the one relying parties can ask about, whatever the file said.
    assessment: { ...assessment, id: record.id },
    score: scoreAssessment(model, assessment),
    issuer: leaf.subject,
    ...(signOff ? { signOff } : {}),
  });
  const { jws, digest } = signAttestation(payload, identity);
  return {
    id: payload.id,
    assessmentId: record.id,
    orgId: record.orgId,
    jws,
    digest,
    issuer: leaf.subject,
    issuedBy,
    issuedAt: payload.issuedAt,
  };
}

/** Stores a signed attestation with its audit entry, in the caller's transaction. */
export async function storeAttestation(
  trx: Transaction<Database>,
  attestation: AttestationRecord,
  ip: string,
): Promise<void> {
  await insertAttestation(trx, attestation);
  await recordAudit(trx, {
    orgId: attestation.orgId,
    actorUserId: attestation.issuedBy,
    event: 'attestation.issued',
    detail: {
      attestationId: attestation.id,
      assessmentId: attestation.assessmentId,
      digest: attestation.digest,
    },
    ip,
    at: new Date(attestation.issuedAt),
  });
}

/** Verifies any attestation text against this server's trust anchor, at the server's clock. */
export async function verifyWithServerAnchors(deps: ServiceDeps, jws: string): Promise<VerificationResult> {
  const { trustAnchors } = await serverIdentity(deps);
  return verifyAttestation(jws, { trustAnchors, at: deps.now() });
}
