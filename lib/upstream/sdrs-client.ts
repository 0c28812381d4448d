import { setTimeout as sleep } from 'node:timers/promises';
import type { UpstreamConfig } from '../config.js';
import type { CredentialsProvider } from '../credentials/provider.js';
import { UpstreamError } from '../problems/errors.js';
import { normaliseUpstreamAnswer, type UpstreamAnswer, unexpectedAnswer } from './normalise.js';
import { resendDelay } from './resend.js';
import { signRequest } from './signer.js';
import { sendRequest } from './transport.js';
import type { SdrsListQuery, SdrsServerGroupCreate } from './types.js';

/** One finished upstream call, for the structured log line the client emits per call. */
export interface UpstreamCallLog {
  readonly operation: string;
  readonly method: string;
  readonly status: number | undefined;
  readonly outcome: string;
  readonly attempt: number;
  readonly durationMs: number;
  readonly upstreamRequestId: string | undefined;
}

export interface SdrsClientOptions {
  readonly config: UpstreamConfig;
  readonly credentials: CredentialsProvider;
  /** Receives one entry per attempt; never sees headers, bodies or credentials. */
  readonly onCall?: (entry: UpstreamCallLog) => void;
  /** Awaited right before every attempt is signed and sent (resends too), e.g. a rate limiter. */
  readonly beforeAttempt?: () => Promise<void>;
}

interface CallSpec {
  readonly operation: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
}

/** A successful answer's JSON plus the upstream request id. */
export interface UpstreamResult<T> {
  readonly value: T;
  readonly upstreamRequestId: string | undefined;
}

/** Backoff before the first resend inside one call; it doubles, scaled by 0.5 to 1. */
const BACKOFF_MS = 100;

/**
 * The SDRS API as this service uses it: signs each call with AK/SK, sends it through the shared
 * keep-alive agent within `SDRS_TIMEOUT_MS`, and turns every failure into an `UpstreamError`.
 * One call, resends included, ends within `SDRS_CALL_BUDGET_MS` (time awaiting `beforeAttempt`
 * not counted): each attempt is cut to the budget left, and a resend that would not get a
 * useful window is not made — the last error is thrown as it is.
 *
 * Resends (lib/upstream/resend.ts decides): a call is sent again only when SDRS provably did not
 * act — the connection was refused or the name did not resolve, SDRS answered 429/503 — or when
 * it rejected our signature (then the secret is fetched again first, once). A create that timed
 * out or was reset is never resent: its bytes may have reached SDRS.
 */
export class SdrsClient {
  readonly #config: UpstreamConfig;
  readonly #credentials: CredentialsProvider;
  readonly #onCall: ((entry: UpstreamCallLog) => void) | undefined;
  readonly #beforeAttempt: (() => Promise<void>) | undefined;
  readonly #base: string;
  /** The URL of the last call without a query, reused while calls go to the same path. */
  #lastUrl: { readonly href: string; readonly url: URL } | undefined;

  constructor(options: SdrsClientOptions) {
    this.#config = options.config;
    this.#credentials = options.credentials;
    this.#onCall = options.onCall;
    this.#beforeAttempt = options.beforeAttempt;
    this.#base = `${options.config.endpoint.href.replace(/\/$/, '')}/v1/${options.config.projectId}`;
  }

  /** `POST /v1/{project_id}/server-groups` → the job id of the asynchronous create. */
  async createProtectionGroup(
    serverGroup: SdrsServerGroupCreate,
  ): Promise<UpstreamResult<{ jobId: string }>> {
    const result = await this.#call<unknown>({
      operation: 'createProtectionGroup',
      method: 'POST',
      path: '/server-groups',
      body: { server_group: serverGroup },
    });
    // Read defensively: a 200 may carry `null`, an array or a non-string id.
    const jobId = (result.value as { job_id?: unknown } | null)?.job_id;
    if (typeof jobId !== 'string' || jobId === '') {
      throw unexpectedAnswer(200, result.upstreamRequestId, 'without a job_id');
    }
    return { value: { jobId }, upstreamRequestId: result.upstreamRequestId };
  }

  /** `GET /v1/{project_id}/jobs/{job_id}`. */
  getJob(jobId: string): Promise<UpstreamResult<unknown>> {
    return this.#call({
      operation: 'getJob',
      method: 'GET',
      path: `/jobs/${encodeURIComponent(jobId)}`,
    });
  }

  /** `GET /v1/{project_id}/server-groups` with the given filters and page. */
  listProtectionGroups(query: SdrsListQuery): Promise<UpstreamResult<unknown>> {
    return this.#call({
      operation: 'listProtectionGroups',
      method: 'GET',
      path: '/server-groups',
      query: { ...query },
    });
  }

  /** `GET /v1/{project_id}/active-domains`. */
  listActiveDomains(): Promise<UpstreamResult<unknown>> {
    return this.#call({ operation: 'listActiveDomains', method: 'GET', path: '/active-domains' });
  }

  async #call<T>(spec: CallSpec): Promise<UpstreamResult<T>> {
    const url = this.#urlOf(spec);
    // Serialised once: the signed bytes are exactly the bytes sent, on every attempt.
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let resends = 0;
    let refreshedCredentials = false;
    let lastError: UpstreamError | undefined;
    // The call's budget (SDRS_CALL_BUDGET_MS) ends at `deadline`; it moves later by the time spent
    // in `beforeAttempt`, so a rate limiter's pacing does not eat it.
    let deadline = performance.now() + this.#config.callBudgetMs;
    // Resend only with at least this window left: a shorter attempt could hardly connect and be
    // answered, and would just swap the real last error for a timeout. (A smaller timeoutMs is
    // the configured attempt length itself.)
    const minAttemptMs = Math.min(1_000, this.#config.timeoutMs);
    for (let attempt = 1; ; attempt++) {
      // Credentials first (a Secrets Manager read can take ~100 ms), then the hook: a rate
      // limiter's slot must be spent on sending, not on waiting for the secret.
      const credentials = await this.#credentials.get();
      // A resend needs a useful window (checked before the hook so no limiter slot is wasted).
      if (lastError && deadline - performance.now() < minAttemptMs) throw lastError;
      let started = performance.now();
      if (this.#beforeAttempt) {
        // Without a hook there is nothing to await: no extra turn of the event loop per call.
        const paced = started;
        await this.#beforeAttempt();
        started = performance.now();
        deadline += started - paced;
      }
      // The first attempt is always sent, with at least the useful window.
      const timeoutMs = Math.min(
        this.#config.timeoutMs,
        Math.max(deadline - started, minAttemptMs),
      );
      const log = (status: number | undefined, outcome: string, requestId?: string) =>
        this.#onCall?.({
          operation: spec.operation,
          method: spec.method,
          status,
          outcome,
          attempt,
          durationMs: Math.round(performance.now() - started),
          upstreamRequestId: requestId,
        });
      const headers = signRequest(
        {
          method: spec.method,
          url,
          headers: {
            ...(body !== undefined && { 'content-type': 'application/json' }),
            'x-project-id': this.#config.projectId,
          },
          ...(body !== undefined && { body }),
        },
        credentials,
      );
      let error: UpstreamError;
      try {
        const answer = await sendRequest(
          { method: spec.method, url, headers, ...(body !== undefined && { body }) },
          { timeoutMs },
        );
        if (answer.status >= 200 && answer.status < 300) {
          log(answer.status, 'ok', answer.requestId);
          return { value: this.#parse<T>(answer), upstreamRequestId: answer.requestId };
        }
        error = normaliseUpstreamAnswer(answer, [
          credentials.ak,
          credentials.sk,
          ...(credentials.securityToken ? [credentials.securityToken] : []),
        ]);
        log(answer.status, error.code, answer.requestId);
      } catch (caught) {
        if (!(caught instanceof UpstreamError)) throw caught;
        error = caught;
        if (error.kind !== 'answered') log(undefined, error.kind);
      }
      lastError = error;
      if (error.credentialsRejected && !refreshedCredentials) {
        refreshedCredentials = true;
        await this.#credentials.refresh();
        continue;
      }
      // `resends + 1`: the attempt the rule counts (a credentials refresh is not a resend).
      const delay = resendDelay(error, spec.method === 'GET', resends + 1, {
        maxAttempts: this.#config.maxAttempts,
        backoffMs: BACKOFF_MS,
        maxRetryAfterMs: this.#config.maxRetryAfterMs,
      });
      // No waiting for a resend that would not have a useful window left.
      if (delay === undefined || deadline - performance.now() - delay < minAttemptMs) throw error;
      resends++;
      await sleep(delay);
    }
  }

  /**
   * The call's URL. One without a query is kept and reused for the next call to the same path
   * (the create's URL is the same on every call): nothing changes a URL after it is built here.
   */
  #urlOf(spec: CallSpec): URL {
    const href = `${this.#base}${spec.path}`;
    if (spec.query === undefined) {
      if (this.#lastUrl?.href !== href) this.#lastUrl = { href, url: new URL(href) };
      return this.#lastUrl.url;
    }
    const url = new URL(href);
    for (const [key, value] of Object.entries(spec.query)) {
      if (value !== undefined) url.searchParams.append(key, String(value));
    }
    return url;
  }

  #parse<T>(answer: UpstreamAnswer): T {
    if (answer.truncated) {
      throw unexpectedAnswer(answer.status, answer.requestId, 'the answer is too large');
    }
    try {
      return JSON.parse(answer.body.toString('utf8')) as T;
    } catch {
      throw unexpectedAnswer(answer.status, answer.requestId, 'the answer is not JSON');
    }
  }
}
