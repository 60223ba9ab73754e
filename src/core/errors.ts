/**
 * Typed errors shared by every layer. Each carries a literal `code`; the CLI maps codes to
 * exit codes (src/cli/exit-codes.ts) and, later, the server maps them to HTTP statuses.
 * Nothing here knows about either.
 */
export type ErrorCode =
  | 'MODEL_INVALID'
  | 'MODEL_NOT_FOUND'
  | 'EXTENSION_INVALID'
  /** A crosswalk pack breaks the pack format or names requirements its model lacks. */
  | 'CROSSWALK_INVALID'
  | 'ASSESSMENT_INVALID'
  | 'UNKNOWN_ID'
  | 'FORMAT_UNKNOWN'
  | 'FILE_UNREADABLE'
  | 'FILE_TOO_LARGE'
  | 'PARSE_ERROR'
  | 'USAGE'
  | 'MIGRATION_UNSUPPORTED'
  | 'CONFIG_INVALID'
  | 'DATABASE_UNAVAILABLE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'READ_ONLY'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'PRECONDITION_REQUIRED'
  | 'IDEMPOTENCY_MISMATCH'
  | 'VALIDATION_FAILED'
  /** A signed attestation failed verification (signature, chain, dates or content). */
  | 'ATTESTATION_INVALID'
  /** A hash-chained assessment log no longer matches what it records (it was changed outside pkimm). */
  | 'LOG_TAMPERED';

/** One problem found while validating input: where it is and what is wrong. */
export interface Issue {
  /** Path inside the document, e.g. `modules.0.categories.2.weight`; empty for the whole document. */
  path: string;
  message: string;
  /** 1-based line and column, when the source text is known. */
  line?: number;
  column?: number;
}

export class PkimmError extends Error {
  readonly code: ErrorCode;
  /** The file or source the problem is in, when there is one. */
  readonly source: string | undefined;
  readonly issues: readonly Issue[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { source?: string; issues?: Issue[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PkimmError';
    this.code = code;
    this.source = options.source;
    this.issues = options.issues ?? [];
  }
}

/** Formats one issue as `file:line path: message` (the line and path are left out when unknown). */
export function formatIssue(source: string | undefined, issue: Issue): string {
  const where = [source ?? '<input>', issue.line === undefined ? undefined : String(issue.line)]
    .filter((part) => part !== undefined)
    .join(':');
  return issue.path === '' ? `${where}: ${issue.message}` : `${where} ${issue.path}: ${issue.message}`;
}

/** All lines of an error for a terminal: the headline, then one line per issue. */
export function formatError(error: PkimmError): string[] {
  const headline = error.source ? `${error.source}: ${error.message}` : error.message;
  return [headline, ...error.issues.map((issue) => formatIssue(error.source, issue))];
}
