import { UpstreamError } from '../problems/errors.js';
import { createProtectionGroup } from '../protection-groups/create.js';
import type { SdrsClient } from '../upstream/sdrs-client.js';
import { type Clock, type Deadline, RunDeadlineError, systemClock } from './clock.js';
import type { ReconcileConfig } from './config.js';
import { readExistingGroups } from './existing.js';
import type { ReconcileInput } from './input.js';
import { type DesiredGroup, matchExisting, screenEntries } from './plan.js';
import { forEachConcurrently } from './pool.js';
import type { RateLimiter } from './rate-limiter.js';
import {
  countOutcomes,
  type ItemProblem,
  isTransient,
  type ReportEntry,
  type RunReport,
  toItemProblem,
} from './report.js';
import type { RunResends, UpstreamStats } from './run-client.js';
import { callWithResends } from './run-client.js';
import { type CreatedEntry, waitForJobs } from './wait-for-jobs.js';

/** Where a run is, for a progress display. */
export interface RunProgress {
  readonly phase: 'list' | 'create' | 'wait';
  readonly done: number;
  readonly total: number;
  /** Upstream requests sent within the last second. */
  readonly ratePerSecond: number;
}

/** Everything a run works with; `prepareRun` builds it from the environment. */
export interface RunContext {
  readonly runId: string;
  readonly config: ReconcileConfig;
  readonly client: SdrsClient;
  readonly limiter: RateLimiter;
  readonly stats: UpstreamStats;
  readonly deadline: Deadline;
  readonly clock?: Clock;
  readonly onProgress?: (progress: RunProgress) => void;
}

function entryBase(item: DesiredGroup) {
  return { index: item.index, name: item.body.name };
}

/**
 * Creates one missing group. Resent only while SDRS provably did not act (throttled, 503,
 * refused); a create that timed out or whose connection broke is `uncertain` and never resent.
 */
async function createOne(item: DesiredGroup, run: RunContext, resends: RunResends) {
  const base = entryBase(item);
  if (!run.deadline.allows()) return { ...base, outcome: 'deferred' } as const;
  try {
    const jobId = await callWithResends(
      'create',
      () => createProtectionGroup(item.body, run.client),
      resends,
    );
    return { ...base, outcome: 'created', jobId } as const;
  } catch (error) {
    if (error instanceof RunDeadlineError) return { ...base, outcome: 'deferred' } as const;
    const problem = toItemProblem(error);
    if (error instanceof UpstreamError && (error.kind === 'timeout' || error.kind === 'reset')) {
      return { ...base, outcome: 'uncertain', problem } as const;
    }
    return { ...base, outcome: 'failed', problem } as const;
  }
}

async function createMissing(
  missing: readonly DesiredGroup[],
  run: RunContext,
  resends: RunResends,
): Promise<ReportEntry[]> {
  const entries: ReportEntry[] = [];
  const progress = () =>
    run.onProgress?.({
      phase: 'create',
      done: entries.length,
      total: missing.length,
      ratePerSecond: run.limiter.currentRate(),
    });
  progress();
  await forEachConcurrently(missing, run.config.concurrency, async (item) => {
    entries.push(await createOne(item, run, resends));
    progress();
  });
  return entries;
}

/** Creates (or, with `dryRun`, plans) the missing groups and optionally follows their jobs. */
async function settleMissing(
  missing: readonly DesiredGroup[],
  input: ReconcileInput,
  run: RunContext,
  resends: RunResends,
): Promise<ReportEntry[]> {
  if (input.dryRun) return missing.map((item) => ({ ...entryBase(item), outcome: 'planned' }));
  const entries = await createMissing(missing, run, resends);
  if (!input.waitForJobs) return entries;
  const created = entries.filter((entry): entry is CreatedEntry => entry.outcome === 'created');
  const others = entries.filter((entry) => entry.outcome !== 'created');
  const waited = await waitForJobs(created, {
    client: run.client,
    resends,
    concurrency: run.config.concurrency,
    pollIntervalMs: run.config.jobPollIntervalMs,
    ...(run.clock && { clock: run.clock }),
    onRound: (ended) =>
      run.onProgress?.({
        phase: 'wait',
        done: ended,
        total: created.length,
        ratePerSecond: run.limiter.currentRate(),
      }),
  });
  return [...others, ...waited];
}

/**
 * One reconcile run: validates every entry, reads the existing groups once (paged), creates only
 * the missing ones — drift and duplicates are reported, never acted on — and returns the report.
 * It does not throw for upstream failures: they are in the report (`complete: false` when a later
 * run may do better), so the caller can log and count it before failing the invocation.
 */
export async function reconcile(input: ReconcileInput, run: RunContext): Promise<RunReport> {
  const clock = run.clock ?? systemClock;
  const startedAt = new Date();
  const t0 = clock.now();
  const resends: RunResends = {
    limiter: run.limiter,
    deadline: run.deadline,
    maxAttempts: run.config.maxAttempts,
    clock,
  };
  const { settled, candidates } = screenEntries(input.protectionGroups);
  const entries: ReportEntry[] = [...settled];
  let runProblem: ItemProblem | undefined;
  if (candidates.length > 0) {
    run.onProgress?.({ phase: 'list', done: 0, total: 1, ratePerSecond: 0 });
    const existing = await readExistingGroups(run.client, run.config.listPageSize, resends).catch(
      (error: unknown) => {
        // Without the existing groups nothing can be decided: every candidate waits for a retry.
        if (!(error instanceof RunDeadlineError)) runProblem = toItemProblem(error);
        return undefined;
      },
    );
    if (existing) {
      const matched = matchExisting(candidates, existing);
      entries.push(...matched.settled);
      entries.push(...(await settleMissing(matched.missing, input, run, resends)));
    } else {
      for (const item of candidates) {
        entries.push({
          ...entryBase(item),
          outcome: 'deferred',
          ...(runProblem && { problem: runProblem }),
        });
      }
    }
  }
  entries.sort((a, b) => a.index - b.index);
  return {
    runId: run.runId,
    ...(input.list && { list: input.list }),
    dryRun: input.dryRun,
    waitForJobs: input.waitForJobs,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(clock.now() - t0),
    complete: runProblem === undefined && !entries.some(isTransient),
    totals: countOutcomes(entries),
    upstream: {
      requests: run.limiter.granted,
      throttled: run.stats.throttled,
      ratePerSecond: run.config.ratePerSecond,
      concurrency: run.config.concurrency,
    },
    ...(runProblem && { problem: runProblem }),
    items: entries,
  };
}
