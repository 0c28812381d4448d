import { ConfigurationError, readUpstreamConfig } from '../config.js';
import { Deadline, systemClock } from './clock.js';
import { type ReconcileConfig, readReconcileConfig } from './config.js';
import { RateLimiter } from './rate-limiter.js';
import type { RunContext, RunProgress } from './run.js';
import { createRunClient, type UpstreamStats } from './run-client.js';

export interface PrepareOptions {
  readonly runId: string;
  /** Time left for the whole run (the Lambda's remaining time; the CLI's `--timeout`). */
  readonly remainingMs: number;
  readonly env?: NodeJS.ProcessEnv;
  readonly config?: ReconcileConfig;
  readonly onProgress?: (progress: RunProgress) => void;
}

/**
 * Builds a run from the environment: its settings, its own rate limiter (fresh per run), and the
 * SDRS client that sends through it. Nothing new starts later than the remaining time minus
 * `RECONCILE_TIME_RESERVE_MS` minus one upstream timeout (`SDRS_TIMEOUT_MS`), so the request in
 * flight and the report still fit in the invocation.
 */
export function prepareRun(options: PrepareOptions): RunContext {
  const env = options.env ?? process.env;
  const config = options.config ?? readReconcileConfig(env);
  const upstream = readUpstreamConfig(env);
  const budgetMs = options.remainingMs - config.timeReserveMs - upstream.timeoutMs;
  if (budgetMs <= 0) {
    throw new ConfigurationError(
      `A run gets ${options.remainingMs} ms but keeps RECONCILE_TIME_RESERVE_MS (${config.timeReserveMs}) plus SDRS_TIMEOUT_MS (${upstream.timeoutMs}) back: raise the function timeout`,
    );
  }
  const deadline = new Deadline(budgetMs, systemClock);
  const limiter = new RateLimiter(config.ratePerSecond, { closesAt: deadline.closesAt });
  const stats: UpstreamStats = { throttled: 0 };
  return {
    runId: options.runId,
    config,
    client: createRunClient(limiter, stats, env),
    limiter,
    stats,
    deadline,
    ...(options.onProgress && { onProgress: options.onProgress }),
  };
}
