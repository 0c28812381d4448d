/** `createProtectionGroup`: one logical create, safe to retry, with the key a front end would forget. */
import type { SdrsBffClient } from './client.js';
import type { components } from './generated/schema.js';
import { SdrsBffError } from './problems.js';
import { sleep as realSleep, type Sleep } from './wait.js';

/** The create body (`drType` optional). */
export type CreateProtectionGroupRequest = components['schemas']['CreateProtectionGroupRequest'];
/** The 202 body: the job to poll. */
export type AcceptedJob = components['schemas']['AcceptedJob'];

export interface CreateProtectionGroupOptions {
  /** Reuse a key to make a retry of an earlier attempt safe; a new UUID when left out. */
  readonly idempotencyKey?: string;
  /** Attempts in all, the first included (default 5). */
  readonly maxAttempts?: number;
  readonly signal?: AbortSignal;
  /** Told before each wait: which answer is retried and how long it waits. */
  readonly onRetry?: (retry: { attempt: number; error: SdrsBffError; waitSeconds: number }) => void;
  /** The clock (tests). */
  readonly sleep?: Sleep;
}

export interface CreatedProtectionGroup {
  readonly job: AcceptedJob;
  /** The key the create ran under: keep it to retry later without a second create. */
  readonly idempotencyKey: string;
  /** The answer is a replay of an earlier attempt with the same key. */
  readonly replayed: boolean;
  readonly attempts: number;
}

/** Answers worth resending unchanged with the same key: in progress, throttled, unavailable. */
const RESENDABLE = new Set([409, 429, 503]);
const DEFAULT_WAIT_SECONDS = 2;

/** The answer says a resend of the same request can succeed. */
function resendable(error: SdrsBffError): boolean {
  if (!RESENDABLE.has(error.status)) return false;
  // 409 UPSTREAM_CONFLICT is not retryable; API Gateway's own 429 has no problem body.
  return error.problem ? error.problem.retryable : error.status === 429;
}

/**
 * Creates a protection group. Sends `Idempotency-Key` (generated when not given) and resends the
 * same body with the same key after a 409 `IDEMPOTENCY_IN_PROGRESS`, a 429 or a retryable 503,
 * waiting `Retry-After` seconds each time — so retries never create twice. Any other failure, or
 * the last attempt's, is thrown as {@link SdrsBffError}.
 *
 * @example
 * const { job } = await createProtectionGroup(api, body, { onRetry: ({ waitSeconds }) => show(waitSeconds) });
 */
export async function createProtectionGroup(
  client: SdrsBffClient,
  body: CreateProtectionGroupRequest,
  options: CreateProtectionGroupOptions = {},
): Promise<CreatedProtectionGroup> {
  const idempotencyKey = options.idempotencyKey ?? crypto.randomUUID();
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const wait = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    const result = await client.POST('/protection-groups', {
      body,
      params: { header: { 'Idempotency-Key': idempotencyKey } },
      ...(options.signal && { signal: options.signal }),
    });
    if (result.data) {
      return {
        job: result.data,
        idempotencyKey,
        replayed: result.response.headers.get('idempotent-replayed') === 'true',
        attempts: attempt,
      };
    }
    const error = SdrsBffError.from(result);
    if (attempt >= maxAttempts || !resendable(error)) throw error;
    const waitSeconds = error.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS;
    options.onRetry?.({ attempt, error, waitSeconds });
    await wait(waitSeconds * 1000, options.signal);
  }
}
