import { type HttpResponse, jsonResponse } from '../http/responses.js';
import type { AcceptedJob } from './create.js';

/** 202 with `Location` of the job to poll (design.md §1). */
export function acceptedJobResponse(job: AcceptedJob): HttpResponse {
  const statusUrl = `/jobs/${encodeURIComponent(job.jobId)}`;
  return jsonResponse(
    202,
    { jobId: job.jobId, status: 'pending', statusUrl },
    { location: statusUrl },
  );
}
