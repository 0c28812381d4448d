import { fingerprintOf } from '../idempotency/fingerprint.js';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../idempotency/key.js';
import { keptProblem } from '../idempotency/outcome.js';
import { toReplayable } from '../idempotency/replayable.js';
import { runIdempotent } from '../idempotency/run.js';
import { callerScope } from '../idempotency/scope.js';
import type { IdempotentRun, ReplayableResponse } from '../idempotency/types.js';
import type { HttpRoute } from './http-handler.js';
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

/**
 * Makes a create route honour `Idempotency-Key` (README, *Idempotency-Key*). Without the header the route runs
 * as before. With it, the route runs at most once per (caller, route, key): the key is scoped by
 * `routeName` and the caller's JWT `sub`, the request is fingerprinted by its validated body, and
 * final outcomes — the 202 and problems after SDRS may have acted — are stored and replayed.
 * The replay is returned from the route, so every `after` middleware (X-Request-Id, CORS) runs.
 *
 * @example
 * httpHandler({ auth, body }, withIdempotencyKey('POST /protection-groups', createRoute));
 */
export function withIdempotencyKey<TBody>(
  routeName: string,
  route: HttpRoute<TBody>,
): HttpRoute<TBody> {
  return async (request) => {
    const key = parseIdempotencyKey(request.event.headers?.[IDEMPOTENCY_KEY_HEADER]);
    if (key === undefined) return route(request);
    const run = await runIdempotent(
      {
        scope: callerScope(request.event, routeName),
        key,
        fingerprint: fingerprintOf(request.body),
        lambdaContext: request.context,
      },
      async () => {
        try {
          return toReplayable(await route(request), request.requestId);
        } catch (error) {
          return keptAnswer(error, request.requestId);
        }
      },
    );
    return idempotentHttpResponse(run, request.requestId);
  };
}
