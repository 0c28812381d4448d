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

/**
 * A poller for one invocation: no poll (nor resend wait) starts after `budgetMs`. The limiter is
 * shared by every poll of the invocation.
 */
export function jobPoller(
  budgetMs: number,
  env: NodeJS.ProcessEnv = process.env,
): (jobId: string) => Promise<Job> {
  const { ratePerSecond, maxAttempts } = readReconcileConfig(env);
  const limiter = new RateLimiter(ratePerSecond);
  const client = createRunClient(limiter, { throttled: 0 }, env);
  const deadline = new Deadline(budgetMs);
  return (jobId) =>
    callWithResends('read', () => getJob(jobId, client), { limiter, deadline, maxAttempts });
}
