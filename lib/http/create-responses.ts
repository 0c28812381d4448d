import type { AcceptedJob } from '../../schemas/responses.js';
import { type HttpResponse, jsonResponse } from './responses.js';

/** The body of an accepted create: the job id and where to poll it (`Location` too). */
export function acceptedJobBody(jobId: string): AcceptedJob {
  return { jobId, status: 'pending', statusUrl: `/jobs/${encodeURIComponent(jobId)}` };
}

/** 202 with `Location` of the job to poll, and `{jobId, status, statusUrl}`. */
export function acceptedJobResponse(jobId: string): HttpResponse {
  const body = acceptedJobBody(jobId);
  return jsonResponse(202, body, { location: body.statusUrl });
}
