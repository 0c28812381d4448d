import { ProblemError } from '../problems/errors.js';

/** Seconds a caller waits before retrying a key whose first request is still running. */
export const IN_PROGRESS_RETRY_AFTER_SECONDS = 1;

/** Another request with this key has not finished (409 `IDEMPOTENCY_IN_PROGRESS`). */
export class IdempotencyInProgressError extends ProblemError {
  constructor(options: ErrorOptions = {}) {
    super('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is in progress', {
      ...options,
      detail:
        'The first request with this Idempotency-Key has not finished yet. Retry after `Retry-After` seconds with the same key and body to get its answer.',
      retryAfterSeconds: IN_PROGRESS_RETRY_AFTER_SECONDS,
    });
    this.name = 'IdempotencyInProgressError';
  }
}

/** The key came before with a different request (422 `IDEMPOTENCY_KEY_REUSED`). */
export class IdempotencyKeyReusedError extends ProblemError {
  constructor(options: ErrorOptions = {}) {
    super('IDEMPOTENCY_KEY_REUSED', 'The Idempotency-Key was used for another request', {
      ...options,
      detail:
        'This Idempotency-Key was first used with a different body. Resend that body to get its answer, or use a new key for this one.',
    });
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** The idempotency store failed before anything ran: retrying is safe (503). */
export class IdempotencyStoreUnavailableError extends ProblemError {
  constructor(options: ErrorOptions = {}) {
    super('IDEMPOTENCY_STORE_UNAVAILABLE', 'The idempotency store failed', {
      ...options,
      detail:
        'The service could not record this Idempotency-Key, so nothing was sent to SDRS. Retry with the same key.',
      retryAfterSeconds: IN_PROGRESS_RETRY_AFTER_SECONDS,
    });
    this.name = 'IdempotencyStoreUnavailableError';
  }
}

/**
 * Maps what Powertools throws when the operation did NOT run. Matched by `name`, not
 * `instanceof`: a second copy of the package in a bundle breaks `instanceof` (Powertools #2517).
 *
 * - already in progress → 409; also a record that changed under us (expired or removed between
 *   the conditional put and the read: `IdempotencyInconsistentStateError`, `…ItemNotFoundError`),
 *   where the first request just finished or gave up and a retry decides;
 * - payload mismatch → 422;
 * - anything else (persistence, SDK, network) → 503: the store failed and nothing was sent.
 */
export function notRunProblem(error: unknown): ProblemError {
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    case 'IdempotencyAlreadyInProgressError':
    case 'IdempotencyInconsistentStateError':
    case 'IdempotencyItemNotFoundError':
      return new IdempotencyInProgressError({ cause: error });
    case 'IdempotencyValidationError':
      return new IdempotencyKeyReusedError({ cause: error });
    default:
      return error instanceof ProblemError
        ? error
        : new IdempotencyStoreUnavailableError({ cause: error });
  }
}
