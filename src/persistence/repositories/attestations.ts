import type { Kysely } from 'kysely';
import type { AttestationSummary } from '../../core/attestation/payload.js';
import type { AttestationTable, Database } from '../schema.js';

export interface AttestationRecord {
  id: string;
  assessmentId: string;
  orgId: string;
  jws: string;
  digest: string;
  issuer: string;
  issuedBy: string | null;
  issuedAt: string;
}

export type { AttestationSummary };

export async function insertAttestation(db: Kysely<Database>, record: AttestationRecord): Promise<void> {
  await db
    .insertInto('attestations')
    .values({
      id: record.id,
      assessment_id: record.assessmentId,
      org_id: record.orgId,
      jws: record.jws,
      digest: record.digest,
      issuer: record.issuer,
      issued_by: record.issuedBy,
      created_at: record.issuedAt,
    })
    .execute();
}

export async function getAttestation(
  db: Kysely<Database>,
  id: string,
): Promise<AttestationRecord | undefined> {
  const row = await db.selectFrom('attestations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** An assessment's attestations, newest first. */
export async function listAttestations(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<AttestationRecord[]> {
  const rows = await db
    .selectFrom('attestations')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

/**
 * The newest attestation of an assessment, or null when it has none: what the attestation
 * report prints as its verification reference. The caller has checked access to the assessment.
 */
export async function latestAttestation(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<AttestationSummary | null> {
  const latest = (await listAttestations(db, assessmentId))[0];
  return latest
    ? { id: latest.id, digest: latest.digest, issuedAt: latest.issuedAt, issuer: latest.issuer }
    : null;
}

function toRecord(row: AttestationTable): AttestationRecord {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    orgId: row.org_id,
    jws: row.jws,
    digest: row.digest,
    issuer: row.issuer,
    issuedBy: row.issued_by,
    issuedAt: row.created_at,
  };
}

export interface StoredSigningKey {
  privateKeyPem: string;
  certificatePem: string;
  caCertificatePem: string;
}

const GENERATED_KEY_ID = 'generated';

/**
 * Stores a generated signing identity unless one exists, then returns the one that is stored:
 * when several processes generate at once, exactly one insert wins and all use its key.
 */
export async function storeSigningKeyOnce(
  db: Kysely<Database>,
  candidate: StoredSigningKey,
  at: Date,
): Promise<StoredSigningKey> {
  await db
    .insertInto('attestation_keys')
    .values({
      id: GENERATED_KEY_ID,
      private_key_pem: candidate.privateKeyPem,
      certificate_pem: candidate.certificatePem,
      ca_certificate_pem: candidate.caCertificatePem,
      created_at: at.toISOString(),
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
  const stored = await readSigningKey(db);
  if (!stored) throw new Error('the attestation signing key vanished right after it was stored');
  return stored;
}

export async function readSigningKey(db: Kysely<Database>): Promise<StoredSigningKey | undefined> {
  const row = await db
    .selectFrom('attestation_keys')
    .selectAll()
    .where('id', '=', GENERATED_KEY_ID)
    .executeTakeFirst();
  return row
    ? {
        privateKeyPem: row.private_key_pem,
        certificatePem: row.certificate_pem,
        caCertificatePem: row.ca_certificate_pem,
      }
    : undefined;
}
