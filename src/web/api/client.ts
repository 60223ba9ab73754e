import { NetworkError, toApiError } from './errors.js';

/** Dispatched on window when a request outside /auth answers 401. */
export const UNAUTHENTICATED = 'pkimm:unauthenticated';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as multipart/form-data instead of JSON (the browser sets the boundary). */
  form?: FormData;
  headers?: Record<string, string>;
}

/** One JSON request to /api/v1; resolves with the parsed body, rejects with ApiError or NetworkError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const init: RequestInit = { method: options.method ?? 'GET', credentials: 'same-origin', headers };
  if (options.form) {
    init.body = options.form;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, init);
  } catch (cause) {
    throw new NetworkError(cause instanceof Error ? cause.message : 'network error');
  }
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    // A proxy answering for a server that is down is as good as unreachable.
    if (response.status === 502 || response.status === 503 || response.status === 504) {
      throw new NetworkError(`server unavailable (${response.status})`);
    }
    // A session that ended (expired, signed out elsewhere): the app shows the sign-in page.
    if (response.status === 401 && !path.startsWith('/auth/'))
      window.dispatchEvent(new Event(UNAUTHENTICATED));
    throw toApiError(response.status, body);
  }
  return body as T;
}
