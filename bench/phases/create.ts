/** Phase 1: create overhead, the handler against a bare signed call, per concurrency. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CreateLatencyResult } from '../drivers/create-latency.js';
import { formatProfileDiff, summariseProfile } from '../profile-summary.js';
import type { UpstreamStats } from '../simulator-host.js';
import { type BenchContext, functionEnv } from '../support/context.js';
import { runWorker } from '../support/processes.js';
import { num, table } from '../support/table.js';

export interface CreateRun extends CreateLatencyResult {
  readonly upstream: UpstreamStats;
  readonly p50Ratio: number;
  readonly p99Ratio: number;
}

export async function runCreatePhase(
  ctx: BenchContext,
  driver = 'create-latency',
): Promise<CreateRun[]> {
  const runs: CreateRun[] = [];
  for (const concurrency of ctx.plan.concurrencies) {
    await ctx.host.call('reset');
    await ctx.host.call('latency', { ms: 0 });
    const result = await runWorker<CreateLatencyResult>(ctx.drivers.get(driver) as string, {
      env: functionEnv(ctx, 'secrets-manager', {
        BENCH_CONCURRENCY: String(concurrency),
        BENCH_CALLS: String(ctx.plan.createCalls),
        BENCH_WARMUP: String(ctx.plan.createWarmup),
        BENCH_SECRET_FILE: ctx.upstream.secretFile,
      }),
      execArgv: [...ctx.lambdaFlags],
    });
    const upstream = await ctx.host.call<UpstreamStats>('stats');
    if (upstream.failed > 0) throw new Error(`${upstream.failed} creates failed upstream`);
    runs.push({
      ...result,
      upstream,
      p50Ratio: result.bff.p50 / result.bare.p50,
      p99Ratio: result.bff.p99 / result.bare.p99,
    });
  }
  return runs;
}

/**
 * With `--profile`: the BFF side alone and the bare side alone, each at concurrency 1 under
 * `--cpu-prof`, and where their CPU time differs per call (the comparison runs stay unprofiled).
 */
export async function profileCreateSides(ctx: BenchContext): Promise<string> {
  const summaries = [];
  const calls = ctx.plan.createCalls;
  mkdirSync(ctx.profileDir as string, { recursive: true });
  for (const side of ['bff', 'bare'] as const) {
    await ctx.host.call('reset');
    const file = join(ctx.profileDir as string, `create-${side}-only.cpuprofile`);
    await runWorker(ctx.drivers.get('create-latency') as string, {
      env: functionEnv(ctx, 'secrets-manager', {
        BENCH_SIDES: side,
        BENCH_CONCURRENCY: '1',
        BENCH_CALLS: String(ctx.plan.createCalls),
        BENCH_WARMUP: String(ctx.plan.createWarmup),
        BENCH_SECRET_FILE: ctx.upstream.secretFile,
        BENCH_PROFILE: file,
      }),
      execArgv: [...ctx.lambdaFlags],
    });
    summaries.push(summariseProfile(file));
  }
  const [bff, bare] = summaries;
  return bff && bare ? `\n${formatProfileDiff(bff, bare, calls)}` : '';
}

export function formatCreatePhase(
  runs: readonly CreateRun[],
  variant = 'the handler as deployed',
): string {
  const rows = runs.flatMap((run) => [
    [
      run.concurrency,
      'BFF handler',
      run.bff.calls,
      num(run.bff.p50, 3),
      num(run.bff.p90, 3),
      num(run.bff.p99, 3),
      num(run.bff.mean, 3),
      num(run.p50Ratio),
      num(run.p99Ratio),
    ],
    [
      run.concurrency,
      'bare signed node-fetch',
      run.bare.calls,
      num(run.bare.p50, 3),
      num(run.bare.p90, 3),
      num(run.bare.p99, 3),
      num(run.bare.mean, 3),
      '',
      '',
    ],
  ]);
  const sim = runs
    .map(
      (run) =>
        `  c=${run.concurrency}: simulator CPU ${num(run.upstream.cpuUsPerRequest / 1000, 3)} ms per request ` +
        `(${run.upstream.requests} requests, all answered 2xx); BFF p50 overhead ` +
        `${num(run.bff.p50 - run.bare.p50, 3)} ms; ${num((2 * run.bff.calls) / (run.wallMs / 1000), 0)} calls/s`,
    )
    .join('\n');
  return `${table(
    `1. Create: full handler (${variant}) vs bare signed node-fetch call, same body, same simulator (ms)`,
    ['conc', 'side', 'calls', 'p50', 'p90', 'p99', 'mean', 'p50 ratio', 'p99 ratio'],
    rows,
  )}\n${sim}`;
}
