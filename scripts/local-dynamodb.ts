/**
 * A local DynamoDB (dynalite, in process, in memory) with the idempotency and outcome tables, for `npm start`
 * and the tests: the service's DynamoDB client (lib/aws) talks to it over HTTP through
 * `AWS_ENDPOINT_URL_DYNAMODB`, as it would to DynamoDB.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
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
  /**
   * An outage on demand: the next `times` `PutItem` requests (an `Idempotency-Key` or delivery id
   * being recorded) get `ResourceNotFoundException` (the table is gone), an error an AWS client does
   * not resend, so each one fails exactly one request. Other calls (the outcome watcher's polls)
   * go through, so they do not use up the outage.
   */
  failNext(times: number): void;
  close(): Promise<void>;
}

/**
 * dynalite grants CORS to every origin and checks no signature, so any web page could read and
 * plant idempotency records (stored answers) on loopback. Browsers send `Origin` on every
 * cross-origin request, preflights included; AWS clients never do: refuse those requests.
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

const TABLE_GONE = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
  message: 'Requested resource not found (simulated outage)',
});

/** Puts a switchable outage (for `PutItem`) in front of dynalite's own request handler. */
function withOutageSwitch(server: ReturnType<typeof dynalite>): (times: number) => void {
  const serve = server.listeners('request')[0] as RequestListener;
  let failures = 0;
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const recording = String(req.headers['x-amz-target'] ?? '').endsWith('.PutItem');
    if (failures <= 0 || !recording) return serve(req, res);
    failures -= 1;
    req.resume();
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' }).end(TABLE_GONE);
  });
  return (times) => {
    failures = times;
  };
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
  const failNext = withOutageSwitch(server);
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
    failNext,
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
 * `Idempotency-Key` works locally with no account. Returns what stops it and, for dynalite, the
 * outage switch the simulator's `idempotency-store` toggle uses.
 */
export async function useLocalDynamoDb(
  env: NodeJS.ProcessEnv,
): Promise<{ close: () => Promise<void>; failNext?: (times: number) => void }> {
  if (env.IDEMPOTENCY_TABLE) return { close: async () => undefined };
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
  return { close: db.close, failNext: db.failNext };
}
