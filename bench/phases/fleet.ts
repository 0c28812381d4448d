/** Phase 5: a fleet-sized list (5,000 entries, half existing) read from S3, at the configured rate. */
import type { FleetResult } from '../drivers/fleet.js';
import type { UpstreamStats } from '../simulator-host.js';
import { type BenchContext, functionEnv, phaseFlags } from '../support/context.js';
import { runWorker } from '../support/processes.js';
import { num, table } from '../support/table.js';

export interface FleetRun extends FleetResult {
  readonly listBytes: number;
  readonly latencyMs: number;
  /** requests ÷ configured rate: the time if only the rate limit bounded the run. */
  readonly idealMs: number;
  readonly ratio: number;
  readonly observedMaxPerSecond: number;
}

export async function runFleetPhase(ctx: BenchContext): Promise<FleetRun> {
  const { fleetItems: items, fleetRate: rate } = ctx.plan;
  const latencyMs = ctx.plan.reconcileLatencyMs;
  await ctx.host.call('reset');
  const list = await ctx.host.call<{ key: string; bytes: number }>('fleet', {
    items,
    existing: Math.floor(items / 2),
  });
  await ctx.host.call('latency', { ms: latencyMs });
  const result = await runWorker<FleetResult>(ctx.drivers.get('fleet') as string, {
    env: functionEnv(ctx, 'secrets-manager', {
      BENCH_LIST_SOURCE: `s3://${ctx.upstream.bucket}/${list.key}`,
      AWS_ENDPOINT_URL_S3: ctx.upstream.s3Endpoint,
      RECONCILE_BUCKET: ctx.upstream.bucket,
      ...(rate !== undefined && { RECONCILE_RATE_PER_SECOND: String(rate) }),
    }),
    execArgv: phaseFlags(ctx, 'fleet'),
  });
  const upstream = await ctx.host.call<UpstreamStats>('stats');
  await ctx.host.call('latency', { ms: 0 });
  const missing = items - Math.floor(items / 2);
  if (result.created !== missing || !result.complete) {
    throw new Error(
      `fleet run created ${result.created} of ${missing} (complete: ${result.complete}, deferred: ${result.deferred})`,
    );
  }
  const idealMs = Math.max(
    (result.requests * 1000) / result.ratePerSecond,
    (result.requests * latencyMs) / result.concurrency,
  );
  return {
    ...result,
    listBytes: list.bytes,
    latencyMs,
    idealMs,
    ratio: result.wallMs / idealMs,
    observedMaxPerSecond: upstream.maxPerSecond,
  };
}

export function formatFleetPhase(run: FleetRun): string {
  return table(
    `5. Fleet: ${run.items} entries (half existing) from a YAML list in S3, one invocation, upstream latency ${run.latencyMs} ms`,
    [
      'list KB',
      'rate/s',
      'conc',
      'requests',
      'created',
      'exists',
      'wall s',
      'ideal s',
      'wall/ideal',
      'max in 1 s',
      'peak RSS MB',
      'CPU ms/request',
    ],
    [
      [
        num(run.listBytes / 1024, 0),
        run.ratePerSecond,
        run.concurrency,
        run.requests,
        run.created,
        run.exists,
        num(run.wallMs / 1000, 1),
        num(run.idealMs / 1000, 1),
        num(run.ratio, 3),
        run.observedMaxPerSecond,
        num(run.peakRssMb, 1),
        num(run.cpuMs / run.requests, 2),
      ],
    ],
  );
}
