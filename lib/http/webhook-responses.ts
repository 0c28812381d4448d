import type { WebhookAccepted, WebhookIgnored } from '../../schemas/responses.js';
import { ProblemError } from '../problems/errors.js';
import { acceptedJobBody } from './create-responses.js';
import { type HttpResponse, jsonResponse } from './responses.js';

/** 202 with the job to poll and the ticket reference; stored and replayed for redeliveries. */
export function acceptedDelivery(
  jobId: string,
  ticket: string | undefined,
  source: string,
): HttpResponse {
  const body: WebhookAccepted = { ...acceptedJobBody(jobId), ticket: ticket ?? null, source };
  return jsonResponse(202, body, { location: body.statusUrl });
}

/** 200 for a delivery the source's `when` filters out: acknowledged so the sender stops. */
export function ignoredDelivery(ticket: string | undefined, source: string): HttpResponse {
  const body: WebhookIgnored = { ignored: true, ticket: ticket ?? null, source };
  return jsonResponse(200, body);
}

const DEFAULT_RETRY_AFTER_SECONDS: Partial<Record<string, number>> = {
  UPSTREAM_THROTTLED: 2,
  UPSTREAM_UNAVAILABLE: 5,
  UPSTREAM_TIMEOUT: 5,
};

/**
 * Shapes a transient upstream failure for a retrying sender: an unavailable upstream is 503 (not
 * 502) and throttling, unavailability and timeouts always carry `Retry-After`, which Jira,
 * Standard Webhooks senders and ServiceNow retry policies honour. Anything else is unchanged.
 */
export function forSender(error: unknown): unknown {
  if (!(error instanceof ProblemError)) return error;
  const fallback = DEFAULT_RETRY_AFTER_SECONDS[error.code];
  if (fallback === undefined) return error;
  const status = error.code === 'UPSTREAM_UNAVAILABLE' ? 503 : error.status;
  if (status === error.status && error.retryAfterSeconds !== undefined) return error;
  return error.with({ status, retryAfterSeconds: error.retryAfterSeconds ?? fallback });
}
