/**
 * Job polls of the watcher, paced like reconcile's: the same `RateLimiter` at
 * `RECONCILE_RATE_PER_SECOND`, the same run client (every attempt takes a slot) and the same
 * resend rules (throttled or not-acted-on reads are resent, and a throttle pauses the limiter).
 */
import type { Job } from '../../schemas/responses.js';
import { getJob } from '../lookups/jobs.js';
import { Deadline } from '../reconcile/clock.js';
import { readReconcileConfig } from '../reconcile/config.js';
import { RateLimiter } from '../reconcile/rate-limiter.js';
import { callWithResends, createRunClient } from '../reconcile/run-client.js';

/** Job polls of one container: its SDRS client (with its cached credentials) and limiter. */
export interface JobPolls {
  /** A poller for one invocation: no poll (nor resend wait) starts after `budgetMs`. */
  poller(budgetMs: number): (jobId: string) => Promise<Job>;
}

/**
 * Builds the client and the limiter once per container, so a watcher run every minute neither
 * fetches the SDRS secret again nor opens new connections; each invocation gets its deadline.
 */
export function jobPolls(env: NodeJS.ProcessEnv = process.env): JobPolls {
  const { ratePerSecond, maxAttempts } = readReconcileConfig(env);
  const limiter = new RateLimiter(ratePerSecond);
  const client = createRunClient(limiter, { throttled: 0 }, env);
  return {
    poller: (budgetMs) => {
      const deadline = new Deadline(budgetMs);
      return (jobId) =>
        callWithResends('read', () => getJob(jobId, client), { limiter, deadline, maxAttempts });
    },
  };
}

/** A poller for one invocation with a client of its own (tests and one-off runs). */
export function jobPoller(
  budgetMs: number,
  env: NodeJS.ProcessEnv = process.env,
): (jobId: string) => Promise<Job> {
  return jobPolls(env).poller(budgetMs);
}
