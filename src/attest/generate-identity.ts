import { createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { toPem } from './certificates.js';
import { x509 } from './x509.js';

/** A generated identity in storable form: the signing key, its certificate, and the issuing CA's. */
export interface GeneratedIdentityPem {
  privateKeyPem: string;
  certificatePem: string;
  caCertificatePem: string;
}

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/**
 * A two-level EC P-256 hierarchy for a server that has no operator-given key: a self-signed
 * issuing CA and a signing certificate under it. The CA's private key is discarded once the
 * signing certificate exists, so nothing can ever issue another certificate under this CA;
 * relying parties pin the CA (`GET /api/v1/attestations/trust-anchor.pem`).
 */
export async function generateIdentity(name: string, now: Date): Promise<GeneratedIdentityPem> {
  const caKeys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const leafKeys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  // A minute of slack so a verifier whose clock is slightly behind still accepts the dates.
  const notBefore = new Date(now.getTime() - 60_000);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name} issuing CA`,
    notBefore,
    notAfter: new Date(now.getTime() + 20 * YEAR_MS),
    signingAlgorithm: SIGNING,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${name}`,
    issuer: ca.subject,
    notBefore,
    notAfter: new Date(now.getTime() + 10 * YEAR_MS),
    signingAlgorithm: SIGNING,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', leafKeys.privateKey));
  const privateKeyPem = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return {
    privateKeyPem,
    certificatePem: toPem('CERTIFICATE', new Uint8Array(leaf.rawData)),
    caCertificatePem: toPem('CERTIFICATE', new Uint8Array(ca.rawData)),
  };
}

/** A positive 16-byte serial number (the high bit cleared so DER needs no sign byte). */
function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}
