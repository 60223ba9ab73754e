import { createHash } from 'node:crypto';
import type { LookupFunction } from 'node:net';
import { PkimmError } from '../../core/errors.js';
import type { SourceEvent, SourceRef, TlsEndpoint } from '../../core/scan/scan.types.js';
import type { ScanSource } from '../source.js';
import { CertificateParseError, parseCertificateDer } from '../x509/parse-certificate.js';
import { mapConcurrent } from './tls-limiter.js';
import { probeTls, type ProbeResult } from './tls-probe.js';
import { parseTlsTarget, type TlsTarget } from './tls-target.js';

/**
 * TLS endpoints: the chain each one presents, its protocol and cipher, and whether Node's trust
 * store accepts it. Scanning opens connections to the hosts the user lists, and nothing else:
 * targets come only from the command line, the upload form or a targets file.
 */
export interface TlsOptions {
  /** Handshakes in flight at once (default 8). */
  concurrency?: number;
  /** Per endpoint, from connect to finished handshake (default 5000 ms). */
  timeoutMs?: number;
  /** Name resolution to use instead of the system's, e.g. to reach a name on a chosen address. */
  lookup?: LookupFunction;
}

const LEGACY_PROTOCOLS = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);

export async function* tlsEvents(targets: string[], options: TlsOptions = {}): AsyncGenerator<SourceEvent> {
  const concurrency = options.concurrency ?? 8;
  const timeoutMs = options.timeoutMs ?? 5000;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new PkimmError(
      'USAGE',
      `TLS concurrency must be a whole number of at least 1 (got ${concurrency})`,
    );
  }
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new PkimmError('USAGE', `TLS timeout must be a positive number of milliseconds (got ${timeoutMs})`);
  }
  const valid: TlsTarget[] = [];
  for (const text of targets) {
    const parsed = parseTlsTarget(text);
    if (parsed.ok) valid.push(parsed.target);
    else yield { type: 'skipped', item: { location: text, reason: `not a TLS target: ${parsed.reason}` } };
  }
  const probe = async (target: TlsTarget) => ({
    target,
    result: await probeTls(target, {
      timeoutMs,
      ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
    }),
  });
  for await (const { target, result } of mapConcurrent(valid, concurrency, probe)) {
    yield* endpointEvents(target, result);
  }
}

function* endpointEvents(target: TlsTarget, result: ProbeResult): Generator<SourceEvent> {
  const location = target.target;
  if (!result.ok) {
    yield { type: 'skipped', item: { location, reason: result.reason } };
    return;
  }
  const digest = createHash('sha256');
  let size = 0;
  for (const der of result.chain) {
    digest.update(der);
    size += der.length;
  }
  yield { type: 'input', input: { kind: 'tls', name: location, sha256: digest.digest('hex'), size } };

  const source: SourceRef = { kind: 'tls', location };
  const fingerprints: string[] = [];
  for (const [position, der] of result.chain.entries()) {
    try {
      const record = parseCertificateDer(der);
      fingerprints.push(record.fingerprint);
      yield { type: 'certificate', record, source };
    } catch (error) {
      if (!(error instanceof CertificateParseError)) throw error;
      // The endpoint still counts; the chain lists the unreadable certificate by its DER digest.
      fingerprints.push(createHash('sha256').update(der).digest('hex'));
      yield { type: 'skipped', item: { location: `${location}#${position}`, reason: error.reason } };
    }
  }
  const endpoint: TlsEndpoint = {
    target: location,
    ...(target.serverName === undefined ? {} : { serverName: target.serverName }),
    ...(result.protocol === undefined ? {} : { protocol: result.protocol }),
    ...(result.cipher === undefined ? {} : { cipher: result.cipher }),
    chain: fingerprints,
    authorized: result.authorized,
    ...(result.authorizationError === undefined ? {} : { authorizationError: result.authorizationError }),
  };
  yield { type: 'endpoint', endpoint };
  if (result.chain.length === 0) {
    yield { type: 'skipped', item: { location, reason: 'the endpoint presented no certificate' } };
  }
  if (result.protocol !== undefined && LEGACY_PROTOCOLS.has(result.protocol)) {
    yield {
      type: 'finding',
      finding: {
        kind: 'legacy-tls',
        location,
        message: `negotiated ${result.protocol}, which is deprecated (RFC 8996); the endpoint accepts a legacy protocol`,
      },
    };
  }
  if (!result.authorized) {
    yield {
      type: 'finding',
      finding: {
        kind: 'untrusted-chain',
        location,
        message: `the presented chain is not trusted by the default trust store: ${result.authorizationError ?? 'unknown reason'}`,
      },
    };
  }
}

export function tlsSource(targets: string[], options: TlsOptions = {}): ScanSource {
  const count = targets.length;
  return {
    kind: 'tls',
    name: `TLS (${count} endpoint${count === 1 ? '' : 's'})`,
    events: () => tlsEvents(targets, options),
  };
}
