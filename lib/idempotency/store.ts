import { AwsJsonClient, DYNAMODB } from '../aws/json-client.js';
import { ConfigurationError } from '../config.js';
import { logger } from '../observability/logger.js';
import { ProblemError } from '../problems/errors.js';
import { readIdempotencySettings } from './config.js';
import { DynamoDbPersistenceLayer } from './dynamodb-persistence.js';
import { IDEMPOTENCY_KEY_ATTRIBUTE, IDEMPOTENCY_TTL_ATTRIBUTE } from './table.js';

/** The container's idempotency store and the lifetime of its records. */
export interface IdempotencyStore {
  readonly persistence: DynamoDbPersistenceLayer;
  readonly ttlSeconds: number;
}

let store: IdempotencyStore | undefined;

/**
 * The DynamoDB table named by `IDEMPOTENCY_TABLE`, built on first use and reused by every
 * invocation (the endpoint comes from the usual AWS settings, e.g. `AWS_ENDPOINT_URL_DYNAMODB`
 * locally). No AWS SDK: the layer stores over lib/aws's small client, which keeps the create
 * function's cold start near an empty process's. Short timeouts: a stalled store must fail the request,
 * not hold it until the Lambda timeout.
 *
 * Fails closed: without a table a request that carries a key is refused with 500 — it is never
 * run without deduplication.
 */
export function idempotencyStore(): IdempotencyStore {
  if (store) return store;
  let settings: ReturnType<typeof readIdempotencySettings>;
  try {
    settings = readIdempotencySettings();
    if (!settings.tableName) {
      throw new ConfigurationError(
        'IDEMPOTENCY_TABLE is not set: refusing a request with an Idempotency-Key rather than running it without deduplication',
      );
    }
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    logger.error('idempotency store not configured', { error: error.message });
    throw new ProblemError('INTERNAL', 'Idempotency is not configured', {
      detail:
        'The service cannot honour Idempotency-Key right now, so nothing was sent to SDRS. Quote the requestId when reporting it.',
      cause: error,
    });
  }
  // Bounded so a hanging table costs at most 2 × (1 s + 3 s) per operation: the request still
  // gets its 503 well inside the 20 s function timeout (serverless.yml explains the budget).
  const client = new AwsJsonClient(DYNAMODB, {
    maxAttempts: 2,
    connectTimeoutMs: 1_000,
    requestTimeoutMs: 3_000,
  });
  store = {
    persistence: new DynamoDbPersistenceLayer({
      tableName: settings.tableName,
      keyAttr: IDEMPOTENCY_KEY_ATTRIBUTE,
      expiryAttr: IDEMPOTENCY_TTL_ATTRIBUTE,
      client,
    }),
    ttlSeconds: settings.ttlSeconds,
  };
  return store;
}

/** Forgets the container's store so the next use reads the environment again (tests only). */
export function resetIdempotencyStore(): void {
  store = undefined;
}
