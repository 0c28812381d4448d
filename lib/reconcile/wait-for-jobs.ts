import { getJob, JobNotFoundError } from '../lookups/jobs.js';
import type { SdrsClient } from '../upstream/sdrs-client.js';
import { type Clock, type Deadline, RunDeadlineError, systemClock } from './clock.js';
import { forEachConcurrently } from './pool.js';
import { type ItemProblem, type ReportEntry, toItemProblem } from './report.js';
import { callWithResends, type RunResends } from './run-client.js';

/** An accepted create whose job is still to be followed. */
export type CreatedEntry = Extract<ReportEntry, { outcome: 'created' }>;

export interface JobWaitOptions {
  readonly client: SdrsClient;
  readonly resends: RunResends & { readonly deadline: Deadline };
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  readonly clock?: Clock;
  /** Called after each poll round with the number of jobs that have ended. */
  readonly onRound?: (ended: number) => void;
}

/**
 * Polls every created entry's job (the same normalisation as `GET /jobs/{jobId}`) in rounds, each
 * poll rate-limited, until every job has ended or the deadline is near. Returns `succeeded`,
 * `failed` (with the job's problem), `job-not-found` (SDRS knows no such job: polling again
 * cannot help) or `running` per entry. A poll that fails transiently is tried again next round;
 * one that fails for good otherwise leaves the entry `running` with the problem, since the group
 * may still be created.
 */
export async function waitForJobs(
  created: readonly CreatedEntry[],
  options: JobWaitOptions,
): Promise<ReportEntry[]> {
  const clock = options.clock ?? systemClock;
  const done: ReportEntry[] = [];
  const pollProblems = new Map<number, ItemProblem>();
  let pending = [...created];
  let outOfTime = false;
  while (pending.length > 0 && !outOfTime) {
    const stillPending: CreatedEntry[] = [];
    await forEachConcurrently(pending, options.concurrency, async (entry) => {
      if (outOfTime) {
        stillPending.push(entry);
        return;
      }
      try {
        const job = await callWithResends(
          'read',
          () => getJob(entry.jobId, options.client),
          options.resends,
        );
        const base = { index: entry.index, ...(entry.name !== undefined && { name: entry.name }) };
        if (job.status === 'succeeded') {
          done.push({
            ...base,
            outcome: 'succeeded',
            jobId: entry.jobId,
            ...(job.protectionGroupId && { protectionGroupId: job.protectionGroupId }),
          });
        } else if (job.status === 'failed' && job.problem) {
          done.push({ ...base, outcome: 'failed', jobId: entry.jobId, problem: job.problem });
        } else {
          stillPending.push(entry);
        }
      } catch (error) {
        if (error instanceof RunDeadlineError) {
          outOfTime = true;
          stillPending.push(entry);
          return;
        }
        const problem = toItemProblem(error);
        if (error instanceof JobNotFoundError) {
          // Polling again cannot help; whether the group exists is for the next run's listing.
          done.push({ ...entry, outcome: 'job-not-found', problem });
          return;
        }
        pollProblems.set(entry.index, problem);
        if (problem.retryable) stillPending.push(entry);
        else done.push({ ...entry, outcome: 'running', problem });
      }
    });
    pending = stillPending;
    options.onRound?.(done.length);
    if (pending.length === 0) break;
    if (!options.resends.deadline.allows(options.pollIntervalMs)) break;
    await clock.sleep(options.pollIntervalMs);
  }
  for (const entry of pending) {
    const problem = pollProblems.get(entry.index);
    done.push({ ...entry, outcome: 'running', ...(problem && { problem }) });
  }
  return done;
}
