import type { UpstreamError } from '../problems/errors.js';

/** Why a failed upstream call may be sent again. */
export type ResendReason =
  | 'not-sent' // connection refused or name not resolved: SDRS never saw it
  | 'read-reset' // a read whose connection broke: reading twice is harmless
  | 'throttled'; // SDRS answered 429 / APIGW.0308 or 503: it did not act

/**
 * The resend rule, shared by the request path and reconcile: `undefined` means
 * the call must not be sent again — above all a create that timed out or was reset, since its
 * bytes may have reached SDRS. (A rejected signature is handled separately: the secret is
 * fetched again first.) A timed-out read is not resent either: a second full timeout would
 * outlast the API Gateway's 30 s.
 */
export function resendReason(error: UpstreamError, isRead: boolean): ResendReason | undefined {
  if (error.provablyNotSent) return 'not-sent';
  if (isRead && error.kind === 'reset') return 'read-reset';
  if (
    error.kind === 'answered' &&
    (error.code === 'UPSTREAM_THROTTLED' || error.upstream?.status === 503)
  ) {
    return 'throttled';
  }
  return undefined;
}
