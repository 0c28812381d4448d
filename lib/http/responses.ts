import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type ProblemCode, problemCatalogue, problemSlug } from '../problems/catalogue.js';
import { type FieldProblem, ProblemError, type UpstreamDetails } from '../problems/errors.js';

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

/** The RFC 9457 body this service sends for every failure (README, *Errors: one shape everywhere*). */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance: string;
  readonly code: ProblemCode;
  readonly requestId: string;
  readonly retryable: boolean;
  readonly errors?: readonly FieldProblem[];
  readonly upstream?: UpstreamDetails;
}

const DEFAULT_TYPE_BASE = 'https://sdrs-bff.invalid/problems/';

/** The problem `type` URI of a code, under `PROBLEM_TYPE_BASE_URL` when it is set. */
export function problemType(code: ProblemCode): string {
  const base = process.env.PROBLEM_TYPE_BASE_URL?.trim() || DEFAULT_TYPE_BASE;
  return `${base.endsWith('/') ? base : `${base}/`}${problemSlug(code)}`;
}

/**
 * Renders a `ProblemError` as `application/problem+json`. Only catalogue fields and the error's
 * own curated members go out: never a stack, a cause or an internal message.
 */
export function problemResponse(error: ProblemError, requestId: string): HttpResponse {
  const entry = problemCatalogue[error.code];
  const body: ProblemBody = {
    type: problemType(error.code),
    title: entry.title,
    status: error.status,
    ...(error.detail !== undefined && { detail: error.detail }),
    instance: `urn:request:${requestId}`,
    code: error.code,
    requestId,
    retryable: entry.retryable,
    ...(error.errors !== undefined && { errors: error.errors }),
    ...(error.upstream !== undefined && { upstream: error.upstream }),
  };
  const headers: Record<string, string> = {
    ...error.headers,
    'content-type': 'application/problem+json',
  };
  if (error.retryAfterSeconds !== undefined)
    headers['retry-after'] = String(error.retryAfterSeconds);
  return { statusCode: error.status, headers, body: JSON.stringify(body) };
}

/** Shorthand for a problem with no error object around it. */
export function problem(code: ProblemCode, detail: string, requestId: string): HttpResponse {
  return problemResponse(new ProblemError(code, detail, { detail }), requestId);
}
