/**
 * `npm start`: serves the HTTP API on http://127.0.0.1:3000 the way the deployed stack answers.
 * Unless SDRS_ENDPOINT is set, the embedded SDRS simulator is started first and used as the
 * upstream, with its credentials written to a local secret file — no account and no network.
 *
 * Shape: the local gateway (scripts/local-gateway/) is the only port. It answers CORS, runs the
 * JWT authorizer against the development issuer (a key generated at every start, its JWKS on
 * loopback) when AUTH_DISABLED=false, builds API Gateway's events and calls the functions through
 * serverless-offline, which listens only on Unix sockets in a private directory: serverless-offline's
 * own HTTP routes (which echo any Origin, decode tokens without verifying them and invent a
 * Content-Type) and its Lambda invoke API cannot be reached from a browser or another user.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { enableExampleWebhooks } from '../examples/webhooks/local.js';
import { startSimulator } from '../simulator/index.js';
import { useLocalDynamoDb } from './local-dynamodb.js';
import { jwtAuthorizer } from './local-gateway/authorizer.js';
import { corsSettings } from './local-gateway/cors.js';
import { lambdaInvoker } from './local-gateway/invoke.js';
import { startLocalIssuer } from './local-gateway/issuer.js';
import { startLocalGateway } from './local-gateway/server.js';
import { useTicketingSimulator, watchOutcomesLocally } from './local-outcomes.js';
import { useLocalS3 } from './local-s3.js';
import { announceLocalStack } from './local-stack.js';
import { writePrivateFile } from './private-file.js';

// The AWS SDK warns about Node 20 on every client; here (dynalite setup) and in the functions.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const env: NodeJS.ProcessEnv = { ...process.env, SDRS_SECRET_ID: process.env.SDRS_SECRET_ID ?? '' };
// Caller authentication is off unless AUTH_DISABLED=false (then tokens of the local issuer, or of
// JWT_ISSUER_URL when set, are verified as the deployed authorizer verifies them).
env.AUTH_DISABLED ??= 'true';
env.CORS_ALLOWED_ORIGINS ??= 'http://localhost:5173,http://127.0.0.1:5173';
env.JWT_AUDIENCE ||= 'sdrs-bff';
enableExampleWebhooks(env); // example webhook sources with development secrets (docs/webhooks.md)
const closers: Array<() => Promise<void>> = [];
const dynamoDb = await useLocalDynamoDb(env); // Idempotency-Key records (docs/idempotency.md)
closers.push(dynamoDb.close);
closers.push(await useTicketingSimulator(env)); // where tickets learn outcomes (docs/ticket-outcomes.md)
closers.push(await useLocalS3(env)); // reconcile lists and reports (docs/reconcile.md)

const embeddedSimulator = !env.SDRS_ENDPOINT;
if (embeddedSimulator) {
  const simulator = await startSimulator({
    port: Number(env.SIMULATOR_PORT ?? 4010),
    // The simulator's `idempotency-store` fault toggle breaks the local table (simulator/README.md).
    ...(dynamoDb.failNext && { idempotencyStoreOutage: dynamoDb.failNext }),
  });
  closers.push(() => simulator.close());
  env.SDRS_ENDPOINT = simulator.url;
  env.SDRS_PROJECT_ID ||= simulator.projectId;
  if (!env.SDRS_SECRET_FILE && !env.SDRS_SECRET_ID) {
    env.SDRS_SECRET_FILE = resolve('.local/simulator-credentials.json');
    await writePrivateFile(env.SDRS_SECRET_FILE, JSON.stringify(simulator.credentials));
  }
  console.log(`SDRS simulator on ${simulator.url} (project ${simulator.projectId})`);
  console.log(`Fault toggles: curl ${simulator.url}/_simulator/faults (simulator/README.md)`);
}

// Tells `npm run reconcile` (and any other local command) which upstream this stack serves.
closers.push(
  await announceLocalStack({
    pid: process.pid,
    apiUrl: `http://localhost:${env.PORT ?? 3000}`,
    sdrsEndpoint: env.SDRS_ENDPOINT ?? '',
    sdrsProjectId: env.SDRS_PROJECT_ID ?? '',
    upstream: embeddedSimulator ? 'simulator' : 'SDRS_ENDPOINT',
    ...(env.SDRS_SECRET_FILE && { sdrsSecretFile: resolve(env.SDRS_SECRET_FILE) }),
    ...(env.SDRS_SECRET_ID && { sdrsSecretId: env.SDRS_SECRET_ID }),
    ...(env.AWS_ENDPOINT_URL_S3 && { s3Endpoint: env.AWS_ENDPOINT_URL_S3 }),
    ...(env.RECONCILE_BUCKET && { reconcileBucket: env.RECONCILE_BUCKET }),
    ...(env.RECONCILE_LIST_KEY && { reconcileListKey: env.RECONCILE_LIST_KEY }),
  }),
);

const authOn = env.AUTH_DISABLED !== 'true';
if (authOn && !env.JWT_ISSUER_URL) {
  const issuer = await startLocalIssuer({
    audience: env.JWT_AUDIENCE,
    port: Number(env.ISSUER_PORT ?? 0),
  });
  closers.push(() => issuer.close());
  env.JWT_ISSUER_URL = issuer.issuer;
  console.log(
    `Development JWT issuer on ${issuer.issuer} (tokens: npm run token -- --scope write)`,
  );
}

// serverless-offline on Unix sockets in a directory only this user can enter (mkdtemp: 700).
const sockets = await mkdtemp(join(tmpdir(), 'sdrs-bff-offline-'));
closers.push(() => rm(sockets, { recursive: true, force: true }));
env.OFFLINE_HTTP_SOCKET = join(sockets, 'http.sock');
env.OFFLINE_LAMBDA_SOCKET = join(sockets, 'lambda.sock');
env.LOCAL_GATEWAY_ONLY = 'true'; // the functions trust claims only behind this gateway

// The CLI itself, not `npx`: a signal sent to this child must reach serverless-offline.
const cli = resolve('node_modules/.bin/serverless');
// serverless.yml's `sdrsSecretName` parameter becomes SDRS_SECRET_ID: empty = the local file.
env.SDRS_SECRET_NAME = env.SDRS_SECRET_ID;
const offline = spawn(cli, ['offline', 'start', '--stage', 'local'], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  offline.kill('SIGTERM');
  await Promise.all(closers.map((close) => close()));
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
offline.on('exit', (code) => void stop(code ?? 1));

// The gateway opens once serverless-offline says it is ready (its line may come on either stream).
let started = false;
const watch = (into: NodeJS.WriteStream) => (chunk: Buffer) => {
  into.write(chunk);
  if (started || !chunk.toString().includes('Server ready')) return;
  started = true;
  void openGateway().catch((error: Error) => {
    console.error(`The local gateway did not start: ${error.message}`);
    void stop(1);
  });
};
offline.stdout.on('data', watch(process.stdout));
offline.stderr.on('data', watch(process.stderr));

async function openGateway(): Promise<void> {
  const invoke = lambdaInvoker({
    socketPath: String(env.OFFLINE_LAMBDA_SOCKET),
    service: 'sdrs-bff',
    stage: 'local',
  });
  const gateway = await startLocalGateway({
    host: env.HOST || '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    invoke,
    cors: await corsSettings(env.CORS_ALLOWED_ORIGINS ?? ''),
    ...(authOn && {
      authorizer: jwtAuthorizer({
        issuer: String(env.JWT_ISSUER_URL),
        audience: String(env.JWT_AUDIENCE),
      }),
    }),
    log: (line) => console.warn(`gateway: ${line}`),
  });
  closers.unshift(() => gateway.close());
  // serverless-offline runs no schedules: the outcome watcher is invoked from here.
  closers.unshift(watchOutcomesLocally(invoke));
  console.log(`Local API ready: ${gateway.url} (authentication ${authOn ? 'on' : 'off'})`);
}
