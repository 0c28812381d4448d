import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { logger } from '../../observability/logger.js';
import { ProblemError, UpstreamError } from '../../problems/errors.js';
import { requestIdOf } from '../request-id.js';
import { type HttpResponse, problemResponse } from '../responses.js';

/** Maps any thrown value to a `ProblemError`: an unexpected one becomes a 500 `INTERNAL`. */
export function toProblemError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  return new ProblemError('INTERNAL', 'Unexpected error', {
    detail: 'The service failed unexpectedly. Quote the requestId when reporting it.',
    cause: error,
  });
}

/**
 * The error path: maps any thrown value to its problem, logs it as one line, and renders it as
 * problem+json. 4xx are logged as warnings, 5xx as errors with the cause; an upstream failure as
 * one compact `upstream failed` line. The response never carries a stack or an internal message.
 * Every failure answer goes through here — also one kept under an Idempotency-Key.
 */
export function answerProblem(error: unknown, requestId: string): HttpResponse {
  const problem = toProblemError(error);
  const entry = {
    code: problem.code,
    status: problem.status,
    ...(problem.upstream && { upstream: problem.upstream }),
  };
  if (problem instanceof UpstreamError) {
    // An upstream failure is not our bug: one compact line, the cause's name and message only.
    const cause =
      problem.cause instanceof Error
        ? `${problem.cause.name}: ${problem.cause.message}`
        : undefined;
    logger[problem.status >= 500 ? 'error' : 'warn']('upstream failed', {
      ...entry,
      kind: problem.kind,
      cause,
    });
  } else if (problem.status >= 500) {
    logger.error('request failed', { ...entry, error: problem.cause ?? problem });
  } else {
    logger.warn('request rejected', entry);
  }
  return problemResponse(problem, requestId);
}

/**
 * Our RFC 9457 error handler (Middy's http-error-handler sends plain text and drops validation
 * details): {@link answerProblem} for whatever the route threw. Register it last so it is the
 * first to see an error.
 */
export function problemDetails(): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  return {
    onError: async (request) => {
      if (request.response !== undefined && request.error === undefined) return;
      request.response = answerProblem(request.error, requestIdOf(request.event));
    },
  };
}
