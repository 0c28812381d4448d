import { readUpstreamConfig } from '../config.js';
import { credentialsFromEnv } from '../credentials/from-env.js';
import { logger } from '../observability/logger.js';
import { UpstreamError } from '../problems/errors.js';
import { type ResendRule, resendDelay, throttledOrUnavailable } from '../upstream/resend.js';
import { SdrsClient } from '../upstream/sdrs-client.js';
import { type Clock, type Deadline, systemClock } from './clock.js';
import type { RateLimiter } from './rate-limiter.js';

/** Counts what the run's upstream answered, for the report and the metrics. */
export interface UpstreamStats {
  throttled: number;
}

/**
 * The run's SDRS client: the service's `SdrsClient`, with the environment's settings and
 * credentials, but resending nothing itself (`maxAttempts: 1`) — the run decides about resends
 * with its own budget and deadline (`callWithResends`) — and with every request rate-limited.
 */
export function createRunClient(
  limiter: RateLimiter,
  stats: UpstreamStats,
  env: NodeJS.ProcessEnv = process.env,
): SdrsClient {
  return new SdrsClient({
    config: { ...readUpstreamConfig(env), maxAttempts: 1 },
    credentials: credentialsFromEnv(env),
    // Every attempt of the run — first sends and resends alike — takes a limiter slot first.
    beforeAttempt: () => limiter.take(),
    onCall: (call) => {
      if (call.outcome === 'UPSTREAM_THROTTLED') stats.throttled += 1;
      logger.debug('upstream call', { upstream: call });
    },
  });
}

/** How a run resends: its shared limiter and deadline, and the attempts per request. */
export interface RunResends {
  readonly limiter: RateLimiter;
  readonly deadline: Deadline;
  readonly maxAttempts: number;
  readonly clock?: Clock;
  readonly random?: () => number;
}

/** `read` calls may be resent after a broken connection; a `create` never (its bytes may have arrived). */
export type CallKind = 'read' | 'create';

/**
 * The run's resend rule (lib/upstream/resend.ts): backoff 250 ms doubling to at most 5 s, a
 * throttled answer waited out for its whole `Retry-After`, 0–250 ms added to every wait.
 */
export function runResendRule(maxAttempts: number): ResendRule {
  return { maxAttempts, backoffMs: 250, maxBackoffMs: 5000, jitterMs: 250 };
}

/**
 * Calls `call` and resends it while the resend rule allows, at most `maxAttempts` times in all and
 * never past the deadline. A throttled answer also pauses the shared limiter for its
 * `Retry-After`, so no other worker of the run hits the gateway meanwhile. Throws the last
 * `UpstreamError`, or `RunDeadlineError` when the limiter would grant the first slot too late.
 */
export async function callWithResends<T>(
  kind: CallKind,
  call: () => Promise<T>,
  resends: RunResends,
): Promise<T> {
  const clock = resends.clock ?? systemClock;
  const rule = runResendRule(resends.maxAttempts);
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const wait = resendDelay(error, kind === 'read', attempt, rule, resends.random);
      if (wait === undefined) throw error;
      if (throttledOrUnavailable(error)) {
        resends.limiter.pause((error.retryAfterSeconds ?? 1) * 1000);
      }
      if (!resends.deadline.allows(wait)) throw error;
      await clock.sleep(wait);
    }
  }
}
