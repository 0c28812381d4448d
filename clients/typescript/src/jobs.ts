/** `waitForJob`: polls a job at the pace the API asks for until it succeeds or fails. */
import type { SdrsBffClient } from './client.js';
import type { components } from './generated/schema.js';
import { SdrsBffError } from './problems.js';
import { sleep as realSleep, type Sleep } from './wait.js';

/** A job in any state (`pending`, `running`, `succeeded`, `failed` with a `problem`). */
export type Job = components['schemas']['Job'];
/** A job that has ended. */
export type FinishedJob = Job & { readonly status: 'succeeded' | 'failed' };

export interface WaitForJobOptions {
  /** Stops waiting: the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Told every state seen, the first and the last included. */
  readonly onProgress?: (job: Job) => void;
  /** Failed polls in a row tolerated when the API says retrying helps (default 3). */
  readonly maxTransientErrors?: number;
  /** The clock (tests). */
  readonly sleep?: Sleep;
}

const DEFAULT_POLL_SECONDS = 2;

function finished(job: Job): job is FinishedJob {
  return job.status === 'succeeded' || job.status === 'failed';
}

/**
 * Polls `GET /jobs/{jobId}` until the job has succeeded or failed, waiting the answer's
 * `Retry-After` between polls. A failed job is returned, not thrown (its `problem` says why); a
 * failed poll is retried only when its problem is retryable, at most `maxTransientErrors` times in
 * a row, and otherwise thrown as {@link SdrsBffError} (e.g. 404 `JOB_NOT_FOUND`).
 *
 * @example
 * const job = await waitForJob(api, jobId, { signal, onProgress: (j) => render(j.status) });
 */
export async function waitForJob(
  client: SdrsBffClient,
  jobId: string,
  options: WaitForJobOptions = {},
): Promise<FinishedJob> {
  const wait = options.sleep ?? realSleep;
  const tolerated = options.maxTransientErrors ?? 3;
  let errorsInARow = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const result = await client.GET('/jobs/{jobId}', {
      params: { path: { jobId } },
      ...(options.signal && { signal: options.signal }),
    });
    let waitSeconds: number;
    if (result.data) {
      errorsInARow = 0;
      options.onProgress?.(result.data);
      if (finished(result.data)) return result.data;
      waitSeconds = Number(result.response.headers.get('retry-after')) || DEFAULT_POLL_SECONDS;
    } else {
      const error = SdrsBffError.from(result);
      errorsInARow += 1;
      const transient = error.problem ? error.problem.retryable : error.status === 429;
      if (!transient || errorsInARow > tolerated) throw error;
      waitSeconds = error.retryAfterSeconds ?? DEFAULT_POLL_SECONDS;
    }
    await wait(waitSeconds * 1000, options.signal);
  }
}
