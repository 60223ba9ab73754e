import type { ErrorCode } from '../core/errors.js';

/**
 * The one place typed errors become HTTP statuses. 400: the request is malformed; 422: it is
 * well-formed but names things that do not exist or breaks a rule of the model; 404 also
 * stands for "not yours", so other tenants' resources are indistinguishable from missing ones.
 */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  USAGE: 400,
  PARSE_ERROR: 400,
  FORMAT_UNKNOWN: 400,
  VALIDATION_FAILED: 400,
  ATTESTATION_INVALID: 422,
  LOG_TAMPERED: 500,
  CONFIG_INVALID: 500,
  MODEL_INVALID: 422,
  EXTENSION_INVALID: 422,
  CROSSWALK_INVALID: 422,
  ASSESSMENT_INVALID: 422,
  UNKNOWN_ID: 422,
  MODEL_NOT_FOUND: 422,
  MIGRATION_UNSUPPORTED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  READ_ONLY: 409,
  FILE_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  // A write without If-Match: the client must say which version it changes.
  PRECONDITION_REQUIRED: 428,
  // An Idempotency-Key reused for a different request.
  IDEMPOTENCY_MISMATCH: 422,
  FILE_UNREADABLE: 500,
  DATABASE_UNAVAILABLE: 503,
};

export function httpStatusFor(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}
