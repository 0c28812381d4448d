import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** Partition key of the idempotency table (Powertools' default attribute name). */
export const IDEMPOTENCY_KEY_ATTRIBUTE = 'id';
/** Epoch-seconds attribute that DynamoDB TTL deletes expired records by (Powertools' default). */
export const IDEMPOTENCY_TTL_ATTRIBUTE = 'expiration';

/**
 * The idempotency table as `serverless.yml` declares it (string partition key `id`, on-demand),
 * for local stores (dynalite) and tests. TTL on `expiration` is set separately where supported;
 * expiry does not depend on it, since records are checked against `expiration` when read.
 */
export function idempotencyTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: [{ AttributeName: IDEMPOTENCY_KEY_ATTRIBUTE, AttributeType: 'S' }],
    KeySchema: [{ AttributeName: IDEMPOTENCY_KEY_ATTRIBUTE, KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  };
}
