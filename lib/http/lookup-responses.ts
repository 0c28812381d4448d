import type { ActiveDomainList, Job, ProtectionGroupPage } from '../../schemas/responses.js';
import { POLL_AFTER_SECONDS } from '../lookups/jobs.js';
import { type HttpResponse, jsonResponse } from './responses.js';

/** 200 with the job; `Retry-After` (seconds) only while it is not finished. */
export function jobResponse(job: Job): HttpResponse {
  const retryAfter =
    job.status === 'pending' || job.status === 'running'
      ? POLL_AFTER_SECONDS[job.status]
      : undefined;
  return jsonResponse(200, job, {
    'cache-control': 'no-store',
    ...(retryAfter !== undefined && { 'retry-after': String(retryAfter) }),
  });
}

/** Domains change rarely: a browser may reuse the list for a minute. */
export function activeDomainsResponse(list: ActiveDomainList): HttpResponse {
  return jsonResponse(200, list, { 'cache-control': 'private, max-age=60' });
}

/** A page of groups; never cached, since statuses move while a job runs. */
export function protectionGroupPageResponse(page: ProtectionGroupPage): HttpResponse {
  return jsonResponse(200, page, { 'cache-control': 'no-store' });
}
