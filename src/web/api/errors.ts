/** An API error as the server reports it: `{error: {code, message, issues}}`. */
export interface ApiIssue {
  path: string;
  message: string;
  line?: number;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    /** The body of a 409: the current state, when the server sent it. */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

/** The server could not be reached at all (offline, restarting). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function issuesOf(value: unknown): ApiIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((issue) => ({
    path: typeof issue.path === 'string' ? issue.path : '',
    message: typeof issue.message === 'string' ? issue.message : '',
    ...(typeof issue.line === 'number' ? { line: issue.line } : {}),
  }));
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === 'string' ? error.code : `HTTP_${status}`;
  const message = typeof error.message === 'string' ? error.message : `request failed (${status})`;
  return new ApiError(status, code, message, issuesOf(error.issues), body);
}
