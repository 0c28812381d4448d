/**
 * Phase 2: cold start. Each function's deployed bundle is imported by ≥ 10 fresh Node processes
 * (round-robin with a process importing nothing, so noise hits all alike), each serving its first
 * request; medians are reported. The create function runs twice: without and with an
 * `Idempotency-Key` (a fresh key per process, so each first request locks and stores a record).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { httpEvent } from '../../test/support/events.js';
import { frontEndBody } from '../drivers/bodies.js';
import type { ColdSample } from '../drivers/cold-probe.js';
import { formatProfileSummary, summariseProfile } from '../profile-summary.js';
import type { BuiltBundle } from '../support/build.js';
import { type BenchContext, functionEnv } from '../support/context.js';
import { startWorker } from '../support/processes.js';
import { latestProfile } from '../support/profiles.js';
import type { FunctionSpec } from '../support/serverless-config.js';
import { median } from '../support/stats.js';
import { num, table } from '../support/table.js';

interface ColdTarget {
  readonly label: string;
  readonly bundle?: BuiltBundle;
  readonly event?: unknown;
  readonly env: NodeJS.ProcessEnv;
  /** The create function as deployed: the source of `cold_import_ms` and `bundle_kb`. */
  readonly headline?: boolean;
  /** Its first request carries a new `Idempotency-Key` (source of `cold_start_keyed_ratio`). */
  readonly keyed?: boolean;
  /** Fewer samples than the plan's (variants that only explain a figure). */
  readonly samples?: number;
}

/** Medians over the samples of one target. */
export interface ColdRow {
  readonly label: string;
  readonly headline: boolean;
  readonly keyed: boolean;
  readonly samples: number;
  readonly kb: number | undefined;
  readonly gzipKb: number | undefined;
  readonly importMs: number;
  readonly firstRequestMs: number;
  readonly importCpuMs: number;
  /** Import + first request, per process, median. */
  readonly coldMs: number;
  /** Spawn to exit as the parent saw it. */
  readonly processMs: number;
  readonly bootMs: number;
  readonly rssMb: number;
  readonly statuses: string;
  /** Highest count of runtime-compiled functions seen in any sample. */
  readonly functionsCompiled: number;
}

/** A first request each function can serve (its own route, a body where it takes one). */
export function firstEvent(spec: FunctionSpec): unknown {
  if (spec.scheduled) return { protectionGroups: [frontEndBody(0)] };
  if (!spec.http) return {};
  if (spec.http.path === '*') return httpEvent({ method: 'GET', path: '/no-such-route' });
  const names = [...spec.http.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1] as string);
  const path = spec.http.path.replace(/\{[^}]+\}/g, 'bench');
  const method = spec.http.method === '*' ? 'GET' : spec.http.method;
  const body = spec.module.endsWith('create-protection-group') ? frontEndBody(0) : {};
  return httpEvent({
    method,
    path,
    ...(method === 'POST' && { body }),
    ...(names.length > 0 && {
      pathParameters: Object.fromEntries(names.map((name) => [name, 'bench'])),
    }),
  });
}

function targetsOf(ctx: BenchContext): ColdTarget[] {
  const deployed = functionEnv(ctx, 'secrets-manager');
  const targets: ColdTarget[] = [{ label: 'node, importing nothing', env: deployed }];
  for (const fn of ctx.functions) {
    const isCreate = fn.spec.module.endsWith('create-protection-group');
    targets.push({
      label: fn.spec.name,
      bundle: fn.bundle,
      event: firstEvent(fn.spec),
      env: deployed,
      headline: isCreate,
    });
    if (isCreate) {
      targets.push({
        label: `${fn.spec.name}, with an Idempotency-Key`,
        bundle: fn.bundle,
        event: firstEvent(fn.spec),
        env: deployed,
        keyed: true,
      });
      targets.push({
        label: `${fn.spec.name}, secret file (no Secrets Manager read)`,
        bundle: fn.bundle,
        event: firstEvent(fn.spec),
        env: functionEnv(ctx, 'file'),
        samples: ctx.plan.coldWhatIfSamples,
      });
      for (const variant of ctx.createVariants) {
        targets.push({
          label: `what-if: ${variant.label}`,
          bundle: variant.bundle,
          event: firstEvent(fn.spec),
          env: deployed,
          samples: ctx.plan.coldWhatIfSamples,
        });
      }
    }
  }
  return targets;
}

/** The target's event; a keyed one gets a key no earlier process used. */
function eventOf(target: ColdTarget): unknown {
  if (!target.keyed) return target.event ?? {};
  const event = target.event as { headers: Record<string, string> };
  return { ...event, headers: { ...event.headers, 'idempotency-key': randomUUID() } };
}

async function probe(ctx: BenchContext, target: ColdTarget, execArgv: readonly string[]) {
  const worker = startWorker<ColdSample>(ctx.drivers.get('cold-probe') as string, {
    env: {
      ...target.env,
      BENCH_BUNDLE: target.bundle?.file ?? '',
      BENCH_EVENT: JSON.stringify(eventOf(target)),
    },
    execArgv,
  });
  const sample = await worker.result;
  return { sample, processMs: await worker.exited };
}

export async function runColdPhase(ctx: BenchContext): Promise<ColdRow[]> {
  await ctx.host.call('reset');
  await ctx.host.call('latency', { ms: 0 });
  const targets = targetsOf(ctx);
  const samples = targets.map(() => [] as Array<{ sample: ColdSample; processMs: number }>);
  for (let round = 0; round < ctx.plan.coldSamples; round++) {
    for (const [i, target] of targets.entries()) {
      if (round >= (target.samples ?? ctx.plan.coldSamples)) continue;
      samples[i]?.push(await probe(ctx, target, ctx.lambdaFlags));
    }
  }
  return targets.map((target, i) => {
    const runs = samples[i] ?? [];
    const of = (pick: (s: ColdSample) => number | undefined) =>
      median(runs.map((r) => pick(r.sample) ?? Number.NaN));
    return {
      label: target.label,
      headline: target.headline === true,
      keyed: target.keyed === true,
      samples: runs.length,
      kb: target.bundle && target.bundle.bytes / 1024,
      gzipKb: target.bundle && target.bundle.gzipBytes / 1024,
      importMs: of((s) => s.importMs),
      firstRequestMs: of((s) => s.firstRequestMs),
      importCpuMs: of((s) => s.importCpuMs),
      coldMs: of((s) => (s.importMs ?? Number.NaN) + (s.firstRequestMs ?? Number.NaN)),
      processMs: median(runs.map((r) => r.processMs)),
      bootMs: of((s) => s.bootMs),
      rssMb: of((s) => s.rssMb),
      statuses: [...new Set(runs.map((r) => String(r.sample.status ?? '–')))].join(','),
      functionsCompiled: Math.max(0, ...runs.map((r) => r.sample.functionsCompiled ?? 0)),
    };
  });
}

/** With `--profile`: one more probe of the deployed create bundle under `--cpu-prof`. */
export async function profileColdCreate(ctx: BenchContext, bundle: BuiltBundle): Promise<string> {
  const dir = join(ctx.profileDir as string, 'cold-create');
  const create = ctx.functions.find((fn) => fn.spec.module.endsWith('create-protection-group'));
  if (!create) return '';
  await probe(
    ctx,
    { label: 'profile', bundle, event: firstEvent(create.spec), env: functionEnv(ctx) },
    [...ctx.lambdaFlags, '--cpu-prof', `--cpu-prof-dir=${dir}`],
  );
  const file = latestProfile(dir);
  return file
    ? `\n  cold create (import + first request), ${file}\n${formatProfileSummary(summariseProfile(file))}`
    : '';
}

export function formatColdPhase(rows: readonly ColdRow[]): string {
  const empty = rows.find((row) => row.kb === undefined)?.processMs;
  return table(
    '2. Cold start: bundles as deployed (esbuild per serverless.yml), medians over fresh processes (ms)',
    [
      'function',
      'n',
      'KB',
      'gzip KB',
      'import',
      'import CPU',
      'first req',
      'import+first',
      'process',
      '× empty',
      'RSS MB',
      'status',
      'new Function',
    ],
    rows.map((row) => [
      row.label,
      row.samples,
      num(row.kb, 1),
      num(row.gzipKb, 1),
      num(row.importMs, 1),
      num(row.importCpuMs, 1),
      num(row.firstRequestMs, 1),
      num(row.coldMs, 1),
      num(row.processMs, 1),
      empty ? num(row.processMs / empty, 2) : '',
      num(row.rssMb, 1),
      row.statuses,
      row.kb === undefined ? '' : row.functionsCompiled,
    ]),
  );
}
