/**
 * What an automated scan collects and what it concludes, as plain data. The scanner
 * (src/scanner) turns files, endpoints and exports into `SourceEvent`s; the pure code in this
 * folder folds them into an `Inventory` with its indicators and derives suggested ratings.
 * The same shapes are stored as an evidence item, returned by the API and printed by the CLI.
 */

/** Where a finding came from. Adding a source means adding a kind here and a reader in src/scanner/sources. */
export type ScanSourceKind = 'file' | 'tls' | 'csv' | 'ct' | 'cbom';

export type KeyAlgorithm =
  'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | 'ed448' | 'dsa' | 'ml-dsa' | 'slh-dsa' | 'other' | 'unknown';

export type HashName =
  'md2' | 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'none' | 'unknown';

/** One place a certificate (or other item) was seen: `certs/web.pem#2`, `127.0.0.1:8443`, `export.csv:17`. */
export interface SourceRef {
  kind: ScanSourceKind;
  location: string;
}

/**
 * One certificate as the scanner read it. Sources that carry the certificate itself (files,
 * TLS, CSV with a certificate column) fill every field from the DER; exports without it (CT
 * search results, plain CSV rows, CBOM) fill what they know and leave the rest undefined.
 */
export interface CertificateRecord {
  /**
   * Lower-case hex SHA-256 of the DER encoding. Without the DER it is the SHA-256 of
   * `issuer|serialNumber` and `fingerprintDerived` is true, so the same certificate listed by
   * two exports still counts once.
   */
  fingerprint: string;
  fingerprintDerived?: boolean;
  /** Distinguished names in RFC 4514 order and escaping, e.g. `CN=www.example.org,O=Example`. */
  subject: string;
  issuer: string;
  subjectCommonName?: string;
  issuerCommonName?: string;
  /** Lower-case hex without leading zero bytes. */
  serialNumber: string;
  /** ISO 8601 instants. */
  notBefore?: string;
  notAfter?: string;
  keyAlgorithm: KeyAlgorithm;
  /** Bits: RSA modulus, DSA prime p, EC field size (256, 384, 521), 255 for Ed25519, 448 for Ed448. */
  keySize?: number;
  /** Named curve, e.g. `P-256`, `P-384`, `secp256k1`, or the OID when unnamed. */
  curve?: string;
  /** A readable name such as `sha256WithRSAEncryption` or `ecdsa-with-SHA384`, else the dotted OID. */
  signatureAlgorithm: string;
  signatureAlgorithmOid?: string;
  signatureHash: HashName;
  /** Lower-case hex SHA-256 of the SubjectPublicKeyInfo, to find one key used in several certificates. */
  publicKeyFingerprint?: string;
  /** basicConstraints cA. */
  isCa: boolean;
  /** Subject equals issuer (and, when both are present, the key ids match). */
  selfIssued: boolean;
  /** Lower-case hex. */
  subjectKeyId?: string;
  authorityKeyId?: string;
  /** DNS names from subjectAltName. */
  dnsNames: string[];
  /** How many subjectAltName entries of any kind. */
  sanCount: number;
  hasCrlDistributionPoint: boolean;
  hasOcsp: boolean;
  /** Extended key usage OIDs. */
  extendedKeyUsage: string[];
}

/** A certificate in the inventory: the record once, and every place it was seen. */
export interface InventoryCertificate extends CertificateRecord {
  sources: SourceRef[];
  /** Fingerprint of the issuing certificate found in the inventory, if any. */
  issuerFingerprint?: string;
  /** True when the path up to a self-issued certificate is complete inside the inventory. */
  chainComplete: boolean;
  /** Issued by a known automated (ACME) CA or an issuer the scan was told is automated. */
  automated?: boolean;
}

/** A TLS endpoint as the scanner saw it. */
export interface TlsEndpoint {
  /** As given: `host:port`. */
  target: string;
  /** The SNI name sent, absent for IP addresses. */
  serverName?: string;
  protocol?: string;
  cipher?: string;
  /** Fingerprints of the presented chain, leaf first. */
  chain: string[];
  /** Whether Node's default trust store accepted the chain, and why not. */
  authorized: boolean;
  authorizationError?: string;
}

/** A cryptographic algorithm declared in a CBOM. */
export interface AlgorithmAsset {
  name: string;
  oid?: string;
  primitive?: string;
  /** e.g. `2048`, `P-256`, `ML-DSA-65`. */
  parameterSet?: string;
  /** NIST post-quantum security category; 0 means broken by a quantum computer. */
  nistQuantumSecurityLevel?: number;
  source: SourceRef;
}

/** Key material declared in a CBOM or found in a scanned file (metadata only, never the key). */
export interface KeyAsset {
  /** `public-key`, `private-key`, `secret-key`, … */
  type: string;
  algorithm?: string;
  size?: number;
  source: SourceRef;
}

/** Something the assessor must know about that is not a certificate: a private key lying in a scanned file. */
export interface Finding {
  kind: 'private-key' | 'legacy-tls' | 'untrusted-chain';
  location: string;
  message: string;
}

/** An item that could not be read, and why. A scan never aborts for one. */
export interface SkippedItem {
  location: string;
  reason: string;
}

/** One input of the scan: a file, an endpoint or an export, with the digest of what was read. */
export interface ScanInputDigest {
  kind: ScanSourceKind;
  /** Path, `host:port` or upload name. */
  name: string;
  /** Lower-case hex SHA-256 of the bytes read (for TLS: of the presented chain's DER, concatenated). */
  sha256: string;
  size: number;
}

/** What sources emit, in any order; the inventory builder folds them. */
export type SourceEvent =
  | { type: 'input'; input: ScanInputDigest }
  | { type: 'certificate'; record: CertificateRecord; source: SourceRef }
  | { type: 'endpoint'; endpoint: TlsEndpoint }
  | { type: 'algorithm'; algorithm: AlgorithmAsset }
  | { type: 'key'; key: KeyAsset }
  | { type: 'finding'; finding: Finding }
  | { type: 'skipped'; item: SkippedItem };

/** The CLI contract's summary (issue 9): counts over the whole scan. */
export interface ScanSummary {
  /** Certificate occurrences read, duplicates included. */
  certificates: number;
  /** Distinct fingerprints. */
  unique: number;
  /** Unique certificates whose notAfter is before the scan time. */
  expired: number;
  /** Unique, not yet expired, notAfter within 30 days of the scan time. */
  expiringWithin30Days: number;
  /** Unique certificates with RSA or DSA under 2048 bits or EC under 256 bits. */
  weakKeys: number;
  /** Unique certificates signed with SHA-1. */
  sha1Signatures: number;
  /** Distinct issuer names among the unique certificates. */
  issuers: number;
  /** Items that could not be read. */
  skipped: number;
}

export interface CountEntry {
  key: string;
  count: number;
}

/** Everything the rules look at. Shares are 0..1 over the unique certificates (0 when there are none). */
export interface ScanIndicators {
  issuers: { name: string; count: number; knownToScope: boolean }[];
  unknownIssuers: number;
  /** CA certificates in the inventory (basicConstraints cA). */
  caCertificates: number;
  /** End-entity certificates whose chain is complete inside the inventory, and those whose is not. */
  chainsComplete: number;
  chainsIncomplete: number;
  /** `rsa-2048`, `ec-P-256`, `ed25519`, … */
  keyTypes: CountEntry[];
  signatureAlgorithms: CountEntry[];
  /** Buckets of validity length in days: `<=7`, `<=47`, `<=100`, `<=200`, `<=398`, `<=825`, `>825`. */
  validityDays: CountEntry[];
  medianValidityDays?: number;
  expired: number;
  expiringWithin30Days: number;
  expiringWithin60Days: number;
  expiringWithin90Days: number;
  /** Expiry timeline: `YYYY-MM` of notAfter → count, ascending. */
  expiryByMonth: CountEntry[];
  wildcardCertificates: number;
  withSan: number;
  withoutSan: number;
  /** Public keys used by more than one certificate: the key fingerprint and how many certificates share it. */
  reusedKeys: CountEntry[];
  /** Among certificates that are not self-issued. */
  withCrlDistributionPoint: number;
  withOcsp: number;
  /** Share of unique certificates whose key or signature a quantum computer breaks (RSA, EC, DSA, EdDSA). */
  quantumVulnerableShare: number;
  /** Validity of at most 7 days. */
  shortLivedShare: number;
  /** Issued by a known automated (ACME) CA or an issuer the scan was told is automated. */
  automatedShare: number;
  weakKeys: number;
  sha1Signatures: number;
  md5Signatures: number;
  /** TLS: protocol versions seen, endpoints on TLS 1.1 or older, endpoints whose chain failed verification. */
  tlsProtocols: CountEntry[];
  legacyTlsEndpoints: number;
  untrustedEndpoints: number;
  /** Endpoints serving an expired leaf. */
  endpointsServingExpired: number;
  privateKeysFound: number;
  /** Source kinds that contributed at least one item. */
  sourceKinds: ScanSourceKind[];
  /**
   * Share of the certificates discovered (files, TLS, CT) that an inventory export (CSV, CBOM)
   * also lists; undefined when there is no inventory export or nothing was discovered.
   */
  inventoryCoverage?: number;
  /** CBOM algorithms: how many, and how many are quantum-vulnerable (NIST level 0). */
  declaredAlgorithms: number;
  declaredQuantumVulnerable: number;
}

/** The whole result of one scan. */
export interface Inventory {
  /** ISO instant the expiry indicators are measured against. */
  scannedAt: string;
  inputs: ScanInputDigest[];
  summary: ScanSummary;
  indicators: ScanIndicators;
  certificates: InventoryCertificate[];
  endpoints: TlsEndpoint[];
  algorithms: AlgorithmAsset[];
  keys: KeyAsset[];
  findings: Finding[];
  skipped: SkippedItem[];
}

/** A rating a rule proposes for one requirement, with the figures that led to it. */
export interface RatingSuggestion {
  /** The rule's id, which is its file name: `cert-inventory`, … */
  rule: string;
  /** Full 2.0.0 requirement key, e.g. `M.certificate-management.cert-inventory`. */
  requirement: string;
  level: 1 | 2 | 3 | 4 | 5;
  /** Sentences in our words that quote the indicators used. */
  reasoning: string[];
}
