/**
 * Phase 2, one fresh process per sample: import one function's deployed bundle and serve its
 * first request. Without `BENCH_BUNDLE` it imports nothing — the baseline of a bare Node process
 * running this probe. Every `Function` constructor call (how ajv compiles a schema at runtime)
 * between the import and the first answer is counted: the build-time validators need none.
 * Deliberately imports nothing but Node built-ins, so the probe costs the same in both cases.
 */
import { pathToFileURL } from 'node:url';

/** What one probe process reports (milliseconds since the process started unless noted). */
export interface ColdSample {
  /** Node's own start-up until the probe's first line ran. */
  readonly bootMs: number;
  readonly importMs?: number;
  readonly firstRequestMs?: number;
  /** CPU time (user + system) of the import: what the bundle costs even when the CPU is shared. */
  readonly importCpuMs?: number;
  /** Status of the first answer, or the name of what it threw. */
  readonly status?: number | string;
  /** `new Function(...)` calls during import + first request (runtime code generation). */
  readonly functionsCompiled?: number;
  readonly rssMb: number;
}

const bootMs = performance.now();
let functionsCompiled = 0;
const NativeFunction = Function;
globalThis.Function = new Proxy(NativeFunction, {
  construct(target, args, newTarget) {
    functionsCompiled += 1;
    return Reflect.construct(target, args, newTarget);
  },
  apply(target, self, args) {
    functionsCompiled += 1;
    return Reflect.apply(target, self, args);
  },
});

const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'sdrs-bff-bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:sdrs-bff-bench',
  memoryLimitInMB: '256',
  awsRequestId: '00000000-0000-4000-8000-000000000001',
  logGroupName: '/aws/lambda/sdrs-bff-bench',
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => 29_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

function send(sample: ColdSample): void {
  process.send?.({ type: 'result', value: sample }, () => process.exit(0));
}

async function main(): Promise<void> {
  const bundle = process.env.BENCH_BUNDLE;
  if (!bundle) {
    send({ bootMs, rssMb: process.memoryUsage().rss / 1048576 });
    return;
  }
  const event = JSON.parse(process.env.BENCH_EVENT ?? '{}');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const module = (await import(pathToFileURL(bundle).href)) as {
    handler: (event: unknown, context: unknown) => Promise<{ statusCode?: number } | undefined>;
  };
  const imported = performance.now();
  const importCpu = process.cpuUsage(cpu);
  let status: number | string;
  try {
    const answer = await module.handler(event, context);
    status = answer?.statusCode ?? 'ok';
  } catch (error) {
    status = `threw ${error instanceof Error ? error.name : typeof error}`;
  }
  const answered = performance.now();
  send({
    bootMs,
    importMs: imported - started,
    firstRequestMs: answered - imported,
    importCpuMs: (importCpu.user + importCpu.system) / 1000,
    status,
    functionsCompiled,
    rssMb: process.memoryUsage().rss / 1048576,
  });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'error', error: String(error) }, () => process.exit(1));
});
