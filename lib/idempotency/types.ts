import type { Context } from 'aws-lambda';

/**
 * An HTTP answer in the form that is stored and replayed: plain strings only, so it survives a
 * round trip through DynamoDB unchanged.
 */
export interface ReplayableResponse {
  readonly statusCode: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The answer of an idempotent run, and whether it was replayed from the store. */
export interface IdempotentRun {
  readonly response: ReplayableResponse;
  /** `true` when this call did not execute: the answer is the stored one of an earlier call. */
  readonly replayed: boolean;
}

/** What identifies one idempotent operation. */
export interface IdempotentRequest {
  /**
   * Who and what the key belongs to, e.g. `POST /protection-groups|sub:<jwt sub>` or
   * `webhook:jira`. The same key in two scopes names two different operations.
   */
  readonly scope: string;
  /** The caller's key (an `Idempotency-Key`, a webhook delivery id), already validated. */
  readonly key: string;
  /**
   * A digest of what the caller asked for (see `fingerprintOf`). A later call with the same scope
   * and key but another fingerprint is refused with `IDEMPOTENCY_KEY_REUSED`.
   */
  readonly fingerprint: string;
  /**
   * The invocation's context. Pass it: the in-progress lock then expires at this invocation's
   * deadline, so a run killed mid-way (crash, hard timeout) does not block its key for the whole
   * record lifetime.
   */
  readonly lambdaContext?: Context;
}
