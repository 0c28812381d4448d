import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { problemBody } from '../problems/body.js';
import type { ProblemCode } from '../problems/catalogue.js';
import { ProblemError } from '../problems/errors.js';

export type HttpResponse = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string | number | boolean>;
};

/** A JSON response with the given status. */
export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/**
 * Renders a `ProblemError` as `application/problem+json`: the body from {@link problemBody}, plus
 * its `Retry-After` and any headers it carries.
 */
export function problemResponse(error: ProblemError, requestId: string): HttpResponse {
  const headers: Record<string, string> = {
    ...error.headers,
    'content-type': 'application/problem+json',
  };
  if (error.retryAfterSeconds !== undefined)
    headers['retry-after'] = String(error.retryAfterSeconds);
  return {
    statusCode: error.status,
    headers,
    body: JSON.stringify(problemBody(error, requestId)),
  };
}

/** Shorthand for a problem with no error object around it. */
export function problem(code: ProblemCode, detail: string, requestId: string): HttpResponse {
  return problemResponse(new ProblemError(code, detail, { detail }), requestId);
}
