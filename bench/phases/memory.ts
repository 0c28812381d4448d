/** Phase 4: memory while serving many creates. */
import type { MemoryReading, MemoryResult } from '../drivers/memory.js';
import type { UpstreamStats } from '../simulator-host.js';
import { type BenchContext, functionEnv, phaseFlags } from '../support/context.js';
import { runWorker } from '../support/processes.js';
import { num, table } from '../support/table.js';

export interface MemoryRun extends MemoryResult {
  readonly growthRatio: number;
}

export async function runMemoryPhase(ctx: BenchContext): Promise<MemoryRun> {
  await ctx.host.call('reset');
  await ctx.host.call('latency', { ms: 0 });
  const result = await runWorker<MemoryResult>(ctx.drivers.get('memory') as string, {
    env: functionEnv(ctx, 'secrets-manager', {
      BENCH_CALLS: String(ctx.plan.memoryCreates),
      BENCH_EARLY_AT: String(ctx.plan.memoryEarlyAt),
      BENCH_CONCURRENCY: String(ctx.plan.memoryConcurrency),
    }),
    execArgv: phaseFlags(ctx, 'memory'),
  });
  const upstream = await ctx.host.call<UpstreamStats>('stats');
  if (upstream.failed > 0) throw new Error(`${upstream.failed} creates failed upstream`);
  return { ...result, growthRatio: result.late.rssMb / result.early.rssMb };
}

function reading(label: string, r: MemoryReading) {
  return [
    label,
    r.afterCreates,
    num(r.rssMb, 1),
    num(r.heapUsedMb, 1),
    num(r.heapTotalMb, 1),
    num(r.externalMb, 1),
  ];
}

export function formatMemoryPhase(run: MemoryRun): string {
  return table(
    `4. Memory: ${run.creates} creates through the handler at concurrency ${run.concurrency} (MB; readings after a full GC)`,
    ['reading', 'after creates', 'RSS', 'heap used', 'heap total', 'external'],
    [
      reading('early', run.early),
      reading('late', run.late),
      ['peak RSS (maxRSS)', run.creates, num(run.peakRssMb, 1), '', '', ''],
      [
        'growth late/early',
        '',
        `${num(run.growthRatio, 3)}×`,
        `${num(run.late.heapUsedMb / run.early.heapUsedMb, 3)}×`,
        `${num(run.late.heapTotalMb / run.early.heapTotalMb, 3)}×`,
        `${num(run.late.externalMb / run.early.externalMb, 3)}×`,
      ],
    ],
  );
}
