import type { SourceEvent, SourceRef } from '../../core/scan/scan.types.js';
import { parseExportDate } from './date-parse.js';
import {
  keyAlgorithmFromName,
  normaliseSerialHex,
  recordFromExport,
  toRfc4514,
} from './derived-fingerprint.js';

/** The parts of a CycloneDX component the scanner reads; everything is optional in practice. */
export interface CbomComponent {
  type?: unknown;
  name?: unknown;
  'bom-ref'?: unknown;
  components?: unknown;
  cryptoProperties?: unknown;
}

export interface ComponentIndex {
  /** Every component, nested ones included, in document order. */
  all: CbomComponent[];
  byRef: Map<string, CbomComponent>;
}

/** Flattens nested `components` and indexes them by `bom-ref`, so references resolve in any order. */
export function indexComponents(components: unknown[]): ComponentIndex {
  const all: CbomComponent[] = [];
  const byRef = new Map<string, CbomComponent>();
  // An explicit stack instead of recursion: the nesting check bounds depth, but not breadth.
  const stack: unknown[] = [...components].reverse();
  while (stack.length > 0) {
    const next = stack.pop();
    if (!isObject(next)) continue;
    const component = next as CbomComponent;
    all.push(component);
    const ref = component['bom-ref'];
    if (typeof ref === 'string' && !byRef.has(ref)) byRef.set(ref, component);
    if (Array.isArray(component.components))
      stack.push(...[...(component.components as unknown[])].reverse());
  }
  return { all, byRef };
}

export function* assetEvents(
  component: CbomComponent,
  index: ComponentIndex,
  name: string,
  position: number,
): Generator<SourceEvent> {
  if (component.type !== 'cryptographic-asset') return;
  const crypto = objectOr(component.cryptoProperties);
  const ref = typeof component['bom-ref'] === 'string' ? component['bom-ref'] : undefined;
  const location = `${name}#${ref ?? `component-${position}`}`;
  const source: SourceRef = { kind: 'cbom', location };
  const skipped = (reason: string): SourceEvent => ({ type: 'skipped', item: { location, reason } });
  switch (crypto.assetType) {
    case 'certificate':
      yield (
        certificateEvent(component, crypto, index, source, ref) ?? skipped('certificate has no issuerName')
      );
      return;
    case 'algorithm': {
      const properties = objectOr(crypto.algorithmProperties);
      const algorithmName = text(component.name);
      if (algorithmName === undefined) {
        yield skipped('algorithm has no name');
        return;
      }
      const oid = text(crypto.oid);
      const primitive = text(properties.primitive);
      const parameterSet = text(properties.parameterSetIdentifier) ?? text(properties.curve);
      const level = properties.nistQuantumSecurityLevel;
      yield {
        type: 'algorithm',
        algorithm: {
          name: algorithmName,
          ...(oid === undefined ? {} : { oid }),
          ...(primitive === undefined ? {} : { primitive }),
          ...(parameterSet === undefined ? {} : { parameterSet }),
          ...(typeof level === 'number' && Number.isInteger(level) && level >= 0 && level <= 6
            ? { nistQuantumSecurityLevel: level }
            : {}),
          source,
        },
      };
      return;
    }
    case 'related-crypto-material': {
      const properties = objectOr(crypto.relatedCryptoMaterialProperties);
      const algorithm = algorithmName(properties.algorithmRef, index);
      const size = positiveInteger(properties.size);
      yield {
        type: 'key',
        key: {
          type: text(properties.type) ?? 'unknown',
          ...(algorithm === undefined ? {} : { algorithm }),
          ...(size === undefined ? {} : { size }),
          source,
        },
      };
      return;
    }
    case 'protocol':
      // Protocols (TLS cipher suites and versions a system supports) are not inventoried yet.
      return;
    default:
      yield skipped(`cryptographic asset with unknown assetType ${JSON.stringify(crypto.assetType ?? null)}`);
  }
}

function certificateEvent(
  component: CbomComponent,
  crypto: Record<string, unknown>,
  index: ComponentIndex,
  source: SourceRef,
  ref: string | undefined,
): SourceEvent | undefined {
  const properties = objectOr(crypto.certificateProperties);
  const issuerName = text(properties.issuerName);
  if (issuerName === undefined) return undefined;
  const dates: { notBefore?: string; notAfter?: string } = {};
  for (const [field, key] of [
    ['notValidBefore', 'notBefore'],
    ['notValidAfter', 'notAfter'],
  ] as const) {
    const value = text(properties[field]);
    if (value === undefined) continue;
    const date = parseExportDate(value);
    if (!date.ok)
      return { type: 'skipped', item: { location: source.location, reason: `${field}: ${date.reason}` } };
    dates[key] = date.iso;
  }
  const declaredSerial =
    text(properties.serialNumber) ?? text((component as Record<string, unknown>).serialNumber);
  // Without a serial the bom-ref is the only stable identity the document gives the certificate.
  const serial =
    (declaredSerial === undefined ? undefined : normaliseSerialHex(declaredSerial)) ??
    declaredSerial ??
    ref ??
    source.location;
  const signature = index.byRef.get(text(properties.signatureAlgorithmRef) ?? '');
  const signatureName = signature ? text(signature.name) : undefined;
  const signatureOid = signature ? text(objectOr(signature.cryptoProperties).oid) : undefined;
  const key = publicKey(properties.subjectPublicKeyRef, index);
  const subjectName = text(properties.subjectName);
  const record = recordFromExport({
    issuer: toRfc4514(issuerName),
    serial,
    ...(subjectName === undefined ? {} : { subject: toRfc4514(subjectName) }),
    ...dates,
    ...key,
    ...(signatureName === undefined ? {} : { signatureAlgorithm: signatureName }),
    ...(signatureOid === undefined ? {} : { signatureAlgorithmOid: signatureOid }),
  });
  return { type: 'certificate', record, source };
}

/** The key details a certificate's `subjectPublicKeyRef` leads to: the key material, then its algorithm. */
function publicKey(
  refValue: unknown,
  index: ComponentIndex,
): { keyAlgorithm?: ReturnType<typeof keyAlgorithmFromName>; keySize?: number; curve?: string } {
  const material = index.byRef.get(text(refValue) ?? '');
  if (material === undefined) return {};
  const crypto = objectOr(material.cryptoProperties);
  let algorithm: CbomComponent | undefined = material;
  let size: number | undefined;
  if (crypto.assetType === 'related-crypto-material') {
    const properties = objectOr(crypto.relatedCryptoMaterialProperties);
    size = positiveInteger(properties.size);
    algorithm = index.byRef.get(text(properties.algorithmRef) ?? '');
  }
  if (algorithm === undefined) return size === undefined ? {} : { keySize: size };
  const algorithmCrypto = objectOr(algorithm.cryptoProperties);
  const algorithmProperties = objectOr(algorithmCrypto.algorithmProperties);
  const curve = text(algorithmProperties.curve);
  const parameterSize = positiveInteger(Number(text(algorithmProperties.parameterSetIdentifier)));
  const keySize = size ?? parameterSize;
  const keyAlgorithm = keyAlgorithmFromName(text(algorithm.name) ?? text(algorithmCrypto.oid));
  return {
    keyAlgorithm,
    ...(keySize === undefined ? {} : { keySize }),
    ...(curve === undefined ? {} : { curve }),
  };
}

function algorithmName(refValue: unknown, index: ComponentIndex): string | undefined {
  const ref = text(refValue);
  if (ref === undefined) return undefined;
  const algorithm = index.byRef.get(ref);
  return (algorithm ? text(algorithm.name) : undefined) ?? ref;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectOr(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
