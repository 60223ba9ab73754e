import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { EncryptedContentInfo, type ContentInfo } from '@peculiar/asn1-cms';
import {
  AuthenticatedSafe,
  CertBag,
  id_certBag,
  id_keyBag,
  id_pkcs8ShroudedKeyBag,
  id_x509Certificate,
  PFX,
  SafeContents,
} from '@peculiar/asn1-pfx';
import { EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { AsnParser, OctetString } from '@peculiar/asn1-schema';
import { PkimmError } from '../core/errors.js';
import { certificateFromDer, type Certificate } from './certificates.js';
import { children, readTlv } from './der.js';
import { identityOf, type SigningIdentity } from './identity.js';
import { checkMac, decryptPbes2, Pkcs12Error } from './pkcs12-crypto.js';

const ID_DATA = '1.2.840.113549.1.7.1';
const ID_ENCRYPTED_DATA = '1.2.840.113549.1.7.6';

/**
 * A signing identity from a PKCS#12 (.p12/.pfx) file in password-integrity mode, as
 * `openssl pkcs12 -export` writes it: the one private key, the certificate that matches it,
 * and the other certificates as its chain (ordered from the leaf up).
 */
export function pkcs12Identity(bytes: Buffer, password: string, source: string): SigningIdentity {
  try {
    const { keys, certificates } = readPkcs12(bytes, password);
    const key = keys[0];
    if (!key || keys.length > 1) {
      throw new Pkcs12Error(`the file holds ${keys.length} private keys; exactly one is needed`);
    }
    return identityOf(key, orderChain(key, certificates), source);
  } catch (error) {
    if (error instanceof PkimmError) throw error;
    const message =
      error instanceof Pkcs12Error ? error.message : 'the file is not a readable PKCS#12 (.p12/.pfx) file';
    throw new PkimmError('USAGE', message, { source, cause: error });
  }
}

function readPkcs12(bytes: Buffer, password: string): { keys: KeyObject[]; certificates: Certificate[] } {
  const pfx = AsnParser.parse(bytes, PFX);
  if (pfx.authSafe.contentType !== ID_DATA) {
    throw new Pkcs12Error('only password-protected PKCS#12 files are supported (not public-key integrity)');
  }
  const authSafeBytes = octets(pfx.authSafe.content);
  if (pfx.macData) {
    const mac = pfx.macData;
    checkMac(
      mac.mac.digestAlgorithm.algorithm,
      Buffer.from(mac.mac.digest.buffer),
      Buffer.from(mac.macSalt.buffer),
      mac.iterations,
      authSafeBytes,
      password,
    );
  }
  const keys: KeyObject[] = [];
  const certificates: Certificate[] = [];
  for (const info of AsnParser.parse(authSafeBytes, AuthenticatedSafe)) {
    const contents = AsnParser.parse(safeContentsBytes(info, password), SafeContents);
    for (const bag of contents) {
      if (bag.bagId === id_keyBag) {
        keys.push(createPrivateKey({ key: Buffer.from(bag.bagValue), format: 'der', type: 'pkcs8' }));
      } else if (bag.bagId === id_pkcs8ShroudedKeyBag) {
        const shrouded = AsnParser.parse(bag.bagValue, EncryptedPrivateKeyInfo);
        const plain = decrypt(
          shrouded.encryptionAlgorithm.algorithm,
          shrouded.encryptionAlgorithm.parameters,
          Buffer.from(shrouded.encryptedData.buffer),
          password,
        );
        keys.push(createPrivateKey({ key: plain, format: 'der', type: 'pkcs8' }));
      } else if (bag.bagId === id_certBag) {
        const cert = AsnParser.parse(bag.bagValue, CertBag);
        if (cert.certId === id_x509Certificate) certificates.push(certificateFromDer(octets(cert.certValue)));
      }
      // CRL and secret bags carry nothing a signer needs.
    }
  }
  return { keys, certificates };
}

/** The SafeContents of one AuthenticatedSafe entry: plain data, or password-encrypted data. */
function safeContentsBytes(info: ContentInfo, password: string): Buffer {
  if (info.contentType === ID_DATA) return octets(info.content);
  if (info.contentType !== ID_ENCRYPTED_DATA) {
    throw new Pkcs12Error('the file has a public-key encrypted part, which is not supported');
  }
  // EncryptedData ::= SEQUENCE { version, encryptedContentInfo, [1] unprotectedAttrs OPTIONAL }
  const encryptedInfo = children(readTlv(Buffer.from(info.content)).value)[1];
  if (!encryptedInfo) throw new Pkcs12Error('the encrypted part of the file is damaged');
  const content = AsnParser.parse(encryptedInfo.raw, EncryptedContentInfo);
  const encrypted = content.encryptedContent;
  const data = encrypted?.value
    ? Buffer.from(encrypted.value.buffer)
    : Buffer.concat((encrypted?.constructedValue ?? []).map((part) => Buffer.from(part.buffer)));
  const algorithm = content.contentEncryptionAlgorithm;
  return decrypt(algorithm.algorithm, algorithm.parameters, data, password);
}

function decrypt(
  algorithm: string,
  parameters: ArrayBuffer | null | undefined,
  data: Buffer,
  password: string,
) {
  return decryptPbes2(algorithm, parameters ? Buffer.from(parameters) : Buffer.alloc(0), data, password);
}

function octets(encoded: ArrayBuffer): Buffer {
  return Buffer.from(AsnParser.parse(encoded, OctetString).buffer);
}

/** The certificate of the key first, then each issuer found among the others. */
function orderChain(key: KeyObject, certificates: Certificate[]): Certificate[] {
  const spki = (k: KeyObject) =>
    (k.type === 'private' ? createPublicKey(k) : k).export({ type: 'spki', format: 'der' });
  const mine = spki(key);
  const leaf = certificates.find((c) => spki(c.node.publicKey).equals(mine));
  if (!leaf) throw new Pkcs12Error('no certificate in the file matches its private key');
  const chain = [leaf];
  const rest = certificates.filter((c) => c !== leaf);
  for (let current = leaf; ;) {
    const issuer = rest.find((c) => !chain.includes(c) && current.node.checkIssued(c.node));
    if (!issuer || issuer === current) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}
