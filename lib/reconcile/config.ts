import { type Env, integer, readAll } from '../config.js';
import { UPSTREAM_PAGE_SIZE } from '../lookups/protection-groups.js';

/** How a reconcile run paces itself (docs/reconcile.md lists every name and default). */
export interface ReconcileConfig {
  /** Upstream requests in flight at once (`RECONCILE_CONCURRENCY`, default 4). */
  readonly concurrency: number;
  /** Upstream requests per second, every request counted (`RECONCILE_RATE_PER_SECOND`, default 10). */
  readonly ratePerSecond: number;
  /** Attempts per upstream request when SDRS throttles or provably did not act (`RECONCILE_MAX_ATTEMPTS`, default 8). */
  readonly maxAttempts: number;
  /** Most entries a desired list may have (`RECONCILE_MAX_ITEMS`, default and maximum 10,000). */
  readonly maxItems: number;
  /**
   * Largest desired list read from S3, in bytes (`RECONCILE_MAX_LIST_BYTES`, default 4 MiB, at
   * most 10 MiB). Parsing YAML takes about 40 MB of memory per MB of text (measured); 4 MiB
   * holds 10,000 entries in either format.
   */
  readonly maxListBytes: number;
  /**
   * Page size of the one list read (`RECONCILE_LIST_PAGE_SIZE`, default and maximum 50: the client
   * reads at most 64 KiB of an answer and a group is up to ~1 KiB of JSON).
   */
  readonly listPageSize: number;
  /** Pause between job-poll rounds with `waitForJobs` (`RECONCILE_JOB_POLL_INTERVAL_MS`, default 2000). */
  readonly jobPollIntervalMs: number;
  /** Time kept back at the end of the invocation for the report (`RECONCILE_TIME_RESERVE_MS`, default 5000). */
  readonly timeReserveMs: number;
}

/**
 * Reads the reconcile settings; throws `ConfigurationError` naming the bad variable. The rate is
 * capped at 100/s: the gateway allows 200/s per API, and the front end's creates share that API.
 */
export function readReconcileConfig(env: Env = process.env): ReconcileConfig {
  return readAll<ReconcileConfig>({
    concurrency: () => integer(env, 'RECONCILE_CONCURRENCY', 4, 1, 32),
    ratePerSecond: () => integer(env, 'RECONCILE_RATE_PER_SECOND', 10, 1, 100),
    maxAttempts: () => integer(env, 'RECONCILE_MAX_ATTEMPTS', 8, 1, 20),
    maxItems: () => integer(env, 'RECONCILE_MAX_ITEMS', 10_000, 1, 10_000),
    maxListBytes: () =>
      integer(env, 'RECONCILE_MAX_LIST_BYTES', 4 * 1024 * 1024, 1024, 10 * 1024 * 1024),
    listPageSize: () =>
      integer(env, 'RECONCILE_LIST_PAGE_SIZE', UPSTREAM_PAGE_SIZE, 1, UPSTREAM_PAGE_SIZE),
    jobPollIntervalMs: () => integer(env, 'RECONCILE_JOB_POLL_INTERVAL_MS', 2000, 50, 60_000),
    timeReserveMs: () => integer(env, 'RECONCILE_TIME_RESERVE_MS', 5000, 0, 120_000),
  });
}
