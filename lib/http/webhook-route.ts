/**
 * The webhook route: a read delivery (lib/webhooks/deliver.ts) runs the front end's create once
 * per delivery id under the shared idempotency records, and is answered for a retrying sender.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  fingerprintOf,
  type IdempotentRequest,
  type IdempotentRun,
  type ReplayableResponse,
  runIdempotent,
} from '../idempotency/index.js';
import { logger } from '../observability/logger.js';
import { trackOutcome } from '../outcomes/track.js';
import { ProblemError } from '../problems/errors.js';
import { createProtectionGroup } from '../protection-groups/create.js';
import { backoff } from '../upstream/resend.js';
import type { SdrsClient } from '../upstream/sdrs-client.js';
import type { WebhookSource } from '../webhooks/config-types.js';
import { readDelivery, type WebhookDelivery } from '../webhooks/deliver.js';
import type { WebhookRegistry } from '../webhooks/registry.js';
import { answerToKeep, idempotentHttpResponse } from './idempotent-answer.js';
import type { HttpResponse } from './responses.js';
import { acceptedDelivery, forSender, ignoredDelivery } from './webhook-responses.js';

export interface DeliveryDependencies {
  readonly registry: WebhookRegistry;
  readonly client: () => SdrsClient;
}

/** Lambda time kept back when waiting for a duplicate's first delivery. */
const WAIT_MARGIN_MS = 3_000;
/** A duplicate asks again for the first delivery's answer after 50 ms, doubling to 400 ms. */
const IN_PROGRESS_POLL_MS = 50;
const IN_PROGRESS_MAX_POLL_MS = 400;

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
  const read = await readDelivery(delivery, registry);
  const { source, ticket } = read;
  if (!read.wanted) {
    logger.info('webhook ignored', { source: source.name, ticket });
    return ignoredDelivery(ticket, source.name);
  }
  const { deliveryId, body } = read;
  const request: IdempotentRequest = {
    scope: `webhook:${source.name}`,
    key: deliveryId,
    fingerprint: fingerprintOf(body),
    ...(delivery.lambdaContext && { lambdaContext: delivery.lambdaContext }),
  };
  const execute = () =>
    answerToKeep(async () => {
      const jobId = await createProtectionGroup(body, client());
      await trackOutcome({ source, payload: read.payload, ticket, name: body.name, jobId });
      return acceptedDelivery(jobId, ticket, source.name);
    }, delivery.requestId);
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
