/**
 * The fleet phase, in a fresh process with the V8 limits of the deployed memory size: the
 * deployed `reconcile` handler (handlers/reconcile.ts, middlewares included) given only a pointer
 * to a desired list in S3 (the host's local S3), as the schedule gives it. It reads the YAML list,
 * lists the existing groups once, creates the missing ones at the configured rate and saves the
 * report to the bucket. Reports the run's figures and the process's peak RSS.
 */
import { handler } from '../../handlers/reconcile.js';
import type { RunReport } from '../../lib/reconcile/report.js';
import { lambdaContext } from '../../test/support/events.js';
import { reportFailure, reportResult } from '../support/processes.js';

const MB = 1024 * 1024;

/** What this phase reports. */
export interface FleetResult {
  readonly wallMs: number;
  readonly items: number;
  readonly created: number;
  readonly exists: number;
  readonly deferred: number;
  readonly complete: boolean;
  readonly requests: number;
  readonly throttled: number;
  readonly ratePerSecond: number;
  readonly concurrency: number;
  /** The kernel's high-water mark of the process (`resourceUsage().maxRSS`), MB. */
  readonly peakRssMb: number;
  readonly cpuMs: number;
}

async function main(): Promise<void> {
  const source = process.env.BENCH_LIST_SOURCE;
  if (!source) throw new Error('BENCH_LIST_SOURCE is not set');
  // Lambda's longest timeout, as deployed (serverless.yml: reconcile timeout 900 s).
  const context = lambdaContext(900_000);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = (await handler({ source }, context)) as RunReport;
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const result: FleetResult = {
    wallMs,
    items: report.totals.items,
    created: report.totals.created,
    exists: report.totals.exists,
    deferred: report.totals.deferred,
    complete: report.complete,
    requests: report.upstream.requests,
    throttled: report.upstream.throttled,
    ratePerSecond: report.upstream.ratePerSecond,
    concurrency: report.upstream.concurrency,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
    cpuMs: (used.user + used.system) / 1000,
  };
  reportResult(result);
}

main().catch(reportFailure);
