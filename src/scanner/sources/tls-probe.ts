import type { LookupFunction } from 'node:net';
import { connect, type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';
import type { TlsTarget } from './tls-target.js';

/** What one handshake showed: the chain as presented (leaf first) and the session's parameters. */
export interface ProbeSuccess {
  ok: true;
  chain: Buffer[];
  protocol?: string;
  cipher?: string;
  authorized: boolean;
  authorizationError?: string;
}

export type ProbeResult = ProbeSuccess | { ok: false; reason: string };

export interface ProbeOptions {
  timeoutMs: number;
  lookup?: LookupFunction;
}

/**
 * One TLS handshake to look at what the endpoint presents. Verification is off on purpose:
 * an inventory wants the expired, self-signed and weak chains too, and the verdict of Node's
 * trust store is recorded instead. TLS 1.0 and security level 0 are allowed so that legacy
 * endpoints are seen (and reported) rather than missed.
 */
export function probeTls(target: TlsTarget, options: ProbeOptions): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const socket = connect({
      host: target.host,
      port: target.port,
      ...(target.serverName === undefined ? {} : { servername: target.serverName }),
      ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
      rejectUnauthorized: false,
      minVersion: 'TLSv1',
      ciphers: 'DEFAULT:@SECLEVEL=0',
    });
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: `no TLS handshake within ${options.timeoutMs} ms (timed out)` }),
      options.timeoutMs,
    );
    // Errors after the result (a reset while closing) must not become unhandled events.
    socket.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, reason: describeError(error) }));
    socket.on('close', () =>
      finish({ ok: false, reason: 'the connection closed before the TLS handshake completed' }),
    );
    socket.once('secureConnect', () => {
      const cipher = socket.getCipher()?.name;
      const protocol = socket.getProtocol() ?? undefined;
      const error = socket.authorizationError as unknown;
      finish({
        ok: true,
        chain: presentedChain(socket.getPeerCertificate(true)),
        ...(protocol === undefined ? {} : { protocol }),
        ...(cipher === undefined ? {} : { cipher }),
        authorized: socket.authorized,
        ...(socket.authorized || error === undefined || error === null
          ? {}
          : { authorizationError: authorizationCode(error) }),
      });
    });
  });
}

/** OpenSSL's verification code (`DEPTH_ZERO_SELF_SIGNED_CERT`), which names the failure exactly. */
function authorizationCode(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return typeof code === 'string' && code !== '' ? code : error.message;
  }
  return String(error);
}

/** Follows `issuerCertificate` from the leaf until it repeats (a root points to itself) or ends. */
function presentedChain(leaf: DetailedPeerCertificate | PeerCertificate): Buffer[] {
  const chain: Buffer[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | PeerCertificate | undefined = leaf;
  while (current !== undefined && current.raw !== undefined && current.raw.length > 0) {
    const key = current.fingerprint256 ?? current.raw.toString('base64');
    if (seen.has(key)) break;
    seen.add(key);
    chain.push(current.raw);
    current = 'issuerCertificate' in current ? current.issuerCertificate : undefined;
  }
  return chain;
}

function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host name could not be resolved (${error.code})`;
    case 'ECONNRESET':
      return 'connection reset by the peer during the TLS handshake';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `host unreachable (${error.code})`;
    case 'ETIMEDOUT':
      return 'connection timed out';
    default:
      if (error.code?.startsWith('ERR_SSL') === true) return `TLS handshake failed: ${error.message}`;
      return error.code === undefined ? error.message : `${error.message} (${error.code})`;
  }
}
