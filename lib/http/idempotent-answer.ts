/**
 * The HTTP answer of an idempotent run, shared by the create route (`Idempotency-Key`) and the
 * webhook route (delivery ids). Apart from the key header's parsing, so the webhook route, which
 * takes no such header, reaches no code that answers `IDEMPOTENCY_KEY_INVALID`.
 */
import { keptProblem } from '../idempotency/outcome.js';
import { toReplayable } from '../idempotency/replayable.js';
import type { IdempotentRun, ReplayableResponse } from '../idempotency/types.js';
import { answerProblem } from './middlewares/problem-details.js';
import type { HttpResponse } from './responses.js';

const PROBLEM_JSON = 'application/problem+json';

/** Puts the new request's id into a replayed problem body, so body and `X-Request-Id` agree. */
function restampProblem(body: string, requestId: string): string {
  try {
    const problem = JSON.parse(body) as Record<string, unknown>;
    return JSON.stringify({ ...problem, instance: `urn:request:${requestId}`, requestId });
  } catch {
    return body;
  }
}

/**
 * What an idempotent run stores when the create failed: the failure kept under the key (see
 * `keptProblem`), answered through the same error path as any failure — so it is logged once, as
 * it would be without a key — or the error rethrown when nothing may be kept.
 */
export function keptAnswer(error: unknown, requestId: string): ReplayableResponse {
  return toReplayable(answerProblem(keptProblem(error), requestId), requestId);
}

/**
 * What an idempotent run stores for one create: the answer `create` gives, or its failure as
 * {@link keptAnswer} keeps it. The `execute` of both the create route and the webhook route.
 */
export async function answerToKeep(
  create: () => Promise<HttpResponse>,
  requestId: string,
): Promise<ReplayableResponse> {
  try {
    return toReplayable(await create(), requestId);
  } catch (error) {
    return keptAnswer(error, requestId);
  }
}

/**
 * The HTTP response of an idempotent run. A replay is the stored answer (status, headers, body —
 * the same `jobId`) plus `Idempotent-Replayed: true` and `Original-Request-Id` (the request that
 * produced it); a problem body carries the new request's id, like its `X-Request-Id`.
 */
export function idempotentHttpResponse(run: IdempotentRun, requestId: string): HttpResponse {
  const { 'x-request-id': originalRequestId, ...headers } = run.response.headers;
  if (!run.replayed) return { ...run.response, headers };
  const problem = headers['content-type']?.startsWith(PROBLEM_JSON) ?? false;
  return {
    statusCode: run.response.statusCode,
    headers: {
      ...headers,
      'idempotent-replayed': 'true',
      ...(originalRequestId && { 'original-request-id': originalRequestId }),
    },
    body: problem ? restampProblem(run.response.body, requestId) : run.response.body,
  };
}
