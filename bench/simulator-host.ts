/**
 * The upstream side of the benchmark, in its own process (started by bench/run.ts): the SDRS
 * simulator, a local Secrets Manager endpoint and a local DynamoDB (dynalite: the idempotency
 * records of keyed creates, the outcome records). In its own process because the upstream is
 * another machine in production — its CPU time must not land on the BFF's event loop, nor its
 * request log in the BFF's RSS. Commands arrive over IPC (see `Command`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalDynamoDb } from '../scripts/local-dynamodb.js';
import { startLocalS3 } from '../scripts/local-s3.js';
import { startSimulator } from '../simulator/index.js';
import { startFakeSecretsManager } from '../test/support/fake-secrets-manager.js';
import { fleetListYaml, upstreamBody } from './drivers/bodies.js';

/** Name of the Secrets Manager secret holding the simulator's credentials. */
export const BENCH_SECRET_ID = 'sdrs-bff/bench-credentials';
/** The dummy AWS keys of the bench's functions (the local S3 accepts them). */
export const BENCH_AWS_KEYS = {
  accessKeyId: 'AKIABENCHDUMMY',
  secretAccessKey: 'bench-dummy-secret',
};
/** Where the fleet phase's desired list goes in the local S3. */
export const FLEET_LIST_KEY = 'lists/fleet.yaml';

/** What the host announces once it listens. */
export interface UpstreamInfo {
  readonly url: string;
  readonly projectId: string;
  readonly secretFile: string;
  readonly secretsManagerUrl: string;
  readonly secretId: string;
  /** The local S3 and its reconcile bucket (the fleet phase's list and reports). */
  readonly s3Endpoint: string;
  readonly bucket: string;
  /** The local DynamoDB and its tables (`IDEMPOTENCY_TABLE`, `OUTCOME_TABLE`). */
  readonly dynamodbUrl: string;
  readonly idempotencyTable: string;
  readonly outcomeTable: string;
}

/** The upstream's own counters since the last reset. */
export interface UpstreamStats {
  readonly requests: number;
  readonly acceptedCreates: number;
  /** Requests answered with something other than 2xx. */
  readonly failed: number;
  /** Highest number of requests that arrived within any 1000 ms span. */
  readonly maxPerSecond: number;
  /** CPU the host spent per request (user + system), in microseconds. */
  readonly cpuUsPerRequest: number;
}

interface Command {
  readonly id: number;
  readonly command: 'reset' | 'latency' | 'stats' | 'arrivals' | 'fleet' | 'close';
  readonly ms?: number;
  /** `fleet`: the list's size and how many of its groups exist already (the first ones). */
  readonly items?: number;
  readonly existing?: number;
}

async function main(): Promise<void> {
  const dir = process.env.BENCH_DIR;
  if (!dir) throw new Error('BENCH_DIR is not set');
  const sim = await startSimulator();
  const secrets = await startFakeSecretsManager();
  const s3 = await startLocalS3({ bucket: 'sdrs-bff-bench-reconcile', keys: BENCH_AWS_KEYS });
  const db = await startLocalDynamoDb({ tableName: 'sdrs-bff-bench-idempotency' });
  const secretText = JSON.stringify(sim.credentials);
  secrets.setSecret(BENCH_SECRET_ID, secretText);
  const secretFile = join(dir, 'credentials.json');
  writeFileSync(secretFile, secretText, { mode: 0o600 });
  let cpuAtReset = process.cpuUsage();

  const answer = (id: number, value: unknown) => process.send?.({ id, value });
  process.on('message', async (message: Command) => {
    switch (message.command) {
      case 'reset':
        sim.reset();
        cpuAtReset = process.cpuUsage();
        return answer(message.id, true);
      case 'latency':
        sim.clearFaults();
        if (message.ms)
          sim.inject({ route: 'any', kind: 'latency', ms: message.ms, times: Infinity });
        return answer(message.id, true);
      case 'stats': {
        const requests = sim.requests();
        const cpu = process.cpuUsage(cpuAtReset);
        const stats: UpstreamStats = {
          requests: requests.length,
          acceptedCreates: sim.acceptedCreates(),
          failed: requests.filter((r) => r.status === undefined || r.status >= 300).length,
          maxPerSecond: sim.maxRequestsPerSecond(),
          cpuUsPerRequest: requests.length ? (cpu.user + cpu.system) / requests.length : 0,
        };
        return answer(message.id, stats);
      }
      case 'arrivals':
        // Arrival times (ms since epoch) of every request since the last reset, in order.
        return answer(
          message.id,
          sim.requests().map((r) => r.receivedAt),
        );
      case 'fleet': {
        // The fleet list in S3 (YAML, as operators keep it), the first `existing` groups in SDRS.
        const existing = message.existing ?? 0;
        for (let i = 0; i < existing; i++) sim.seedGroup(upstreamBody(i).server_group);
        const text = fleetListYaml(message.items ?? 0);
        await s3.put(FLEET_LIST_KEY, text);
        return answer(message.id, { key: FLEET_LIST_KEY, bytes: Buffer.byteLength(text) });
      }
      case 'close':
        await Promise.all([sim.close(), secrets.close(), s3.close(), db.close()]);
        answer(message.id, true);
        process.disconnect?.();
        return;
    }
  });
  const info: UpstreamInfo = {
    url: sim.url,
    projectId: sim.projectId,
    secretFile,
    secretsManagerUrl: secrets.url,
    secretId: BENCH_SECRET_ID,
    s3Endpoint: s3.endpoint,
    bucket: s3.bucket,
    dynamodbUrl: db.endpoint,
    idempotencyTable: db.tableName,
    outcomeTable: db.outcomeTableName,
  };
  process.send?.({ type: 'result', value: info });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'error', error: String(error) });
  process.exit(1);
});
