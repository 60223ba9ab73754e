import type { ErrorCode } from '../core/errors.js';

/** The CLI's contract: 0 success, 2 bad input or usage, 1 internal error. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Every typed error is a problem with what the user gave us; the map is total so a new code must be placed. */
const EXIT_BY_CODE: Record<ErrorCode, number> = {
  MODEL_INVALID: EXIT_BAD_INPUT,
  MODEL_NOT_FOUND: EXIT_BAD_INPUT,
  EXTENSION_INVALID: EXIT_BAD_INPUT,
  ASSESSMENT_INVALID: EXIT_BAD_INPUT,
  UNKNOWN_ID: EXIT_BAD_INPUT,
  FORMAT_UNKNOWN: EXIT_BAD_INPUT,
  FILE_UNREADABLE: EXIT_BAD_INPUT,
  FILE_TOO_LARGE: EXIT_BAD_INPUT,
  PARSE_ERROR: EXIT_BAD_INPUT,
  USAGE: EXIT_BAD_INPUT,
  MIGRATION_UNSUPPORTED: EXIT_BAD_INPUT,
};

export function exitCodeFor(code: ErrorCode): number {
  return EXIT_BY_CODE[code];
}
