/**
 * A local DynamoDB (dynalite, in process, in memory) with the idempotency and outcome tables, for `npm start`
 * and the tests: the real AWS SDK talks to it over HTTP through `AWS_ENDPOINT_URL_DYNAMODB`.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { idempotencyTableDefinition } from '../lib/idempotency/table.js';
import { outcomeTableDefinition } from '../lib/outcomes/records.js';

export interface LocalDynamoDb {
  /** `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly tableName: string;
  /** The pending-outcome table (`OUTCOME_TABLE`). */
  readonly outcomeTableName: string;
  /** What a process needs to use it: endpoint, region, dummy keys, `IDEMPOTENCY_TABLE`, `OUTCOME_TABLE`. */
  readonly env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * dynalite grants CORS to every origin and checks no signature, so any web page could read and
 * plant idempotency records (stored answers) on loopback. Browsers send `Origin` on every
 * cross-origin request, preflights included; the AWS SDK never does: refuse those requests.
 */
function refuseBrowsers(server: Server): void {
  const handlers = server.listeners('request') as Array<(...args: unknown[]) => void>;
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.origin !== undefined) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('no browsers');
      return;
    }
    for (const handle of handlers) handle(request, response);
  });
}

/** Starts dynalite on 127.0.0.1 (`port` 0: a free one) and creates both tables. */
export async function startLocalDynamoDb(
  options: { port?: number; tableName?: string } = {},
): Promise<LocalDynamoDb> {
  const tableName = options.tableName ?? 'sdrs-bff-idempotency';
  const outcomeTableName = `${tableName}-outcomes`;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // local tooling only
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  refuseBrowsers(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env = {
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    IDEMPOTENCY_TABLE: tableName,
    OUTCOME_TABLE: outcomeTableName,
  };
  const client = new DynamoDBClient({
    endpoint,
    region: env.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await client.send(new CreateTableCommand(idempotencyTableDefinition(tableName)));
    await client.send(new CreateTableCommand(outcomeTableDefinition(outcomeTableName)));
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    tableName,
    outcomeTableName,
    env,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * For `npm start`: unless `IDEMPOTENCY_TABLE` is already set (a real table), starts dynalite
 * (`DYNALITE_PORT`, default a free port) with the table and points `env` at it, so the
 * `Idempotency-Key` works locally with no account. Returns what stops it.
 */
export async function useLocalDynamoDb(env: NodeJS.ProcessEnv): Promise<() => Promise<void>> {
  if (env.IDEMPOTENCY_TABLE) return async () => undefined;
  const db = await startLocalDynamoDb({ port: Number(env.DYNALITE_PORT ?? 0) });
  env.AWS_ENDPOINT_URL_DYNAMODB = db.endpoint;
  env.IDEMPOTENCY_TABLE = db.tableName;
  env.OUTCOME_TABLE ??= db.outcomeTableName;
  env.AWS_REGION ??= db.env.AWS_REGION;
  env.AWS_ACCESS_KEY_ID ??= db.env.AWS_ACCESS_KEY_ID;
  env.AWS_SECRET_ACCESS_KEY ??= db.env.AWS_SECRET_ACCESS_KEY;
  console.log(
    `DynamoDB (dynalite, in memory) on ${db.endpoint}, tables ${db.tableName}, ${db.outcomeTableName}`,
  );
  return db.close;
}
