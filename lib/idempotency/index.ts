/**
 * Idempotency for creates: the records behind `Idempotency-Key` on `POST /protection-groups`
 * (`withIdempotencyKey` in lib/http/idempotency-key.ts) and webhook delivery-id deduplication.
 * See docs/idempotency.md.
 */
export { canonicalJson, fingerprintOf } from './fingerprint.js';
export { parseIdempotencyKey } from './key.js';
export { toReplayable } from './replayable.js';
export { runIdempotent } from './run.js';
export { resetIdempotencyStore } from './store.js';
export type { IdempotentRequest, IdempotentRun, ReplayableResponse } from './types.js';
