import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { logger } from '../../observability/logger.js';
import { ProblemError, UpstreamError } from '../../problems/errors.js';
import { requestIdOf } from '../request-id.js';
import { type HttpResponse, problemResponse } from '../responses.js';

const BODY_PARSER = '@middy/http-json-body-parser';

const isEmpty = (body: unknown) =>
  body === undefined || body === null || (typeof body === 'string' && body.trim() === '');

/**
 * Maps any thrown value to a `ProblemError`. Middy's JSON body parser answers 415 both for a wrong
 * content type and for malformed JSON (Middy 6); only the first is a media-type problem.
 */
export function toProblemError(error: unknown, rawBody?: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  const cause = (error as { cause?: { package?: string } } | undefined)?.cause;
  if (cause?.package === BODY_PARSER && error instanceof Error) {
    return error.message === 'Unsupported Media Type'
      ? new ProblemError('UNSUPPORTED_MEDIA_TYPE', error.message, {
          detail: 'Send the body as JSON with `Content-Type: application/json`.',
        })
      : new ProblemError('MALFORMED_JSON', error.message, {
          detail: isEmpty(rawBody)
            ? 'The body is empty: send a JSON object.'
            : 'The body is not valid JSON.',
        });
  }
  return new ProblemError('INTERNAL', 'Unexpected error', {
    detail: 'The service failed unexpectedly. Quote the requestId when reporting it.',
    cause: error,
  });
}

/**
 * Our RFC 9457 error handler (Middy's http-error-handler sends plain text and drops validation
 * details). Register it last so it is the first to see an error. 4xx are logged as warnings,
 * 5xx as errors with the cause; the response never carries a stack or an internal message.
 */
export function problemDetails(): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  return {
    onError: async (request) => {
      if (request.response !== undefined && request.error === undefined) return;
      const problem = toProblemError(request.error, request.event.body);
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
      request.response = problemResponse(problem, requestIdOf(request.event));
    },
  };
}
