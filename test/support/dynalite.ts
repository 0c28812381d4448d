import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { resetIdempotencyStore } from '../../lib/idempotency/index.js';
import { type LocalDynamoDb, startLocalDynamoDb } from '../../scripts/local-dynamodb.js';

/** dynalite with the idempotency table, wired into `process.env` for the handlers under test. */
export interface TestDynamoDb extends LocalDynamoDb {
  /** Every record in the idempotency table, unmarshalled. */
  records(): Promise<Record<string, unknown>[]>;
  /** One record by its `id`, or undefined. */
  record(id: string): Promise<Record<string, unknown> | undefined>;
  /** Deletes every record (between tests). */
  clear(): Promise<void>;
  /** Moves a record's `expiration` into the past, as if its lifetime had run out. */
  expire(id: string): Promise<void>;
}

/**
 * Starts dynalite in process on a random port, creates the idempotency table, sets
 * `AWS_ENDPOINT_URL_DYNAMODB`, `AWS_REGION`, dummy keys and `IDEMPOTENCY_TABLE` in `process.env`
 * and resets the container's store so the next handler call uses it.
 *
 * @example
 * const db = await startDynalite({ tableName: 'idem-test' });
 * // ... invoke handlers ...
 * await db.close();
 */
export async function startDynalite(options: { tableName?: string } = {}): Promise<TestDynamoDb> {
  const local = await startLocalDynamoDb({ port: 0, ...options });
  Object.assign(process.env, local.env);
  resetIdempotencyStore();
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: local.endpoint,
      region: local.env.AWS_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  return {
    ...local,
    records: async () => {
      const page = await client.send(new ScanCommand({ TableName: local.tableName }));
      return page.Items ?? [];
    },
    record: async (id) => {
      const found = await client.send(new GetCommand({ TableName: local.tableName, Key: { id } }));
      return found.Item;
    },
    clear: async () => {
      const page = await client.send(new ScanCommand({ TableName: local.tableName }));
      for (const item of page.Items ?? []) {
        await client.send(new DeleteCommand({ TableName: local.tableName, Key: { id: item.id } }));
      }
    },
    expire: async (id) => {
      await client.send(
        new UpdateCommand({
          TableName: local.tableName,
          Key: { id },
          UpdateExpression: 'SET #expiration = :past',
          ExpressionAttributeNames: { '#expiration': 'expiration' },
          ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
        }),
      );
    },
    close: async () => {
      client.destroy();
      resetIdempotencyStore();
      await local.close();
    },
  };
}
