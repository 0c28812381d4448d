/**
 * `npm start`: serves the HTTP API on http://localhost:3000 with serverless-offline. Unless
 * SDRS_ENDPOINT is set, the embedded SDRS simulator is started first and used as the upstream,
 * with its credentials written to a local secret file — no account and no network needed.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { enableExampleWebhooks } from '../examples/webhooks/local.js';
import { startSimulator } from '../simulator/index.js';
import { useLocalDynamoDb } from './local-dynamodb.js';
import { announceLocalStack } from './local-stack.js';

// The AWS SDK warns about Node 20 on every client; here (dynalite setup) and in the functions.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const env: NodeJS.ProcessEnv = { ...process.env, SDRS_SECRET_ID: process.env.SDRS_SECRET_ID ?? '' };
// Local only: no JWT issuer here, so caller authentication is off unless AUTH_DISABLED=false.
env.AUTH_DISABLED ??= 'true';
env.CORS_ALLOWED_ORIGINS ??= 'http://localhost:5173,http://127.0.0.1:5173';
enableExampleWebhooks(env); // example webhook sources with development secrets (docs/webhooks.md)
const closers: Array<() => Promise<void>> = [];
closers.push(await useLocalDynamoDb(env)); // Idempotency-Key records (docs/idempotency.md)

const embeddedSimulator = !env.SDRS_ENDPOINT;
if (embeddedSimulator) {
  const simulator = await startSimulator({ port: Number(env.SIMULATOR_PORT ?? 4010) });
  closers.push(() => simulator.close());
  env.SDRS_ENDPOINT = simulator.url;
  env.SDRS_PROJECT_ID ||= simulator.projectId;
  if (!env.SDRS_SECRET_FILE && !env.SDRS_SECRET_ID) {
    const dir = resolve('.local');
    await mkdir(dir, { recursive: true });
    env.SDRS_SECRET_FILE = resolve(dir, 'simulator-credentials.json');
    await writeFile(env.SDRS_SECRET_FILE, JSON.stringify(simulator.credentials), { mode: 0o600 });
  }
  console.log(`SDRS simulator on ${simulator.url} (project ${simulator.projectId})`);
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
  }),
);

// The CLI itself, not `npx`: a signal sent to this child must reach serverless-offline.
const cli = resolve('node_modules/.bin/serverless');
// serverless.yml's `sdrsSecretName` parameter becomes SDRS_SECRET_ID: empty = the local file.
env.SDRS_SECRET_NAME = env.SDRS_SECRET_ID;
const offline = spawn(cli, ['offline', 'start', '--stage', 'local'], { env, stdio: 'inherit' });

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
