import { PkimmError } from '../../core/errors.js';

/** The ETag of an assessment version: the version number, quoted as HTTP wants. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header names. Writes must say which version they change, so a
 * missing header is 428 rather than a silent last-writer-wins; `"3"`, `W/"3"` and a bare `3`
 * are accepted, anything else (including `*`, which would defeat the check) is 400.
 */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new PkimmError(
      'PRECONDITION_REQUIRED',
      'send If-Match: "<version>" with the version you are changing (the ETag of your last read)',
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw new PkimmError(
      'VALIDATION_FAILED',
      `If-Match must be an assessment version such as "3" (got ${JSON.stringify(header)})`,
      {
        issues: [{ path: 'headers.if-match', message: 'must be a quoted version number' }],
      },
    );
  }
  return Number(match[1]);
}
