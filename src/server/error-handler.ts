import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PkimmError } from '../core/errors.js';
import {
  isSignedOffViolation,
  isUnstorableText,
  SIGNED_OFF_MESSAGE,
  storageFailure,
} from '../persistence/dialect.js';
import { httpStatusFor } from './http-status.js';

/** The error body of every route: what went wrong, where, and the request id to quote. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues: { path: string; message: string; line?: number }[];
    requestId: string;
  };
}

/**
 * Maps every failure to a status and a precise body. Typed errors carry their own code;
 * schema failures are 400 with one issue per field; Fastify's own limits keep their status;
 * anything else is a 500 whose details go to the log only.
 */
export function errorHandler(
  thrown: FastifyError | PkimmError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  // The database's own freeze (migration 009) is the last line behind every API check: a 409.
  const error = isSignedOffViolation(thrown)
    ? new PkimmError('READ_ONLY', SIGNED_OFF_MESSAGE)
    : isUnstorableText(thrown)
      ? new PkimmError(
          'VALIDATION_FAILED',
          'the request contains a NUL character (U+0000), which the database cannot hold',
          {
            issues: [{ path: 'request', message: 'remove the NUL character (\\u0000 or %00)' }],
          },
        )
      : thrown;
  const send = (status: number, code: string, message: string, issues: ErrorBody['error']['issues'] = []) =>
    reply
      .status(status)
      .send({ error: { code, message, issues, requestId: request.id } } satisfies ErrorBody);

  // Disk full, read-only, busy or unreachable: the database's trouble, not a bug here, so a 503
  // the client may retry (autosave does) instead of a 500; the details go to the log.
  const failure = error instanceof PkimmError ? undefined : storageFailure(error);
  if (failure) {
    request.log.error({ err: error, storage: failure.kind }, 'database unavailable');
    reply.header('retry-after', String(failure.retryAfterSeconds));
    return send(503, 'DATABASE_UNAVAILABLE', failure.message);
  }
  if (error instanceof PkimmError) {
    const status = httpStatusFor(error.code);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const issues = error.issues.map((i) => ({
      path: i.path,
      message: i.message,
      ...(i.line === undefined ? {} : { line: i.line }),
    }));
    return send(
      status,
      error.code,
      error.source ? `${error.source}: ${error.message}` : error.message,
      issues,
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is invalid',
    }));
    return send(
      400,
      'VALIDATION_FAILED',
      `the request ${error.validationContext ?? 'input'} is invalid`,
      issues,
    );
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError.statusCode === 413) {
    return send(413, 'PAYLOAD_TOO_LARGE', 'the request body is larger than this route accepts');
  }
  if (fastifyError.statusCode === 429) return send(429, 'RATE_LIMITED', fastifyError.message);
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return send(fastifyError.statusCode, fastifyError.code ?? 'BAD_REQUEST', fastifyError.message);
  }
  request.log.error({ err: error }, 'unexpected error');
  return send(500, 'INTERNAL', 'something went wrong on our side; quote the request id when you report it');
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({
    error: {
      code: 'NOT_FOUND',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
      issues: [],
      requestId: request.id,
    },
  } satisfies ErrorBody);
}
