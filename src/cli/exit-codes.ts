import type { ErrorCode } from '../core/errors.js';

/** The CLI's contract: 0 success, 2 bad input or usage, 1 internal error. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Nearly every typed error is a problem with what the user gave us; the map is total so a new code must be placed. */
const EXIT_BY_CODE: Record<ErrorCode, number> = {
  MODEL_INVALID: EXIT_BAD_INPUT,
  MODEL_NOT_FOUND: EXIT_BAD_INPUT,
  EXTENSION_INVALID: EXIT_BAD_INPUT,
  CROSSWALK_INVALID: EXIT_BAD_INPUT,
  ASSESSMENT_INVALID: EXIT_BAD_INPUT,
  UNKNOWN_ID: EXIT_BAD_INPUT,
  FORMAT_UNKNOWN: EXIT_BAD_INPUT,
  FILE_UNREADABLE: EXIT_BAD_INPUT,
  FILE_TOO_LARGE: EXIT_BAD_INPUT,
  PARSE_ERROR: EXIT_BAD_INPUT,
  USAGE: EXIT_BAD_INPUT,
  MIGRATION_UNSUPPORTED: EXIT_BAD_INPUT,
  CONFIG_INVALID: EXIT_BAD_INPUT,
  // The database being down is not the user's input, but nothing internal broke either.
  DATABASE_UNAVAILABLE: EXIT_INTERNAL,
  UNAUTHENTICATED: EXIT_BAD_INPUT,
  FORBIDDEN: EXIT_BAD_INPUT,
  NOT_FOUND: EXIT_BAD_INPUT,
  CONFLICT: EXIT_BAD_INPUT,
  READ_ONLY: EXIT_BAD_INPUT,
  PAYLOAD_TOO_LARGE: EXIT_BAD_INPUT,
  RATE_LIMITED: EXIT_BAD_INPUT,
  PRECONDITION_REQUIRED: EXIT_BAD_INPUT,
  IDEMPOTENCY_MISMATCH: EXIT_BAD_INPUT,
  VALIDATION_FAILED: EXIT_BAD_INPUT,
  // `pkimm attest verify` promises 1 for a document that is readable but not valid.
  ATTESTATION_INVALID: EXIT_INTERNAL,
  // Like an invalid attestation: the input was readable, the check failed.
  LOG_TAMPERED: EXIT_INTERNAL,
};

export function exitCodeFor(code: ErrorCode): number {
  return EXIT_BY_CODE[code];
}
