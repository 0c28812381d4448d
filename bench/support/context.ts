/** What every phase of the benchmark shares: the plan, the bundles, the upstream and the env. */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { UpstreamInfo } from '../simulator-host.js';
import type { BuiltBundle } from './build.js';
import type { Rpc } from './processes.js';
import type { FunctionSpec } from './serverless-config.js';

/** How much work each phase does. */
export interface Plan {
  /** Calls per side in the create comparison, and warm-up pairs before them. */
  readonly createCalls: number;
  readonly createWarmup: number;
  readonly concurrencies: readonly number[];
  /** Fresh processes per cold-start target. */
  readonly coldSamples: number;
  readonly memoryCreates: number;
  readonly memoryEarlyAt: number;
  readonly memoryConcurrency: number;
  readonly reconcileLatencyMs: number;
  /** Reconcile runs: list size and `RECONCILE_RATE_PER_SECOND` (undefined = the default). */
  readonly reconcileRuns: ReadonlyArray<{ readonly items: number; readonly rate?: number }>;
  /** Fresh processes per what-if variant (fewer than per function, to keep the run short). */
  readonly coldWhatIfSamples: number;
  /** The fleet run: list size (half of it existing) and rate (undefined = the default, 10/s). */
  readonly fleetItems: number;
  readonly fleetRate?: number;
}

export const FULL_PLAN: Plan = {
  createCalls: 2000,
  createWarmup: 200,
  concurrencies: [1, 16],
  coldSamples: 11,
  memoryCreates: 20_000,
  memoryEarlyAt: 2_000,
  memoryConcurrency: 16,
  reconcileLatencyMs: 20,
  // 1,000 groups at the highest rate the settings allow (100/s; the default 10/s alone would
  // take 100 s), then the default settings over a shorter list for their own rate check.
  reconcileRuns: [{ items: 1000, rate: 100 }, { items: 200 }],
  coldWhatIfSamples: 5,
  // 5,000 entries at the deployed default rate: ~2,550 requests, ~4.3 minutes.
  fleetItems: 5000,
};

/** A smoke run (seconds, not minutes); its figures are not the recorded ones. */
export const QUICK_PLAN: Plan = {
  createCalls: 300,
  createWarmup: 50,
  concurrencies: [1, 16],
  coldSamples: 3,
  memoryCreates: 3000,
  memoryEarlyAt: 300,
  memoryConcurrency: 16,
  reconcileLatencyMs: 20,
  reconcileRuns: [{ items: 100, rate: 100 }, { items: 30 }],
  coldWhatIfSamples: 2,
  fleetItems: 500,
  fleetRate: 100,
};

/** A function of serverless.yml and its deployed bundle. */
export interface BuiltFunction {
  readonly spec: FunctionSpec;
  readonly bundle: BuiltBundle;
}

export interface BenchContext {
  readonly plan: Plan;
  /** Temporary directory (under node_modules/.cache, so externals resolve like in the repo). */
  readonly dir: string;
  readonly functions: readonly BuiltFunction[];
  /** What-if variants of the create bundle, by label. */
  readonly createVariants: ReadonlyArray<{ readonly label: string; readonly bundle: BuiltBundle }>;
  /** Bundled phase drivers by name (`create-latency`, `memory`, `cold-probe`, `reconcile`). */
  readonly drivers: ReadonlyMap<string, string>;
  readonly upstream: UpstreamInfo;
  readonly host: Rpc;
  readonly hostProcess: ChildProcess;
  /** Node flags of a Lambda with provider.memorySize (semi/old space as its bootstrap sets them). */
  readonly lambdaFlags: readonly string[];
  /** Where CPU profiles go when profiling (`--profile`), else undefined. */
  readonly profileDir: string | undefined;
}

/** Node flags Lambda's Node.js bootstrap passes for a memory size (new space = 1/10). */
export function lambdaNodeFlags(memoryMb: number): string[] {
  const newSpace = Math.floor(memoryMb / 10);
  return [
    '--expose-gc',
    `--max-semi-space-size=${Math.floor(newSpace / 2)}`,
    `--max-old-space-size=${memoryMb - newSpace}`,
  ];
}

/**
 * The environment of a deployed function (serverless.yml `provider.environment` defaults),
 * pointed at the local upstream. Credentials come from Secrets Manager, as deployed, unless
 * `secret: 'file'`; idempotency and outcome records go to the host's dynalite. AWS keys are
 * dummies: only local endpoints are called.
 */
export function functionEnv(
  ctx: Pick<BenchContext, 'upstream'>,
  secret: 'secrets-manager' | 'file' = 'secrets-manager',
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const { upstream } = ctx;
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    TZ: 'UTC',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIABENCHDUMMY',
    AWS_SECRET_ACCESS_KEY: 'bench-dummy-secret',
    AWS_LAMBDA_FUNCTION_NAME: 'sdrs-bff-bench',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_ENDPOINT_URL_SECRETS_MANAGER: upstream.secretsManagerUrl,
    AWS_ENDPOINT_URL_DYNAMODB: upstream.dynamodbUrl,
    SDRS_ENDPOINT: upstream.url,
    SDRS_PROJECT_ID: upstream.projectId,
    SDRS_SECRET_ID: secret === 'secrets-manager' ? upstream.secretId : '',
    SDRS_SECRET_FILE: secret === 'file' ? upstream.secretFile : '',
    SDRS_TIMEOUT_MS: '10000',
    SDRS_MAX_RETRIES: '2',
    SDRS_SECRET_MAX_AGE_SECONDS: '300',
    IDEMPOTENCY_TABLE: upstream.idempotencyTable,
    OUTCOME_TABLE: upstream.outcomeTable,
    RECONCILE_BUCKET: 'sdrs-bff-bench-reconcile',
    POWERTOOLS_SERVICE_NAME: 'sdrs-bff',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    ...extra,
  };
}

/** Node flags for a phase process: Lambda's memory flags, plus a CPU profile when asked. */
export function phaseFlags(ctx: BenchContext, phase: string): string[] {
  if (!ctx.profileDir) return [...ctx.lambdaFlags];
  const dir = join(ctx.profileDir, phase);
  mkdirSync(dir, { recursive: true });
  return [...ctx.lambdaFlags, '--cpu-prof', `--cpu-prof-dir=${dir}`];
}
