/**
 * The problem-type catalogue: every `code` this service answers with, its HTTP status, whether
 * retrying the same request can help, and what a front end should do. The README and the
 * OpenAPI document are generated from / checked against this table.
 */
export interface ProblemType {
  readonly status: number;
  readonly title: string;
  /** Retrying the same request unchanged can succeed (possibly after `Retry-After`). */
  readonly retryable: boolean;
  /** When it happens, and what a caller should do about it. */
  readonly guidance: string;
}

export const problemCatalogue = {
  VALIDATION_FAILED: {
    status: 400,
    title: 'The request is invalid',
    retryable: false,
    guidance:
      'The body or query fails the schema; `errors` lists every violation with a JSON Pointer. Fix the fields shown.',
  },
  MALFORMED_JSON: {
    status: 400,
    title: 'The body is not valid JSON',
    retryable: false,
    guidance: 'The body could not be parsed as JSON. Send a JSON object.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: 'Unsupported content type',
    retryable: false,
    guidance: 'Send `Content-Type: application/json`.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: 'The body is too large',
    retryable: false,
    guidance: 'The body exceeds the documented limit. Send a smaller body.',
  },
  NOT_FOUND: {
    status: 404,
    title: 'Not found',
    retryable: false,
    guidance: 'No such route or resource. Check the path (see /openapi.json).',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    title: 'Method not allowed',
    retryable: false,
    guidance: 'The route exists but not with this method; the `Allow` header lists the methods.',
  },
  UNAUTHENTICATED: {
    status: 401,
    title: 'Authentication required',
    retryable: false,
    guidance:
      'No valid caller credentials (JWT, webhook signature or token). Sign in again or fix the sender secret.',
  },
  FORBIDDEN: {
    status: 403,
    title: 'Not allowed',
    retryable: false,
    guidance: 'The caller is authenticated but lacks the scope this route needs.',
  },
  UPSTREAM_REJECTED: {
    status: 422,
    title: 'SDRS rejected the request',
    retryable: false,
    guidance:
      'SDRS refused the content (unknown AZ, domain, VPC, quota…); `upstream.code` says why. Change the input.',
  },
  UPSTREAM_AUTH_FAILED: {
    status: 502,
    title: 'SDRS rejected the service credentials or permissions',
    retryable: false,
    guidance:
      'Our AK/SK or token is wrong or expired, or the service’s account lacks SDRS permissions (`SDRS.0001`–`SDRS.0005`): not the caller’s fault. Operators must fix the secret or the account’s IAM permissions; retry later.',
  },
  UPSTREAM_THROTTLED: {
    status: 429,
    title: 'SDRS is throttling requests',
    retryable: true,
    guidance: 'The upstream rate limit was reached. Wait for `Retry-After` seconds, then retry.',
  },
  UPSTREAM_CONFLICT: {
    status: 409,
    title: 'SDRS reported a conflict',
    retryable: false,
    guidance:
      'The resource is in a state that does not allow this. Reload its state before retrying.',
  },
  UPSTREAM_UNAVAILABLE: {
    status: 502,
    title: 'SDRS is unavailable',
    retryable: true,
    guidance:
      'SDRS failed, answered something unreadable, or could not be reached (503 when it said it is unavailable). Retry with backoff. When it came after the create was sent, the group may exist: a retry with the same Idempotency-Key answers this again without a second create; check `GET /protection-groups?name=` before using a new key.',
  },
  UPSTREAM_TIMEOUT: {
    status: 504,
    title: 'SDRS did not answer in time',
    retryable: true,
    guidance:
      'No complete answer within SDRS_TIMEOUT_MS. A create may have been accepted: a retry with the same Idempotency-Key answers this again without a second create; check `GET /protection-groups?name=` before creating with a new key, never blindly.',
  },
  WEBHOOK_SOURCE_UNKNOWN: {
    status: 404,
    title: 'Unknown webhook source',
    retryable: false,
    guidance:
      'No enabled webhook source has this name. Check the URL configured in the sender (`/webhooks/{source}`).',
  },
  WEBHOOK_PAYLOAD_UNMAPPABLE: {
    status: 422,
    title: 'The webhook payload cannot be turned into a create request',
    retryable: false,
    guidance:
      'The delivery was authenticated, but its mapped create body fails the schema or a mapping expression failed; `errors` points into the create body and names the expression. Fix the ticket fields or the source mapping.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    title: 'The Idempotency-Key header is invalid',
    retryable: false,
    guidance:
      'Send one key of 8 to 255 printable ASCII characters (at least 4 different ones), quoted (`"…"`) or bare, e.g. a UUID. Fix the header before retrying.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'The Idempotency-Key was used for a different request',
    retryable: false,
    guidance:
      'A key stands for one request: this key came earlier with a different body. Resend the original body to get its answer, or use a new key for this one.',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    title: 'A request with this Idempotency-Key is still running',
    retryable: true,
    guidance:
      'The first request with this key has not finished. Wait `Retry-After` seconds, then retry with the same key and body to get its answer.',
  },
  IDEMPOTENCY_STORE_UNAVAILABLE: {
    status: 503,
    title: 'Idempotency records are unavailable',
    retryable: true,
    guidance:
      'The service could not record the Idempotency-Key, so nothing was sent to SDRS. Retry with the same key and body after `Retry-After`.',
  },
  DESIRED_LIST_NOT_FOUND: {
    status: 404,
    title: 'The desired list does not exist',
    retryable: false,
    guidance:
      'A reconcile run found no object (or no such version) at its `source`. Upload the list (`aws s3 cp desired.yaml s3://…`) or fix the schedule’s pointer; the next run reads it.',
  },
  S3_ACCESS_DENIED: {
    status: 502,
    title: 'S3 refused this service’s role',
    retryable: false,
    guidance:
      'The object is outside what the function may use (the reconcile function reads `lists/` and writes `reports/`; the report route reads `reports/`), or a bucket or key policy refuses the role. Not the caller’s fault: operators fix the pointer or the policy.',
  },
  S3_UNAVAILABLE: {
    status: 503,
    title: 'S3 is unavailable',
    retryable: true,
    guidance:
      'S3 throttled, failed or could not be reached. Retry later; a scheduled run fails, so Lambda retries it.',
  },
  JOB_NOT_FOUND: {
    status: 404,
    title: 'Unknown job',
    retryable: false,
    guidance:
      'SDRS knows no job with this id (`SDRS.0408`, or a 404: mistyped, from another project, or expired). Stop polling; list the groups (`GET /protection-groups?name=`) to see whether the create happened.',
  },
  UPSTREAM_JOB_FAILED: {
    status: 422,
    title: 'The SDRS job failed',
    retryable: false,
    guidance:
      'Appears inside a `failed` job (`GET /jobs/{jobId}` still answers 200): SDRS accepted the request but could not carry it out; `upstream.code` and `upstream.message` say why. Polling again will not change it: fix the cause, then create again.',
  },
  INTERNAL: {
    status: 500,
    title: 'Internal error',
    retryable: true,
    guidance: 'Something failed inside the service. Quote `requestId` when reporting it.',
  },
} as const satisfies Record<string, ProblemType>;

/** A stable machine-readable problem name that front ends switch on. */
export type ProblemCode = keyof typeof problemCatalogue;

/** Kebab-case slug of a code, used in the problem `type` URI: `UPSTREAM_REJECTED` → `upstream-rejected`. */
export function problemSlug(code: ProblemCode): string {
  return code.toLowerCase().replaceAll('_', '-');
}
