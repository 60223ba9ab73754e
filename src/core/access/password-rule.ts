/**
 * The rule every new password must meet, shared by the server (which enforces it) and the web
 * app (whose fields and strength meter state it). Lengths count characters, not UTF-16 units.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; the cap keeps hashing a bounded amount of work per request. */
export const MAX_PASSWORD_LENGTH = 1024;

/** What is wrong with a new password, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  const characters = [...password];
  if (characters.length < MIN_PASSWORD_LENGTH) {
    return `the password must be at least ${MIN_PASSWORD_LENGTH} characters long (got ${characters.length})`;
  }
  if (characters.length > MAX_PASSWORD_LENGTH) {
    return `the password must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  }
  if (new Set(characters).size === 1) return 'the password must not be a single character repeated';
  return undefined;
}
