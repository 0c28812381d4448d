/** Phase 3: a reconcile run over many missing groups with a fixed upstream latency. */
import type { ReconcileResult } from '../drivers/reconcile.js';
import type { UpstreamStats } from '../simulator-host.js';
import { type BenchContext, functionEnv, phaseFlags } from '../support/context.js';
import { runWorker } from '../support/processes.js';
import { type LatencySummary, summarise } from '../support/stats.js';
import { num, table } from '../support/table.js';

export interface ReconcileRun extends Omit<ReconcileResult, 'grants'> {
  readonly label: string;
  readonly latencyMs: number;
  readonly observedMaxPerSecond: number;
  /** calls × latency ÷ concurrency: the time if only the latency and the pool bounded the run. */
  readonly latencyBoundMs: number;
  /** calls ÷ configured rate: the time if only the rate limit bounded the run. */
  readonly rateBoundMs: number;
  /** The larger of the two: the best any run with these settings could do. */
  readonly idealMs: number;
  readonly ratio: number;
  readonly maxRateRatio: number;
  /** Shortest time spanned by rate + 1 consecutive grants of the limiter (> 1000 ms = in limit). */
  readonly grantSpanMs: number;
  /** The same over the arrivals the simulator saw. */
  readonly arrivalSpanMs: number;
  /** Arrival minus grant, per request (ms): what the limiter cannot see. */
  readonly sendDelay: LatencySummary;
}

/** Shortest time spanned by `count` consecutive instants (Infinity when there are fewer). */
function tightestSpan(times: readonly number[], count: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let tightest = Number.POSITIVE_INFINITY;
  for (let i = 0; i + count - 1 < sorted.length; i++) {
    tightest = Math.min(tightest, (sorted[i + count - 1] as number) - (sorted[i] as number));
  }
  return tightest;
}

export async function runReconcilePhase(ctx: BenchContext): Promise<ReconcileRun[]> {
  const latencyMs = ctx.plan.reconcileLatencyMs;
  const runs: ReconcileRun[] = [];
  for (const { items, rate } of ctx.plan.reconcileRuns) {
    const label = rate === undefined ? 'default settings' : `rate ${rate}/s`;
    await ctx.host.call('reset');
    await ctx.host.call('latency', { ms: latencyMs });
    const result = await runWorker<ReconcileResult>(ctx.drivers.get('reconcile') as string, {
      env: functionEnv(ctx, 'secrets-manager', {
        BENCH_ITEMS: String(items),
        RECONCILE_MAX_ITEMS: String(Math.max(items, 500)),
        ...(rate !== undefined && { RECONCILE_RATE_PER_SECOND: String(rate) }),
      }),
      execArgv: phaseFlags(ctx, `reconcile-${runs.length + 1}`),
    });
    const upstream = await ctx.host.call<UpstreamStats>('stats');
    const arrivals = await ctx.host.call<number[]>('arrivals');
    await ctx.host.call('latency', { ms: 0 });
    if (result.created !== items) {
      throw new Error(
        `reconcile created ${result.created} of ${items} (complete: ${result.complete})`,
      );
    }
    const latencyBoundMs = (result.requests * latencyMs) / result.concurrency;
    const rateBoundMs = (result.requests * 1000) / result.ratePerSecond;
    const idealMs = Math.max(latencyBoundMs, rateBoundMs);
    const { grants, ...rest } = result;
    const sortedGrants = [...grants].sort((a, b) => a - b);
    const delays = [...arrivals].sort((a, b) => a - b).map((at, i) => at - (sortedGrants[i] ?? at));
    runs.push({
      ...rest,
      label,
      grantSpanMs: tightestSpan(grants, result.ratePerSecond + 1),
      arrivalSpanMs: tightestSpan(arrivals, result.ratePerSecond + 1),
      sendDelay: summarise(delays),
      latencyMs,
      observedMaxPerSecond: upstream.maxPerSecond,
      latencyBoundMs,
      rateBoundMs,
      idealMs,
      ratio: result.wallMs / idealMs,
      maxRateRatio: upstream.maxPerSecond / result.ratePerSecond,
    });
  }
  return runs;
}

export function formatReconcilePhase(runs: readonly ReconcileRun[]): string {
  return table(
    `3. Reconcile: missing groups only, upstream latency ${runs[0]?.latencyMs} ms (wall and bounds in s)`,
    [
      'settings',
      'groups',
      'conc',
      'rate/s',
      'requests',
      'wall',
      'latency bound',
      'rate bound',
      'wall/ideal',
      'max in 1 s',
      'max/rate',
      'tightest rate+1 grants',
      'tightest rate+1 arrivals',
      'grant→arrival p50/max ms',
      'CPU ms/request',
    ],
    runs.map((run) => [
      run.label,
      run.items,
      run.concurrency,
      run.ratePerSecond,
      run.requests,
      num(run.wallMs / 1000),
      num(run.latencyBoundMs / 1000),
      num(run.rateBoundMs / 1000),
      num(run.ratio, 3),
      run.observedMaxPerSecond,
      num(run.maxRateRatio, 3),
      `${num(run.grantSpanMs, 0)} ms`,
      `${num(run.arrivalSpanMs, 0)} ms`,
      `${num(run.sendDelay.p50, 1)} / ${num(run.sendDelay.max, 1)}`,
      num(run.cpuMs / run.requests, 2),
    ]),
  );
}
