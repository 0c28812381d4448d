/**
 * The webhook use case up to the create: authenticate the raw delivery, parse it, and map it to a
 * create body (or find that the source's `when` filters it out). The HTTP side — the idempotent
 * create per delivery id and the answers — is `lib/http/webhook-route.ts`.
 */
import type { Context } from 'aws-lambda';
import type { CreateProtectionGroupRequest } from '../../schemas/index.js';
import { logger } from '../observability/logger.js';
import { RequestValidationError } from '../problems/errors.js';
import { decodeUtf8, parseJsonText } from '../validation/json-text.js';
import type { WebhookSource } from './config-types.js';
import { WebhookAuthenticationError } from './errors.js';
import { deliveryIdOf, isWanted, mapCreateBody, ticketOf } from './mapping.js';
import type { WebhookRegistry } from './registry.js';
import { checkSignedTimestamp, type Headers, verifyDelivery } from './verify.js';

/** One delivery as it arrived: the raw bytes, never re-serialised. */
export interface WebhookDelivery {
  readonly source: string;
  readonly headers: Headers;
  readonly rawBody: Buffer;
  readonly requestId: string;
  readonly lambdaContext?: Context;
}

/** A failed check may re-read the secrets (rotation), at most this often per source. */
const SECRET_REFRESH_MIN_AGE_MS = 30_000;

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

/** What an authenticated delivery asks for. */
export type ReadDelivery =
  | { readonly wanted: false; readonly source: WebhookSource; readonly ticket: string | undefined }
  | {
      readonly wanted: true;
      readonly source: WebhookSource;
      readonly ticket: string | undefined;
      readonly deliveryId: string;
      readonly body: CreateProtectionGroupRequest;
      /** The parsed payload, where a `notify` block finds the record to tell the outcome. */
      readonly payload: unknown;
    };

/**
 * Authenticates a delivery on its raw bytes, parses it and maps it to a create body; every
 * expected failure is a `ProblemError` (unknown source 404, not authenticated 401, not JSON 415,
 * not mappable 422).
 */
export async function readDelivery(
  delivery: WebhookDelivery,
  registry: WebhookRegistry,
): Promise<ReadDelivery> {
  const source = registry.source(delivery.source);
  await authenticate(source, registry, delivery);
  const payload = parsePayload(delivery.rawBody);
  if (source.auth.scheme === 'hub-signature' && source.auth.timestamp) {
    checkSignedTimestamp(source.auth.timestamp, payload);
  }
  const ticket = ticketOf(source, payload);
  if (!isWanted(source, payload)) return { wanted: false, source, ticket };
  const deliveryId = deliveryIdOf(source, delivery.headers, payload);
  const body = mapCreateBody(source, payload);
  return { wanted: true, source, ticket, deliveryId, body, payload };
}
