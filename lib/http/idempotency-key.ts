import { fingerprintOf } from '../idempotency/fingerprint.js';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../idempotency/key.js';
import { runIdempotent } from '../idempotency/run.js';
import { callerScope } from '../idempotency/scope.js';
import type { HttpRequest, HttpRoute } from './http-handler.js';
import { answerToKeep, idempotentHttpResponse } from './idempotent-answer.js';

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
  const keyed = async (request: HttpRequest<TBody>, key: string) => {
    const run = await runIdempotent(
      {
        scope: callerScope(request.event, routeName),
        key,
        fingerprint: fingerprintOf(request.body),
        lambdaContext: request.context,
      },
      () => answerToKeep(() => route(request), request.requestId),
    );
    return idempotentHttpResponse(run, request.requestId);
  };
  // Not an async function itself: without a key the route's own promise is returned as it is,
  // with no extra promise around it. A refused key still arrives as a rejected promise.
  return (request) => {
    let key: string | undefined;
    try {
      key = parseIdempotencyKey(request.event.headers?.[IDEMPOTENCY_KEY_HEADER]);
    } catch (error) {
      return Promise.reject(error);
    }
    return key === undefined ? route(request) : keyed(request, key);
  };
}
