import { readFile } from 'node:fs/promises';
import { certificateToPem, type Certificate } from '../../attest/certificates.js';
import { generateIdentity } from '../../attest/generate-identity.js';
import { pemIdentity, type SigningIdentity } from '../../attest/identity.js';
import { pkcs12Identity } from '../../attest/pkcs12.js';
import { PkimmError } from '../../core/errors.js';
import type { DatabaseHandle } from '../../persistence/database.js';
import { readSigningKey, storeSigningKeyOnce } from '../../persistence/repositories/attestations.js';
import type { ServiceDeps } from '../assessments/deps.js';
import type { AttestationSource } from './attestation-config.js';

/** The server's signing identity and the anchors its attestations verify against. */
export interface ServerIdentity {
  identity: SigningIdentity;
  /** The top certificate of the signing chain: the issuing CA, or the operator's chain root. */
  trustAnchors: Certificate[];
}

const GENERATED_NAME = 'pkimm attestations';

// One identity per open database (and so per app); the promise is shared by concurrent first calls.
const cache = new WeakMap<DatabaseHandle, Promise<ServerIdentity>>();

export function serverIdentity(deps: ServiceDeps): Promise<ServerIdentity> {
  let pending = cache.get(deps.database);
  if (!pending) {
    pending = loadIdentity(deps, deps.config.attestation);
    // A failure (a missing file) is not cached, so fixing the file needs no restart.
    pending.catch(() => cache.delete(deps.database));
    cache.set(deps.database, pending);
  }
  return pending;
}

async function loadIdentity(deps: ServiceDeps, source: AttestationSource): Promise<ServerIdentity> {
  let identity: SigningIdentity;
  try {
    identity = source.kind === 'generated' ? await generatedIdentity(deps) : await configuredIdentity(source);
  } catch (error) {
    // A key that does not fit its certificate is the operator's configuration, not the caller's request.
    if (!(error instanceof PkimmError) || error.code === 'CONFIG_INVALID') throw error;
    throw new PkimmError('CONFIG_INVALID', `the attestation signing identity is unusable: ${error.message}`, {
      ...(error.source === undefined ? {} : { source: error.source }),
      cause: error,
    });
  }
  const top = identity.chain[identity.chain.length - 1];
  return { identity, trustAnchors: top ? [top] : [] };
}

/** The stored identity, or a new one stored if absent; concurrent processes end up with the same one. */
async function generatedIdentity(deps: ServiceDeps): Promise<SigningIdentity> {
  const db = deps.database.db;
  const stored =
    (await readSigningKey(db)) ??
    (await storeSigningKeyOnce(db, await generateIdentity(GENERATED_NAME, deps.now()), deps.now()));
  return pemIdentity({
    key: { text: stored.privateKeyPem, source: 'stored attestation key' },
    cert: { text: stored.certificatePem, source: 'stored attestation certificate' },
    chain: { text: stored.caCertificatePem, source: 'stored attestation CA' },
  });
}

async function configuredIdentity(source: Exclude<AttestationSource, { kind: 'generated' }>) {
  if (source.kind === 'p12') {
    return pkcs12Identity(await read(source.file, 'PKIMM_ATTEST_P12'), source.password, source.file);
  }
  const text = async (file: string, variable: string) => ({
    text: (await read(file, variable)).toString('utf8'),
    source: file,
  });
  return pemIdentity({
    key: await text(source.keyFile, 'PKIMM_ATTEST_KEY'),
    cert: await text(source.certFile, 'PKIMM_ATTEST_CERT'),
    ...(source.chainFile ? { chain: await text(source.chainFile, 'PKIMM_ATTEST_CHAIN') } : {}),
  });
}

async function read(file: string, variable: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new PkimmError('CONFIG_INVALID', `${variable} names a file that cannot be read`, {
      source: file,
      cause: error,
    });
  }
}

/** The trust anchor as PEM, for relying parties to pin. */
export async function trustAnchorPem(deps: ServiceDeps): Promise<string> {
  const { trustAnchors } = await serverIdentity(deps);
  return trustAnchors.map(certificateToPem).join('');
}
