import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { logger } from '../observability/logger.js';
import { notRunProblem } from './errors.js';
import { asReplayable } from './replayable.js';
import { idempotencyStore } from './store.js';
import type { IdempotentRequest, IdempotentRun, ReplayableResponse } from './types.js';

/**
 * Fixed record-id prefix, instead of Powertools' default (the Lambda function name): records
 * then survive a function rename, and the scope already says which route a key belongs to.
 */
const KEY_PREFIX = 'sdrs-bff';

/** What Powertools hashes: `[scope, key]` is the record id, `fingerprint` is checked on reuse. */
interface IdempotencyPayload {
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
}

/**
 * Runs `execute` at most once per (scope, key) within the record lifetime
 * (`IDEMPOTENCY_TTL_SECONDS`, default 24 h); later calls with the same fingerprint get the stored
 * response (`replayed: true`) without executing.
 *
 * Built on Powertools' `makeIdempotent` (a conditional put of an INPROGRESS record, then the
 * response stored as COMPLETED), not its Middy middleware: in 2.35.0 the middleware deletes the
 * record when it rejects a duplicate (Powertools #5675); the wrapper deletes only a record its own
 * run created. Return, do not throw, what must be replayed — see `keptAnswer` in
 * lib/http/idempotent-answer.ts.
 *
 * @throws `ProblemError` `IDEMPOTENCY_IN_PROGRESS` (409 + `Retry-After`) while the first run is in
 *   flight, `IDEMPOTENCY_KEY_REUSED` (422) for a different fingerprint, `INTERNAL` (500) when
 *   `IDEMPOTENCY_TABLE` is unset, `IDEMPOTENCY_STORE_UNAVAILABLE` (503) when the store fails
 *   before the run.
 *   If `execute` throws, nothing is stored and its error is rethrown, so a retry runs again.
 *
 * @example
 * const run = await runIdempotent(
 *   { scope: 'webhook:jira', key: deliveryId, fingerprint: fingerprintOf(body), lambdaContext },
 *   async () => { try { return toReplayable(await create(), requestId); }
 *                 catch (error) { return keptAnswer(error, requestId); } },
 * );
 */
export async function runIdempotent(
  request: IdempotentRequest,
  execute: () => Promise<ReplayableResponse>,
): Promise<IdempotentRun> {
  const { persistence, ttlSeconds } = idempotencyStore();
  let executed = false;
  let result: ReplayableResponse | undefined;
  let failure: { readonly error: unknown } | undefined;
  // A new config per call carries this invocation's context (the in-progress lock's deadline);
  // the shared persistence layer takes its other settings from the first, identical config.
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[scope, key]',
    payloadValidationJmesPath: 'fingerprint',
    throwOnNoIdempotencyKey: true,
    hashFunction: 'sha256',
    expiresAfterSeconds: ttlSeconds,
    ...(request.lambdaContext && { lambdaContext: request.lambdaContext }),
  });
  const once = makeIdempotent(
    async (_payload: IdempotencyPayload): Promise<ReplayableResponse> => {
      executed = true;
      try {
        result = await execute();
        return result;
      } catch (error) {
        failure = { error };
        throw error;
      }
    },
    { persistenceStore: persistence, config, keyPrefix: KEY_PREFIX },
  );
  const payload: IdempotencyPayload = {
    scope: request.scope,
    key: request.key,
    fingerprint: request.fingerprint,
  };
  let stored: unknown;
  try {
    stored = await once(payload);
  } catch (error) {
    if (failure) {
      if (error !== failure.error) {
        // Powertools could not delete our INPROGRESS record: retries get 409 until the lock's
        // deadline passes. The caller still learns what really happened.
        logger.error('idempotency record not removed after a failed run', { error });
      }
      throw failure.error;
    }
    if (result) {
      // The run succeeded but its outcome was not stored: answer it anyway — the caller must
      // learn the outcome (the jobId) — and say loudly that a retry after the lock expires runs again.
      logger.error('idempotent outcome not stored', { error, statusCode: result.statusCode });
      return { response: result, replayed: false };
    }
    throw notRunProblem(error);
  }
  if (executed) return { response: asReplayable(stored), replayed: false };
  const response = asReplayable(stored);
  logger.info('idempotent replay', {
    idempotency: {
      statusCode: response.statusCode,
      originalRequestId: response.headers['x-request-id'],
    },
  });
  return { response, replayed: true };
}
