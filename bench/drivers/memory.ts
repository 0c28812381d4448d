/**
 * Phase 4, in a fresh process: serve 20,000 creates through the handler and watch the process's
 * memory. Peak RSS is the kernel's high-water mark (`resourceUsage().maxRSS`, which also catches
 * spikes between samples); growth compares RSS after the last create with RSS after the first
 * 2,000 — both right after a full GC when the parent passes `--expose-gc`, so a leak shows and a
 * heap that simply has not been collected yet does not.
 */
import { handler } from '../../handlers/create-protection-group.js';
import { reportFailure, reportResult } from '../support/processes.js';
import { createInvocation, envInt } from './bodies.js';

/** One memory reading, in MB. */
export interface MemoryReading {
  readonly afterCreates: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly heapTotalMb: number;
  /** Memory outside the JS heap that V8 knows of (Buffers, ...). */
  readonly externalMb: number;
}

/** What this phase reports. */
export interface MemoryResult {
  readonly creates: number;
  readonly concurrency: number;
  readonly peakRssMb: number;
  readonly early: MemoryReading;
  readonly late: MemoryReading;
  readonly wallMs: number;
}

const MB = 1024 * 1024;

function reading(afterCreates: number): MemoryReading {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return {
    afterCreates,
    rssMb: usage.rss / MB,
    heapUsedMb: usage.heapUsed / MB,
    heapTotalMb: usage.heapTotal / MB,
    externalMb: usage.external / MB,
  };
}

async function main(): Promise<void> {
  const creates = envInt('BENCH_CALLS', 20_000);
  const earlyAt = envInt('BENCH_EARLY_AT', 2_000);
  const concurrency = envInt('BENCH_CONCURRENCY', 16);
  let next = 0;
  let done = 0;
  let early: MemoryReading | undefined;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < creates) {
      const [event, context] = createInvocation(next++);
      const response = await handler(event, context);
      if (response.statusCode !== 202) throw new Error(`handler answered ${response.statusCode}`);
      done += 1;
      if (done === earlyAt) early = reading(done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const late = reading(done);
  const result: MemoryResult = {
    creates: done,
    concurrency,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
    early: early ?? late,
    late,
    wallMs: performance.now() - started,
  };
  reportResult(result);
}

main().catch(reportFailure);
