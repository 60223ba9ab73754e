import { commonNameOf, normalizeDn } from './names.js';

/**
 * CAs whose certificates are issued through ACME almost without exception, recognised by text
 * in the issuer DN. CAs that offer ACME next to manual ordering (SSL.com, Sectigo and others)
 * issue both kinds under the same intermediates, so matching them by name would count manual
 * certificates as automated; a scan that knows it uses their ACME service names those issuers
 * in `automatedIssuers`.
 */
export const BUILT_IN_AUTOMATED_ISSUERS: readonly string[] = [
  "o=let's encrypt",
  "o=(staging) let's encrypt",
  'o=zerossl',
  'cn=zerossl',
  'o=google trust services',
  'o=buypass',
];

/**
 * Whether an issuer matches one of the given names: a name matches when it is contained in
 * the issuer DN or equals its CN, ignoring case and the spaces exports put around separators.
 */
export function issuerMatches(
  normalizedIssuerDn: string,
  issuerCn: string | undefined,
  names: readonly string[],
): boolean {
  const cn = issuerCn?.trim().toLowerCase();
  return names.some((name) => {
    const needle = name
      .trim()
      .toLowerCase()
      .replace(/\s*([,=+])\s*/g, '$1');
    return needle !== '' && (normalizedIssuerDn.includes(needle) || cn === needle);
  });
}

/**
 * Tells whether a certificate was issued by a built-in ACME CA or one of the extra automated
 * issuers. The answer is kept per issuer spelling, since a scan repeats few issuers many times.
 */
export function automatedIssuerMatcher(
  extraIssuers: readonly string[],
): (record: { issuer: string; issuerCommonName?: string }) => boolean {
  const names = [...BUILT_IN_AUTOMATED_ISSUERS, ...extraIssuers];
  const answers = new Map<string, boolean>();
  return (record) => {
    const key = `${record.issuer}\u0000${record.issuerCommonName ?? ''}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = issuerMatches(
        normalizeDn(record.issuer),
        record.issuerCommonName ?? commonNameOf(record.issuer),
        names,
      );
      answers.set(key, answer);
    }
    return answer;
  };
}
