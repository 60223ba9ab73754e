import { PkimmError } from '../../core/errors.js';

/**
 * Whether the server may connect to a TLS target on an assessor's request. Entries are
 * `host`, `host:port` or `*.suffix` (any port); matching ignores case. Without this list the
 * scan upload would let any signed-in user probe whatever the server can reach.
 */
export function assertTlsTargetsAllowed(targets: readonly string[], allowed: readonly string[]): void {
  const refused = targets.filter((target) => !isAllowed(target, allowed));
  if (refused.length === 0) return;
  throw new PkimmError(
    'FORBIDDEN',
    allowed.length === 0
      ? 'this server does not scan TLS endpoints; an administrator can allow targets with PKIMM_SCAN_TLS_TARGETS'
      : 'these TLS targets are not on the server’s allow list (PKIMM_SCAN_TLS_TARGETS)',
    { issues: refused.map((target) => ({ path: 'body.tls', message: `${target} is not allowed` })) },
  );
}

function isAllowed(target: string, allowed: readonly string[]): boolean {
  const { host, port } = splitTarget(target.toLowerCase());
  return allowed.some((entry) => {
    const { host: allowedHost, port: allowedPort } = splitTarget(entry);
    if (allowedPort !== undefined && allowedPort !== port) return false;
    if (allowedHost.startsWith('*.'))
      return host.endsWith(allowedHost.slice(1)) && host.length > allowedHost.length - 1;
    return host === allowedHost;
  });
}

function splitTarget(text: string): { host: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { host: bracketed[1] ?? '', ...(bracketed[2] ? { port: bracketed[2] } : {}) };
  const colon = text.lastIndexOf(':');
  // A bare IPv6 address has several colons and no port.
  if (colon < 0 || text.indexOf(':') !== colon) return { host: text };
  return { host: text.slice(0, colon), port: text.slice(colon + 1) };
}
