import { type ProblemCode, problemCatalogue, problemSlug } from './catalogue.js';
import type { FieldProblem, ProblemError, UpstreamDetails } from './errors.js';

/**
 * The RFC 9457 body this service sends for every failure. `instance` and `requestId` belong to an
 * HTTP answer; a problem inside a job or a reconcile report has neither.
 */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: ProblemCode;
  readonly requestId?: string;
  readonly retryable: boolean;
  readonly errors?: readonly FieldProblem[];
  readonly upstream?: UpstreamDetails;
}

/** A problem body answered to one HTTP request: it names the request. */
export type RequestProblemBody = ProblemBody & {
  readonly instance: string;
  readonly requestId: string;
};

const DEFAULT_TYPE_BASE = 'https://sdrs-bff.invalid/problems/';

/** The problem `type` URI of a code, under `PROBLEM_TYPE_BASE_URL` when it is set. */
export function problemType(code: ProblemCode): string {
  const base = process.env.PROBLEM_TYPE_BASE_URL?.trim() || DEFAULT_TYPE_BASE;
  return `${base.endsWith('/') ? base : `${base}/`}${problemSlug(code)}`;
}

/**
 * The one builder of a problem body. Only catalogue fields and the error's own curated members go
 * out: never a stack, a cause or an internal message. With `requestId` the body names the request
 * (`instance`, `requestId`), as every HTTP answer does.
 */
export function problemBody(problem: ProblemError, requestId: string): RequestProblemBody;
export function problemBody(problem: ProblemError): ProblemBody;
export function problemBody(problem: ProblemError, requestId?: string): ProblemBody {
  const entry = problemCatalogue[problem.code];
  return {
    type: problemType(problem.code),
    title: entry.title,
    status: problem.status,
    detail: problem.detail,
    ...(requestId !== undefined && { instance: `urn:request:${requestId}` }),
    code: problem.code,
    ...(requestId !== undefined && { requestId }),
    retryable: entry.retryable,
    ...(problem.errors !== undefined && { errors: problem.errors }),
    ...(problem.upstream !== undefined && { upstream: problem.upstream }),
  };
}
