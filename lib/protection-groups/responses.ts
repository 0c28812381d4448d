import type { AcceptedJob as AcceptedJobBody } from '../../schemas/responses.js';
import { type HttpResponse, jsonResponse } from '../http/responses.js';
import type { AcceptedJob } from './create.js';

/** The body of an accepted create: the job id and where to poll it (`Location` too). */
export function acceptedJobBody(job: AcceptedJob): AcceptedJobBody {
  return {
    jobId: job.jobId,
    status: 'pending',
    statusUrl: `/jobs/${encodeURIComponent(job.jobId)}`,
  };
}

/** 202 with `Location` of the job to poll, and `{jobId, status, statusUrl}`. */
export function acceptedJobResponse(job: AcceptedJob): HttpResponse {
  const body = acceptedJobBody(job);
  return jsonResponse(202, body, { location: body.statusUrl });
}
