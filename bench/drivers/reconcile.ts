/**
 * Phase 3, in a fresh process: the deployed `reconcile` handler (handlers/reconcile.ts, with its
 * middlewares) over a desired list of `BENCH_ITEMS` missing groups, against the simulator with a
 * fixed upstream latency (set by the parent). Settings come from the environment as deployed
 * (RECONCILE_CONCURRENCY, RECONCILE_RATE_PER_SECOND; RECONCILE_MAX_ITEMS raised to fit the list).
 */
import { handler } from '../../handlers/reconcile.js';
import { RateLimiter } from '../../lib/reconcile/rate-limiter.js';
import type { RunReport } from '../../lib/reconcile/report.js';
import { lambdaContext } from '../../test/support/events.js';
import { reportFailure, reportResult } from '../support/processes.js';
import { envInt, frontEndBody } from './bodies.js';

/** What this phase reports. */
export interface ReconcileResult {
  readonly items: number;
  readonly wallMs: number;
  readonly created: number;
  readonly complete: boolean;
  /** Upstream requests the run counted (its limiter's grants: the list read + the creates). */
  readonly requests: number;
  readonly throttled: number;
  readonly concurrency: number;
  readonly ratePerSecond: number;
  /** When the run's limiter granted each slot (ms since epoch, like the simulator's arrivals). */
  readonly grants: number[];
  /** CPU the process spent in the run (user + system), ms. */
  readonly cpuMs: number;
}

// Observe (not change) the run's limiter: record the wall-clock time of every slot it grants, to
// tell the limiter's own spacing apart from delays between a grant and the request's arrival.
const grants: number[] = [];
const take = RateLimiter.prototype.take;
RateLimiter.prototype.take = function recordGrant(this: RateLimiter) {
  return take.call(this).then(() => {
    grants.push(Date.now());
  });
};

async function main(): Promise<void> {
  const items = envInt('BENCH_ITEMS', 1000);
  const event = {
    protectionGroups: Array.from({ length: items }, (_, i) => frontEndBody(i)),
    dryRun: false,
    waitForJobs: false,
  };
  // Lambda's longest timeout: the run must not be cut short by its own deadline here.
  const context = lambdaContext(900_000);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = (await handler(event, context)) as RunReport;
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const result: ReconcileResult = {
    items,
    wallMs,
    created: report.totals.created,
    complete: report.complete,
    requests: report.upstream.requests,
    throttled: report.upstream.throttled,
    concurrency: report.upstream.concurrency,
    ratePerSecond: report.upstream.ratePerSecond,
    grants,
    cpuMs: (used.user + used.system) / 1000,
  };
  reportResult(result);
}

main().catch(reportFailure);
