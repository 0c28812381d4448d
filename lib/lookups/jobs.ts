import { jobIdSchema } from '../../schemas/lookups.js';
import type { Job, JobProblem, JobStatus } from '../../schemas/responses.js';
import { problemBody } from '../problems/body.js';
import { ProblemError, RequestValidationError, UpstreamError } from '../problems/errors.js';
import { sanitiseText, unexpectedAnswer } from '../upstream/normalise.js';
import type { SdrsClient } from '../upstream/sdrs-client.js';
import { asRecord, isoTimestamp, nonEmptyString } from './values.js';

/** How long a caller should wait before polling again, by job status (seconds). */
export const POLL_AFTER_SECONDS = {
  /** SDRS has not started: the first step usually follows within seconds. */
  pending: 5,
  /** A create runs for tens of seconds; Terraform's SDRS provider polls every ~10 s too. */
  running: 10,
} as const satisfies Partial<Record<JobStatus, number>>;

const UPSTREAM_STATUS: ReadonlyMap<unknown, JobStatus> = new Map([
  ['INIT', 'pending'],
  ['RUNNING', 'running'],
  ['SUCCESS', 'succeeded'],
  ['FAIL', 'failed'],
]);

/**
 * SDRS job status → ours. An unknown or missing status becomes `running`: the job is not known to
 * be finished, so the caller keeps polling (Terraform's provider does the same). `failed` would
 * make a front end give up on a job that may still succeed, `succeeded` would promise a group
 * that may never exist; `running` is the only answer that cannot mislead for long.
 */
export function toJobStatus(upstream: unknown): JobStatus {
  return UPSTREAM_STATUS.get(upstream) ?? 'running';
}

/** Unknown job: SDRS knows no job with this id. */
export class JobNotFoundError extends ProblemError {
  constructor(jobId: string, cause: UpstreamError) {
    super('JOB_NOT_FOUND', 'Unknown job', {
      detail: `SDRS knows no job with the id ${jobId}.`,
      upstream: cause.upstream,
      cause,
    });
    this.name = 'JobNotFoundError';
  }
}

const JOB_ID = new RegExp(jobIdSchema.pattern);

/** Checks the `{jobId}` path parameter before anything is sent upstream. */
export function parseJobId(value: string | undefined): string {
  const length = value?.length ?? 0;
  if (
    value !== undefined &&
    length >= jobIdSchema.minLength &&
    length <= jobIdSchema.maxLength &&
    JOB_ID.test(value)
  ) {
    return value;
  }
  throw new RequestValidationError(
    [{ pointer: '#/jobId', detail: 'must be 1 to 64 letters, digits or "-"' }],
    'The job id in the path is malformed.',
  );
}

/** SDRS's only "no job" code ("Null job"), documented in its job-engine block at HTTP 500. */
const SDRS_NULL_JOB = 'SDRS.0408';

/**
 * Whether an upstream error means "no such job": SDRS answered `SDRS.0408` at whatever status
 * (its error table lists it at 500; 404 and 400 are kept in case a deployment differs), or an SDRS
 * 404 without a gateway code. A gateway 404 (`APIGW.0101`, wrong endpoint) is already
 * `UPSTREAM_UNAVAILABLE` and stays so; any other 500 stays a retryable `UPSTREAM_UNAVAILABLE`.
 */
function isUnknownJob(error: unknown): error is UpstreamError {
  if (!(error instanceof UpstreamError) || error.kind !== 'answered') return false;
  if (error.upstream?.code === SDRS_NULL_JOB) return true;
  return error.code === 'UPSTREAM_REJECTED' && error.upstream?.status === 404;
}

function jobProblem(job: Record<string, unknown>): JobProblem {
  const code = nonEmptyString(job.error_code);
  const reason = nonEmptyString(job.fail_reason);
  const message = reason ? sanitiseText(reason) : undefined;
  const upstream = {
    ...(code && { code: sanitiseText(code, 40) }),
    ...(message && { message }),
  };
  const detail = message
    ? `SDRS could not complete the job: ${message}`
    : 'SDRS could not complete the job and gave no reason.';
  const failed = new ProblemError('UPSTREAM_JOB_FAILED', detail, {
    detail,
    ...(Object.keys(upstream).length > 0 && { upstream }),
  });
  return problemBody(failed) as JobProblem;
}

/** An SDRS job in the BFF's shape (the id is the one asked for, whatever SDRS echoes). */
export function toJob(jobId: string, value: unknown): Job {
  const job = asRecord(value) ?? {};
  const status = toJobStatus(job.status);
  const protectionGroupId = nonEmptyString(asRecord(job.entities)?.server_group_id);
  const createdAt = isoTimestamp(job.begin_time);
  const finishedAt = isoTimestamp(job.end_time);
  const finished = status === 'succeeded' || status === 'failed';
  return {
    jobId,
    status,
    ...(protectionGroupId && { protectionGroupId }),
    ...(status === 'failed' && { problem: jobProblem(job) }),
    ...(createdAt && { createdAt }),
    ...(finished && finishedAt && { finishedAt }),
  };
}

/**
 * `GET /jobs/{jobId}`: checks the id, asks SDRS, and normalises the answer. An unknown job is a
 * `JobNotFoundError` (404); every other failure stays the client's `UpstreamError`.
 */
export async function getJob(rawJobId: string | undefined, client: SdrsClient): Promise<Job> {
  const jobId = parseJobId(rawJobId);
  let result: Awaited<ReturnType<SdrsClient['getJob']>>;
  try {
    result = await client.getJob(jobId);
  } catch (error) {
    if (isUnknownJob(error)) throw new JobNotFoundError(jobId, error);
    throw error;
  }
  if (!asRecord(result.value))
    throw unexpectedAnswer(200, result.upstreamRequestId, 'the job is not an object');
  return toJob(jobId, result.value);
}
