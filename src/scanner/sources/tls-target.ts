import { isIP } from 'node:net';

export interface TlsTarget {
  /** As given, for locations and messages. */
  target: string;
  host: string;
  port: number;
  /** The SNI name: the host, unless it is an IP address (SNI carries names only). */
  serverName?: string;
}

export type TargetResult = { ok: true; target: TlsTarget } | { ok: false; reason: string };

const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;

/** `host:port`, `203.0.113.5:443` or `[2001:db8::1]:443`. */
export function parseTlsTarget(text: string): TargetResult {
  const target = text.trim();
  let host: string;
  let portText: string;
  const bracketed = /^\[([^\]]*)\]:(\d*)$/.exec(target);
  if (bracketed) {
    host = bracketed[1] as string;
    portText = bracketed[2] as string;
    if (isIP(host) !== 6) return { ok: false, reason: `"${host}" in brackets is not an IPv6 address` };
  } else {
    const colon = target.lastIndexOf(':');
    if (colon < 0) return { ok: false, reason: 'no port: write host:port, e.g. example.org:443' };
    host = target.slice(0, colon);
    portText = target.slice(colon + 1);
    if (host.includes(':')) return { ok: false, reason: 'an IPv6 address needs brackets: [2001:db8::1]:443' };
    if (host === '') return { ok: false, reason: 'no host before the port' };
    if (isIP(host) === 0 && !HOST_NAME.test(host))
      return { ok: false, reason: `"${host}" is not a valid host name` };
  }
  if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
    return { ok: false, reason: `port "${portText}" is not a number from 1 to 65535` };
  }
  const serverName = isIP(host) === 0 ? host.replace(/\.$/, '') : undefined;
  return {
    ok: true,
    target: { target, host, port: Number(portText), ...(serverName === undefined ? {} : { serverName }) },
  };
}
