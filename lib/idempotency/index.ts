/**
 * Idempotency for creates: `Idempotency-Key` on `POST /protection-groups`, and the same machinery
 * for webhook delivery-id deduplication. See docs/idempotency.md.
 *
 * @example HTTP route
 * httpHandler(options, withIdempotencyKey('POST /protection-groups', route));
 *
 * @example Any other caller key (a webhook delivery id)
 * const run = await runIdempotent(
 *   { scope: `webhook:${source}`, key: deliveryId, fingerprint: fingerprintOf(createBody), lambdaContext },
 *   async () => {
 *     try { return toReplayable(await accept(createBody), requestId); }
 *     catch (error) { return replayableOutcome(error, requestId); }
 *   },
 * );
 * return idempotentHttpResponse(run, requestId);
 */
export { DEFAULT_IDEMPOTENCY_TTL_SECONDS, readIdempotencySettings } from './config.js';
export {
  IdempotencyInProgressError,
  IdempotencyKeyReusedError,
  IdempotencyStoreUnavailableError,
  IN_PROGRESS_RETRY_AFTER_SECONDS,
} from './errors.js';
export { canonicalJson, fingerprintOf } from './fingerprint.js';
export { idempotentHttpResponse, withIdempotencyKey } from './http.js';
export { IDEMPOTENCY_KEY_HEADER, IdempotencyKeyInvalidError, parseIdempotencyKey } from './key.js';
export { replayableOutcome, sdrsDidNotAct } from './outcome.js';
export { toReplayable } from './replayable.js';
export { runIdempotent } from './run.js';
export { callerScope } from './scope.js';
export { resetIdempotencyStore } from './store.js';
export { IDEMPOTENCY_TTL_ATTRIBUTE, idempotencyTableDefinition } from './table.js';
export type { IdempotentRequest, IdempotentRun, ReplayableResponse } from './types.js';
