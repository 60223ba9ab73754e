import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorHandler } from '../../error-handler.js';
import { etagOf } from '../../assessments/etag.js';
import { StaleVersionError } from '../../assessments/stale-version.js';

/**
 * The app's error handler, plus the one answer only these routes give: a stale version is a
 * 409 that carries the current state (and its ETag), so the client can merge and retry.
 */
export function assessmentErrorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof StaleVersionError) {
    return reply
      .status(409)
      .header('etag', etagOf(error.current.version))
      .send({
        error: { code: error.code, message: error.message, issues: [], requestId: request.id },
        current: error.current,
      });
  }
  return errorHandler(error, request, reply);
}
