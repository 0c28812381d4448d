import { readUpstreamConfig } from '../config.js';
import { credentialsFromEnv } from '../dependencies.js';
import { logger } from '../observability/logger.js';
import { UpstreamError } from '../problems/errors.js';
import { resendReason } from '../upstream/resend-policy.js';
import { SdrsClient } from '../upstream/sdrs-client.js';
import { type Clock, type Deadline, systemClock } from './clock.js';
import type { RateLimiter } from './rate-limiter.js';

/** Counts what the run's upstream answered, for the report and the metrics. */
export interface UpstreamStats {
  throttled: number;
}

/**
 * The run's SDRS client: the service's `SdrsClient`, with the environment's settings and
 * credentials, but resending nothing itself (`maxRetries: 0`) — the run decides about resends
 * with its own budget and deadline (`callWithResends`) — and with every request rate-limited.
 */
export function createRunClient(
  limiter: RateLimiter,
  stats: UpstreamStats,
  env: NodeJS.ProcessEnv = process.env,
): SdrsClient {
  return new SdrsClient({
    config: { ...readUpstreamConfig(env), maxRetries: 0 },
    credentials: credentialsFromEnv(env),
    // Every attempt of the run — first sends and resends alike — takes a limiter slot first.
    beforeAttempt: () => limiter.take(),
    onCall: (call) => {
      if (call.outcome === 'UPSTREAM_THROTTLED') stats.throttled += 1;
      logger.debug('upstream call', { upstream: call });
    },
  });
}

export interface ResendPolicy {
  readonly limiter: RateLimiter;
  readonly deadline: Deadline;
  readonly maxAttempts: number;
  readonly clock?: Clock;
  readonly random?: () => number;
}

/** `read` calls may be resent after a broken connection; a `create` never (its bytes may have arrived). */
export type CallKind = 'read' | 'create';

const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 5000;
const RETRY_JITTER_MS = 250;

function isThrottledOrUnavailable(error: UpstreamError): boolean {
  return resendReason(error, true) === 'throttled';
}

/**
 * How long to wait before sending `error`'s request again, or `undefined` when it must not be
 * resent. Safe to resend: SDRS answered 429 / `APIGW.0308` or 503 (waited out for
 * its `Retry-After`), or the connection was refused / the name did not resolve; a read also after
 * a reset. A create that timed out or was reset is never resent.
 */
export function resendDelay(
  error: UpstreamError,
  kind: CallKind,
  attempt: number,
  random: () => number = Math.random,
): number | undefined {
  const reason = resendReason(error, kind === 'read');
  if (reason === undefined) return undefined;
  const jitter = random() * RETRY_JITTER_MS;
  if (reason === 'throttled') return (error.retryAfterSeconds ?? 1) * 1000 + jitter;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)) + jitter;
}

/**
 * Calls `call` and resends it while `resendDelay` allows, at most `maxAttempts` times in all and
 * never past the deadline. A throttled answer also pauses the shared limiter for its
 * `Retry-After`, so no other worker of the run hits the gateway meanwhile. Throws the last
 * `UpstreamError`, or `RunDeadlineError` when the limiter would grant the first slot too late.
 */
export async function callWithResends<T>(
  kind: CallKind,
  call: () => Promise<T>,
  policy: ResendPolicy,
): Promise<T> {
  const clock = policy.clock ?? systemClock;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const wait = resendDelay(error, kind, attempt, policy.random);
      if (wait === undefined || attempt >= policy.maxAttempts) throw error;
      if (isThrottledOrUnavailable(error)) {
        policy.limiter.pause((error.retryAfterSeconds ?? 1) * 1000);
      }
      if (!policy.deadline.allows(wait)) throw error;
      await clock.sleep(wait);
    }
  }
}
