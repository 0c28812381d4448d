/**
 * The webhook use case: authenticate the raw delivery, map it, and run the front end's create
 * once per delivery id under the shared idempotency records.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from 'aws-lambda';
import { idempotentHttpResponse, keptAnswer } from '../http/idempotency-key.js';
import { decodeUtf8, parseJsonText } from '../http/middlewares/json-body.js';
import type { HttpResponse } from '../http/responses.js';
import {
  fingerprintOf,
  type IdempotentRequest,
  type IdempotentRun,
  type ReplayableResponse,
  runIdempotent,
  toReplayable,
} from '../idempotency/index.js';
import { logger } from '../observability/logger.js';
import { ProblemError, RequestValidationError } from '../problems/errors.js';
import { createProtectionGroup } from '../protection-groups/create.js';
import { backoff } from '../upstream/resend.js';
import type { SdrsClient } from '../upstream/sdrs-client.js';
import type { WebhookSource } from './config-types.js';
import { WebhookAuthenticationError } from './errors.js';
import { deliveryIdOf, isWanted, mapCreateBody, ticketOf } from './mapping.js';
import type { WebhookRegistry } from './registry.js';
import { acceptedDelivery, forSender, ignoredDelivery } from './responses.js';
import { checkSignedTimestamp, type Headers, verifyDelivery } from './verify.js';

/** One delivery as it arrived: the raw bytes, never re-serialised. */
export interface WebhookDelivery {
  readonly source: string;
  readonly headers: Headers;
  readonly rawBody: Buffer;
  readonly requestId: string;
  readonly lambdaContext?: Context;
}

export interface DeliveryDependencies {
  readonly registry: WebhookRegistry;
  readonly client: () => SdrsClient;
}

/** A failed check may re-read the secrets (rotation), at most this often per source. */
const SECRET_REFRESH_MIN_AGE_MS = 30_000;
/** Lambda time kept back when waiting for a duplicate's first delivery. */
const WAIT_MARGIN_MS = 3_000;
/** A duplicate asks again for the first delivery's answer after 50 ms, doubling to 400 ms. */
const IN_PROGRESS_POLL_MS = 50;
const IN_PROGRESS_MAX_POLL_MS = 400;

async function authenticate(
  source: WebhookSource,
  registry: WebhookRegistry,
  delivery: WebhookDelivery,
) {
  const cache = registry.secrets(source);
  const verify = (secrets: readonly string[]) =>
    verifyDelivery(source.auth, delivery.headers, delivery.rawBody, secrets);
  try {
    try {
      verify(await cache.get());
    } catch (error) {
      const mismatch =
        error instanceof WebhookAuthenticationError && error.reason === 'no-matching-signature';
      const fresh = mismatch
        ? await cache.refreshIfOlderThan(SECRET_REFRESH_MIN_AGE_MS)
        : undefined;
      if (!fresh) throw error;
      verify(fresh);
    }
  } catch (error) {
    if (error instanceof WebhookAuthenticationError) {
      logger.warn('webhook not authenticated', { source: source.name, reason: error.reason });
    }
    throw error;
  }
}

/**
 * The payload, decoded once (strict UTF-8, then JSON). Every sender posts a JSON object: anything
 * else — a JSON string holding JSON included — is a 400, never decoded a second time.
 */
function parsePayload(rawBody: Buffer): Record<string, unknown> {
  const payload = parseJsonText(decodeUtf8(rawBody));
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new RequestValidationError(
      [{ pointer: '#', detail: 'must be a JSON object' }],
      'The delivery body is not a JSON object.',
    );
  }
  return payload as Record<string, unknown>;
}

function isInProgress(error: unknown): error is ProblemError {
  return error instanceof ProblemError && error.code === 'IDEMPOTENCY_IN_PROGRESS';
}

/**
 * Runs the create idempotently. A duplicate that finds the first delivery still running waits
 * for its answer (so concurrent redeliveries all get the same jobId); past the wait budget it
 * answers the source's in-progress status with `Retry-After`, which makes the sender try again.
 */
async function runOnce(
  request: IdempotentRequest,
  execute: () => Promise<ReplayableResponse>,
  source: WebhookSource,
  waitMs: number,
): Promise<IdempotentRun> {
  const remaining = request.lambdaContext?.getRemainingTimeInMillis() ?? Number.POSITIVE_INFINITY;
  const deadline = Date.now() + Math.max(0, Math.min(waitMs, remaining - WAIT_MARGIN_MS));
  for (let attempt = 1; ; attempt++) {
    try {
      return await runIdempotent(request, execute);
    } catch (error) {
      if (!isInProgress(error)) throw error;
      const pause = backoff(attempt, IN_PROGRESS_POLL_MS, IN_PROGRESS_MAX_POLL_MS);
      if (Date.now() + pause > deadline) {
        throw error.with({
          status: source.inProgressStatus,
          detail: 'The first delivery with this id is still being processed; retry shortly.',
          retryAfterSeconds: 2,
        });
      }
      await sleep(pause);
    }
  }
}

/** Handles one webhook delivery end to end; every expected failure is a `ProblemError`. */
export async function handleDelivery(
  delivery: WebhookDelivery,
  { registry, client }: DeliveryDependencies,
): Promise<HttpResponse> {
  const source = registry.source(delivery.source);
  await authenticate(source, registry, delivery);
  const payload = parsePayload(delivery.rawBody);
  if (source.auth.scheme === 'hub-signature' && source.auth.timestamp) {
    checkSignedTimestamp(source.auth.timestamp, payload);
  }
  const ticket = ticketOf(source, payload);
  if (!isWanted(source, payload)) {
    logger.info('webhook ignored', { source: source.name, ticket });
    return ignoredDelivery(ticket, source.name);
  }
  const deliveryId = deliveryIdOf(source, delivery.headers, payload);
  const body = mapCreateBody(source, payload);
  const fingerprint = fingerprintOf(body);
  const request: IdempotentRequest = {
    scope: `webhook:${source.name}`,
    key: deliveryId,
    fingerprint,
    ...(delivery.lambdaContext && { lambdaContext: delivery.lambdaContext }),
  };
  const execute = async () => {
    try {
      const jobId = await createProtectionGroup(body, client());
      return toReplayable(acceptedDelivery(jobId, ticket, source.name), delivery.requestId);
    } catch (error) {
      return keptAnswer(error, delivery.requestId);
    }
  };
  try {
    const run = await runOnce(request, execute, source, registry.settings.inProgressWaitMs);
    logger.info('webhook delivery answered', {
      source: source.name,
      deliveryId,
      ticket,
      status: run.response.statusCode,
      replayed: run.replayed,
    });
    return idempotentHttpResponse(run, delivery.requestId);
  } catch (error) {
    throw forSender(error);
  }
}
