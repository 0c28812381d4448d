import type { UpstreamError } from '../problems/errors.js';

/**
 * The one place that decides whether and when an upstream request is sent again ("resent"). Our
 * words: we *resend* a request to SDRS; a caller (a front end, a ticketing system, Lambda)
 * *retries* its request to us. `maxAttempts` always counts every attempt, the first included.
 */

/** Why a failed upstream call may be sent again. */
export type ResendReason =
  | 'not-sent' // connection refused or name not resolved: SDRS never saw it
  | 'read-reset' // a read whose connection broke: reading twice is harmless
  | 'throttled'; // SDRS answered 429 / APIGW.0308 or 503: it did not act

/** Gateway codes: the API gateway in front of SDRS answered for itself. */
const GATEWAY_CODE = /^APIGW?\./;

/** SDRS or its gateway answered that it throttled (429, `APIGW.0308`) or is unavailable (503). */
export function throttledOrUnavailable(error: UpstreamError): boolean {
  const status = error.upstream?.status;
  return (
    error.kind === 'answered' &&
    (error.code === 'UPSTREAM_THROTTLED' || status === 429 || status === 503)
  );
}

/**
 * The "did SDRS act?" rule: true when SDRS provably did not act on the request, so
 * sending it again cannot create twice — nothing was sent (connection refused, name not resolved),
 * SDRS or its gateway throttled or said it is unavailable, the gateway rejected our credentials,
 * or any other 4xx the gateway answered for itself (its code is `APIGW.*`/`APIG.*`: the request
 * never went past it). A timeout or a reset is never such a case: the bytes may have arrived.
 */
export function sdrsDidNotAct(error: UpstreamError): boolean {
  if (error.provablyNotSent || throttledOrUnavailable(error)) return true;
  if (error.credentialsRejected || error.code === 'UPSTREAM_AUTH_FAILED') return true;
  if (error.kind !== 'answered') return false;
  const status = error.upstream?.status;
  const code = error.upstream?.code;
  return status !== undefined && status < 500 && code !== undefined && GATEWAY_CODE.test(code);
}

/**
 * Whether a failed call may be resent: `undefined` means it must not be — above all a create that
 * timed out or was reset, since its bytes may have reached SDRS. (A rejected signature is handled
 * by the client: the secret is fetched again first.) A timed-out read is not resent either: a
 * second full timeout would outlast the API Gateway's 30 s.
 */
export function resendReason(error: UpstreamError, isRead: boolean): ResendReason | undefined {
  if (error.provablyNotSent) return 'not-sent';
  if (isRead && error.kind === 'reset') return 'read-reset';
  if (throttledOrUnavailable(error)) return 'throttled';
  return undefined;
}

/** How a caller of the rule resends: how often, and how long it waits in between. */
export interface ResendRule {
  /** Attempts in all, the first included (1: never resend). */
  readonly maxAttempts: number;
  /** Wait before the first resend; it doubles with each further resend. */
  readonly backoffMs: number;
  /** The longest backoff (default: no bound). */
  readonly maxBackoffMs?: number;
  /**
   * Spread, so that resends of parallel calls do not arrive together: with `jitterMs`, 0 to
   * `jitterMs` ms are added to every wait; without it a backoff is scaled by 0.5 to 1.
   */
  readonly jitterMs?: number;
  /** The longest `Retry-After` waited out; a longer one ends the resends (default: no bound). */
  readonly maxRetryAfterMs?: number;
}

/** Exponential backoff before resend number `resend` (1-based): `baseMs · 2^(resend-1)`, bounded. */
export function backoff(resend: number, baseMs: number, maxMs = Number.POSITIVE_INFINITY): number {
  return Math.min(maxMs, baseMs * 2 ** (resend - 1));
}

/**
 * How long to wait before sending `error`'s request again after attempt number `attempt`
 * (1-based), or `undefined` when it must not be resent: the rule says no ({@link resendReason}),
 * the attempts are used up, or SDRS asks for a longer wait than the caller accepts. A throttled
 * or unavailable answer is waited out for its `Retry-After`; anything else backs off.
 */
export function resendDelay(
  error: UpstreamError,
  isRead: boolean,
  attempt: number,
  rule: ResendRule,
  random: () => number = Math.random,
): number | undefined {
  const reason = resendReason(error, isRead);
  if (reason === undefined || attempt >= rule.maxAttempts) return undefined;
  const backoffMs = backoff(attempt, rule.backoffMs, rule.maxBackoffMs);
  const spread = (ms: number, scaled: boolean) =>
    rule.jitterMs !== undefined
      ? ms + random() * rule.jitterMs
      : scaled
        ? ms * (0.5 + random() / 2)
        : ms;
  if (reason !== 'throttled') return spread(backoffMs, true);
  const retryAfterMs = (error.retryAfterSeconds ?? 0) * 1000;
  if (retryAfterMs === 0) return spread(backoffMs, true);
  if (retryAfterMs > (rule.maxRetryAfterMs ?? Number.POSITIVE_INFINITY)) return undefined;
  return spread(retryAfterMs, false);
}
