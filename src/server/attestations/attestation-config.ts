import type { Issue } from '../../core/errors.js';

/** Where the server's attestation signing identity comes from (files are read on first use). */
export type AttestationSource =
  | { kind: 'generated' }
  | { kind: 'pem'; keyFile: string; certFile: string; chainFile?: string }
  | { kind: 'p12'; file: string; password: string };

/**
 * Reads PKIMM_ATTEST_KEY + PKIMM_ATTEST_CERT [+ PKIMM_ATTEST_CHAIN], or PKIMM_ATTEST_P12 +
 * PKIMM_ATTEST_P12_PASSWORD; with none of them the server generates its own identity. A
 * half-given or mixed configuration is an error, named variable by variable.
 */
export function attestationSourceOf(env: Record<string, string | undefined>): {
  source: AttestationSource;
  issues: Issue[];
} {
  const get = (name: string) => (env[name] === '' ? undefined : env[name]);
  const key = get('PKIMM_ATTEST_KEY');
  const cert = get('PKIMM_ATTEST_CERT');
  const chain = get('PKIMM_ATTEST_CHAIN');
  const p12 = get('PKIMM_ATTEST_P12');
  const password = env['PKIMM_ATTEST_P12_PASSWORD'];
  const issues: Issue[] = [];
  if (p12 !== undefined && (key ?? cert ?? chain) !== undefined) {
    issues.push({
      path: 'PKIMM_ATTEST_P12',
      message: 'give either PKIMM_ATTEST_P12 or PKIMM_ATTEST_KEY with PKIMM_ATTEST_CERT, not both',
    });
  }
  if (p12 !== undefined) {
    if (password === undefined) {
      issues.push({ path: 'PKIMM_ATTEST_P12_PASSWORD', message: 'is required with PKIMM_ATTEST_P12' });
    }
    return { source: { kind: 'p12', file: p12, password: password ?? '' }, issues };
  }
  if (key !== undefined || cert !== undefined || chain !== undefined) {
    if (key === undefined)
      issues.push({ path: 'PKIMM_ATTEST_KEY', message: 'is required with PKIMM_ATTEST_CERT' });
    if (cert === undefined)
      issues.push({ path: 'PKIMM_ATTEST_CERT', message: 'is required with PKIMM_ATTEST_KEY' });
    return {
      source: {
        kind: 'pem',
        keyFile: key ?? '',
        certFile: cert ?? '',
        ...(chain ? { chainFile: chain } : {}),
      },
      issues,
    };
  }
  return { source: { kind: 'generated' }, issues };
}
