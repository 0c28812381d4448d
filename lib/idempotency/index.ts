/**
 * Idempotency for creates: the records behind `Idempotency-Key` on `POST /protection-groups`
 * (`withIdempotencyKey` in lib/http/idempotency-key.ts) and webhook delivery-id deduplication.
 * See docs/idempotency.md.
 */
export { DEFAULT_IDEMPOTENCY_TTL_SECONDS, readIdempotencySettings } from './config.js';
export {
  IdempotencyInProgressError,
  IdempotencyKeyReusedError,
  IdempotencyStoreUnavailableError,
  IN_PROGRESS_RETRY_AFTER_SECONDS,
} from './errors.js';
export { canonicalJson, fingerprintOf } from './fingerprint.js';
export { IDEMPOTENCY_KEY_HEADER, IdempotencyKeyInvalidError, parseIdempotencyKey } from './key.js';
export { keptProblem } from './outcome.js';
export { toReplayable } from './replayable.js';
export { runIdempotent } from './run.js';
export { callerScope } from './scope.js';
export { resetIdempotencyStore } from './store.js';
export { IDEMPOTENCY_TTL_ATTRIBUTE, idempotencyTableDefinition } from './table.js';
export type { IdempotentRequest, IdempotentRun, ReplayableResponse } from './types.js';
