/**
 * Phase 1, in a fresh process: the full create handler (every middleware, validation,
 * credentials, signing, node-fetch, normalisation) invoked in-process with API Gateway v2 events,
 * against a bare signed node-fetch call of the same body to the same simulator. The two sides
 * alternate call by call (ABBA order, so neither always goes first); with concurrency N, N
 * workers run such pairs at once, so both sides always share the same load.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { Session } from 'node:inspector/promises';
import fetch from 'node-fetch';
import { handler } from '../../handlers/create-protection-group.js';
import { signRequest } from '../../lib/upstream/signer.js';
import { reportFailure, reportResult } from '../support/processes.js';
import { type LatencySummary, summarise } from '../support/stats.js';
import { createInvocation, envInt, upstreamBody } from './bodies.js';

/** What this phase reports. */
export interface CreateLatencyResult {
  readonly concurrency: number;
  readonly bff: LatencySummary;
  readonly bare: LatencySummary;
  readonly wallMs: number;
}

const endpoint = process.env.SDRS_ENDPOINT as string;
const projectId = process.env.SDRS_PROJECT_ID as string;
// The bare client holds the keys in memory (the handler's are cached from Secrets Manager).
const credentials = JSON.parse(readFileSync(process.env.BENCH_SECRET_FILE as string, 'utf8'));
const url = new URL(`${endpoint}/v1/${projectId}/server-groups`);
// The same pool settings as lib/upstream/transport.ts.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

type Side = (i: number) => Promise<number>;

/** `both` (the comparison); `bff` or `bare` alone when profiling one side. */
const sides = process.env.BENCH_SIDES ?? 'both';

/** One create through the deployed handler; returns its latency in ms. */
const viaBff: Side = async (i) => {
  const [event, context] = createInvocation(i);
  const started = performance.now();
  const response = await handler(event, context);
  const ms = performance.now() - started;
  if (response.statusCode !== 202) {
    throw new Error(`handler answered ${response.statusCode}: ${response.body}`);
  }
  return ms;
};

/** The same create as a bare client would send it: serialise, sign, POST, read the job id. */
const bare: Side = async (i) => {
  const started = performance.now();
  const body = JSON.stringify(upstreamBody(i));
  const headers = signRequest(
    {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'x-project-id': projectId },
      body,
    },
    credentials,
  );
  const response = await fetch(url.href, { method: 'POST', headers, body, agent });
  const answer = (await response.json()) as { job_id?: string };
  const ms = performance.now() - started;
  if (response.status !== 200 || !answer.job_id) {
    throw new Error(`bare call answered ${response.status}: ${JSON.stringify(answer)}`);
  }
  return ms;
};

async function runPairs(
  from: number,
  pairs: number,
  concurrency: number,
  bffSamples: number[],
  bareSamples: number[],
): Promise<void> {
  let next = from;
  const end = from + pairs;
  const worker = async (): Promise<void> => {
    while (next < end) {
      const k = next++;
      if (sides === 'bff') bffSamples.push(await viaBff(k));
      else if (sides === 'bare') bareSamples.push(await bare(k));
      else if (k % 2 === 0) {
        bffSamples.push(await viaBff(k));
        bareSamples.push(await bare(k));
      } else {
        bareSamples.push(await bare(k));
        bffSamples.push(await viaBff(k));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Profiles the measured calls only (not start-up or warm-up) when `file` is set; the returned
 * function stops the profiler and writes the `.cpuprofile`.
 */
async function startProfiler(file: string | undefined) {
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

async function main(): Promise<void> {
  const concurrency = envInt('BENCH_CONCURRENCY', 1);
  const calls = envInt('BENCH_CALLS', 2000);
  const warmup = envInt('BENCH_WARMUP', 200);
  await runPairs(0, warmup, concurrency, [], []);
  const bffSamples: number[] = [];
  const bareSamples: number[] = [];
  const profiler = await startProfiler(process.env.BENCH_PROFILE);
  const started = performance.now();
  await runPairs(warmup, calls, concurrency, bffSamples, bareSamples);
  await profiler?.();
  const result: CreateLatencyResult = {
    concurrency,
    bff: summarise(bffSamples),
    bare: summarise(bareSamples),
    wallMs: performance.now() - started,
  };
  reportResult(result);
}

main().catch(reportFailure);
