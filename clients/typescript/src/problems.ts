/**
 * Problems as types: every failure the API answers is `application/problem+json` with a `code`;
 * `AnyProblem` is the union of them keyed by `code`, so `switch (problem.code)` narrows and a
 * `never` default proves every code is handled.
 */
import type { components } from './generated/schema.js';

/** The RFC 9457 body of every failure the service answers. */
export type Problem = components['schemas']['Problem'];
/** Every problem `code`. */
export type ProblemCode = Problem['code'];
/** A problem of one code. */
export type ProblemWith<C extends ProblemCode> = Omit<Problem, 'code'> & { readonly code: C };
/** Every problem, as a union discriminated by `code`. */
export type AnyProblem = { [C in ProblemCode]: ProblemWith<C> }[ProblemCode];
/** What API Gateway answers on its own (401/403 of the JWT authorizer, 413, 429, 500). */
export type GatewayError = components['schemas']['GatewayError'];

/** Seconds in a `Retry-After` header (delay-seconds form), or undefined. */
export function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A problem+json body as the service sends it (checked loosely: `code`, `status`, `type`). */
export function isProblem(value: unknown): value is AnyProblem {
  return (
    isRecord(value) &&
    typeof value.code === 'string' &&
    typeof value.status === 'number' &&
    typeof value.type === 'string'
  );
}

/** API Gateway's own `{"message": …}` body. */
export function isGatewayError(value: unknown): value is GatewayError {
  return isRecord(value) && typeof value.message === 'string' && !('code' in value);
}

/**
 * A request that failed: the HTTP status, the service's problem (or API Gateway's own body),
 * `Retry-After` and the request id. Thrown by the helpers; build one from any openapi-fetch
 * result with {@link SdrsBffError.from}.
 */
export class SdrsBffError extends Error {
  readonly status: number;
  /** The service's problem, when it answered one. */
  readonly problem: AnyProblem | undefined;
  /** API Gateway's own answer, when it answered before the service. */
  readonly gateway: GatewayError | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    const gateway = isGatewayError(body) ? body : undefined;
    super(
      problem
        ? `${response.status} ${problem.code}: ${problem.detail ?? problem.title}`
        : `${response.status} ${gateway?.message ?? response.statusText}`,
    );
    this.name = 'SdrsBffError';
    this.status = response.status;
    this.problem = problem;
    this.gateway = gateway;
    this.retryAfterSeconds = retryAfterSeconds(response.headers);
    this.requestId = response.headers.get('x-request-id') ?? problem?.requestId;
  }

  /** The error of an openapi-fetch result (`{ error, response }`). */
  static from(result: { readonly error?: unknown; readonly response: Response }): SdrsBffError {
    return new SdrsBffError(result.response, result.error);
  }
}
