import type { Job } from '../../schemas/responses.js';
import type { Outcome, OutcomeRecord } from './record-types.js';

/**
 * The outcome a job stands for: `undefined` while it runs and the deadline has not passed. The
 * duration is the job's own (begin to end) when SDRS gives both times, else from the delivery.
 * `jobNotFound`: SDRS answered that it knows no such job — "unknown" at once, as reconcile
 * reports it after one poll: the id came from SDRS's own accept answer, so waiting for the
 * deadline would only delay the same words.
 */
export function outcomeOf(
  record: OutcomeRecord,
  job: Job | undefined,
  now: number,
  jobNotFound = false,
): Outcome | undefined {
  const waitedMinutes = Math.round((now - record.acceptedAt) / 60_000);
  if (jobNotFound) return { kind: 'unknown', waitedMinutes, reason: 'job-not-found' };
  if (job?.status === 'succeeded') {
    const begin = job.createdAt ? Date.parse(job.createdAt) : record.acceptedAt;
    const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
    return {
      kind: 'succeeded',
      ...(job.protectionGroupId && { protectionGroupId: job.protectionGroupId }),
      durationSeconds: Math.max(0, Math.round((end - begin) / 1000)),
    };
  }
  if (job?.status === 'failed') {
    const upstream = job.problem?.upstream;
    return {
      kind: 'failed',
      ...(upstream?.code && { errorCode: upstream.code }),
      ...(upstream?.message && { failReason: upstream.message }),
    };
  }
  if (now >= record.deadlineAt) {
    return { kind: 'unknown', waitedMinutes };
  }
  return undefined;
}
