import { ProblemError } from '../problems/errors.js';
import type { ReplayableResponse } from './types.js';

/** Any HTTP response as a route returns it (header values may be numbers or booleans). */
export interface AnyResponse {
  readonly statusCode: number;
  readonly headers?: Readonly<Record<string, string | number | boolean>>;
  readonly body?: string;
}

/**
 * An HTTP response as it is stored: header values as strings, the body as text, and
 * `x-request-id` set to the request that produced it (a replay reports it as
 * `original-request-id`).
 */
export function toReplayable(response: AnyResponse, requestId: string): ReplayableResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    headers[name.toLowerCase()] = String(value);
  }
  headers['x-request-id'] = requestId;
  return { statusCode: response.statusCode, headers, body: response.body ?? '' };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

/** Checks that a stored record holds a response; a corrupt record is an internal error. */
export function asReplayable(value: unknown): ReplayableResponse {
  const candidate = value as Partial<ReplayableResponse> | null | undefined;
  if (
    typeof candidate?.statusCode === 'number' &&
    typeof candidate.body === 'string' &&
    isStringRecord(candidate.headers)
  ) {
    return { statusCode: candidate.statusCode, headers: candidate.headers, body: candidate.body };
  }
  throw new ProblemError('INTERNAL', 'The idempotency record holds no response', {
    detail: 'The service failed unexpectedly. Quote the requestId when reporting it.',
  });
}
