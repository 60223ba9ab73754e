import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../../auth/access.js';
import { attachment } from './content-disposition.js';
import { requestHash, type IdempotencyRequest, type ServiceResponse } from '../../assessments/idempotency.js';

/**
 * The idempotency identity of a write: who sent it, the key, and what exactly it asked. `body`
 * stands for the request body where it is not JSON (an upload passes its file's digest).
 */
export function idempotencyOf(
  request: FastifyRequest,
  key: string | undefined,
  body: string = typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? null),
): IdempotencyRequest | undefined {
  if (key === undefined) return undefined;
  const user = requireUser(request.principal);
  const ifMatch = request.headers['if-match'];
  return {
    userId: user.userId,
    key,
    requestHash: requestHash([request.method, request.url, typeof ifMatch === 'string' ? ifMatch : '', body]),
  };
}

/** Sends a service response: its status, its ETag, its body. */
export function send<T>(reply: FastifyReply, response: ServiceResponse<T>): T {
  reply.status(response.status);
  if (response.etag !== undefined) reply.header('etag', response.etag);
  return response.body;
}

/** Sends a file as a download: its type, and a Content-Disposition that names it (RFC 5987 safe). */
export function sendDownload(
  reply: FastifyReply,
  file: { contentType: string; fileName: string },
  body: string | Buffer | Uint8Array,
): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachment(file.fileName))
    .send(body);
}
