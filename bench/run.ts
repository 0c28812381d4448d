/**
 * `npm run bench`: what the BFF costs on top of the upstream call. Builds every
 * function as deployed, starts the SDRS simulator in its own process, runs each phase in fresh
 * Node processes, prints a table per phase, the targets, and — as the last line — one JSON object.
 * See docs/benchmarks.md.
 *
 *   npm run bench [-- --quick] [--only cold,create,reconcile,memory,fleet] [--profile] [--what-if]
 *                    [--keep]
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatColdPhase, profileColdCreate, runColdPhase } from './phases/cold.js';
import { formatCreatePhase, profileCreateSides, runCreatePhase } from './phases/create.js';
import { formatFleetPhase, runFleetPhase } from './phases/fleet.js';
import { formatMemoryPhase, runMemoryPhase } from './phases/memory.js';
import { formatReconcilePhase, runReconcilePhase } from './phases/reconcile.js';
import { formatProfileSummary, summariseProfile } from './profile-summary.js';
import type { UpstreamInfo } from './simulator-host.js';
import { type BuiltBundle, bundle, deployedOptions, ROOT } from './support/build.js';
import {
  type BenchContext,
  type BuiltFunction,
  FULL_PLAN,
  lambdaNodeFlags,
  QUICK_PLAN,
} from './support/context.js';
import { Rpc, startWorker } from './support/processes.js';
import { latestProfile } from './support/profiles.js';
import { figures, formatTargets, jsonLine, type Results } from './support/report.js';
import { readFunctions, readMemorySize } from './support/serverless-config.js';
import { round } from './support/stats.js';
import { num, table } from './support/table.js';

const PHASES = ['cold', 'create', 'reconcile', 'memory', 'fleet'] as const;
/** The what-if transport: node-fetch replaced by node:http inside lib/ (bench/shims). */
const NODE_HTTP_TRANSPORT = { 'node-fetch': join(ROOT, 'bench/shims/node-http-fetch.ts') };
type Phase = (typeof PHASES)[number];

const log = (text: string) => process.stdout.write(`${text}\n`);
const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'what-if': { type: 'boolean', default: false },
    },
  });
  const only = values.only?.split(',').map((p) => p.trim()) ?? [...PHASES];
  for (const phase of only) {
    if (!PHASES.includes(phase as Phase)) throw new Error(`unknown phase ${phase}`);
  }
  return { ...values, phases: new Set(only as Phase[]) };
}

async function buildAll(dir: string, profile: boolean) {
  const yaml = readFileSync(join(ROOT, 'serverless.yml'), 'utf8');
  const deployed = deployedOptions(yaml);
  const functions: BuiltFunction[] = [];
  for (const spec of readFunctions(yaml)) {
    const out = join(dir, 'functions', `${spec.name}.mjs`);
    functions.push({ spec, bundle: await bundle(`${spec.module}.ts`, out, deployed) });
  }
  const create = functions.find((fn) => fn.spec.module.endsWith('create-protection-group'));
  const createVariants: Array<{ label: string; bundle: BuiltBundle }> = [];
  if (create) {
    const entry = `${create.spec.module}.ts`;
    const nodeHttp = { replaceInLib: NODE_HTTP_TRANSPORT };
    createVariants.push({
      label: 'node:http transport',
      bundle: await bundle(entry, join(dir, 'variants', 'node-http.mjs'), deployed, nodeHttp),
    });
    // What serverless.yml's `exclude` saves: the same build with the dead code bundled.
    createVariants.push({
      label: 'dead code bundled (no `exclude`)',
      bundle: await bundle(entry, join(dir, 'variants', 'with-dead-code.mjs'), deployed, {
        keepExcluded: true,
      }),
    });
  }
  // The drivers bundle the handlers the same way; with --profile they carry source maps.
  const driverOptions = { ...deployed, sourcemap: profile };
  const drivers = new Map<string, string>();
  for (const name of ['create-latency', 'memory', 'cold-probe', 'reconcile', 'fleet']) {
    const entry = `bench/drivers/${name}.ts`;
    if (name === 'reconcile' && !existsSync(join(ROOT, 'handlers/reconcile.ts'))) continue;
    const out = join(dir, 'drivers', `${name}.mjs`);
    await bundle(entry, out, driverOptions);
    drivers.set(name, out);
  }
  // What-if: the create comparison with lib/upstream/transport.ts on node:http (--what-if).
  const whatIf = join(dir, 'drivers', 'create-latency-node-http.mjs');
  await bundle('bench/drivers/create-latency.ts', whatIf, driverOptions, {
    replaceInLib: NODE_HTTP_TRANSPORT,
  });
  drivers.set('create-latency-node-http', whatIf);
  return { functions, createVariants, drivers, memoryMb: readMemorySize(yaml), deployed };
}

async function startHost(dir: string) {
  const host = startWorker<UpstreamInfo>(join(ROOT, 'bench/simulator-host.ts'), {
    env: { ...process.env, BENCH_DIR: dir },
    execArgv: ['--import', 'tsx'],
    inheritStderr: true,
  });
  const upstream = await host.result;
  return { child: host.child, upstream };
}

function profileSection(ctx: BenchContext, phase: string): string {
  if (!ctx.profileDir) return '';
  const file = latestProfile(join(ctx.profileDir, phase));
  return file ? `\n  ${phase}: ${file}\n${formatProfileSummary(summariseProfile(file))}` : '';
}

function formatBundleParts(fn: BuiltFunction | undefined): string {
  if (!fn) return '';
  const total = fn.bundle.bytes;
  return table(
    `   What the ${fn.spec.name} bundle is made of (bytes in the output)`,
    ['package / folder', 'KB', 'share'],
    fn.bundle.parts
      .slice(0, 14)
      .map(([name, bytes]) => [name, num(bytes / 1024, 1), `${num((100 * bytes) / total, 1)}%`]),
  );
}

async function main(): Promise<void> {
  const opts = options();
  const plan = opts.quick ? QUICK_PLAN : FULL_PLAN;
  const started = performance.now();
  const loadAtStart = loadavg()[0] as number;
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'sdrs-bff-bench-'));
  progress(`building bundles in ${dir}`);
  const built = await buildAll(dir, opts.profile);
  progress('starting the simulator');
  const { child, upstream } = await startHost(dir);
  const ctx: BenchContext = {
    plan,
    dir,
    functions: built.functions,
    createVariants: built.createVariants,
    drivers: built.drivers,
    upstream,
    host: new Rpc(child),
    hostProcess: child,
    lambdaFlags: lambdaNodeFlags(built.memoryMb),
    // Profiles stay outside the tree (they are large); their paths are printed.
    profileDir: opts.profile ? join(cache, 'sdrs-bff-bench-profiles') : undefined,
  };
  const results: Results = {};
  const sections: string[] = [];
  try {
    if (opts.phases.has('create')) {
      progress(
        `create overhead: ${plan.createCalls} calls per side at ${plan.concurrencies.join(' and ')}`,
      );
      results.create = await runCreatePhase(ctx);
      sections.push(formatCreatePhase(results.create));
      if (opts['what-if']) {
        const whatIf = await runCreatePhase(ctx, 'create-latency-node-http');
        sections.push(formatCreatePhase(whatIf, 'what-if: lib/upstream/transport.ts on node:http'));
      }
      if (ctx.profileDir) sections.push(await profileCreateSides(ctx));
    }
    if (opts.phases.has('cold')) {
      progress(`cold start: ${plan.coldSamples} fresh processes per bundle`);
      results.cold = await runColdPhase(ctx);
      sections.push(formatColdPhase(results.cold));
      const create = built.functions.find((fn) =>
        fn.spec.module.endsWith('create-protection-group'),
      );
      sections.push(formatBundleParts(create));
      if (ctx.profileDir && create) {
        const mapped = await bundle(
          `${create.spec.module}.ts`,
          join(dir, 'profile', 'create.mjs'),
          { ...built.deployed, sourcemap: true },
        );
        sections.push(await profileColdCreate(ctx, mapped));
      }
    }
    if (opts.phases.has('reconcile')) {
      if (ctx.drivers.has('reconcile')) {
        progress(
          `reconcile: ${plan.reconcileRuns.map((r) => r.items).join(' and ')} missing groups at ${plan.reconcileLatencyMs} ms latency`,
        );
        results.reconcile = await runReconcilePhase(ctx);
        sections.push(formatReconcilePhase(results.reconcile));
        sections.push(profileSection(ctx, 'reconcile-1'));
      } else {
        sections.push('\n3. Reconcile: handlers/reconcile.ts does not exist yet — not measured.');
      }
    }
    if (opts.phases.has('memory')) {
      progress(`memory: ${plan.memoryCreates} creates`);
      results.memory = await runMemoryPhase(ctx);
      sections.push(formatMemoryPhase(results.memory));
      sections.push(profileSection(ctx, 'memory'));
    }
    if (opts.phases.has('fleet')) {
      progress(
        `fleet: ${plan.fleetItems} entries (half existing) from S3 at ${plan.fleetRate ?? 'the default'} requests/s`,
      );
      results.fleet = await runFleetPhase(ctx);
      sections.push(formatFleetPhase(results.fleet));
      sections.push(profileSection(ctx, 'fleet'));
    }
  } finally {
    await ctx.host.call('close').catch(() => undefined);
    child.kill();
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
  const f = figures(results);
  const verdict = formatTargets(f);
  const loadAtEnd = loadavg()[0] as number;
  const machine =
    `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ` +
    `load average (1 min) ${num(loadAtStart)} at start, ${num(loadAtEnd)} at end`;
  log(`sdrs-bff benchmark (${opts.quick ? 'QUICK — not for the record' : 'full'}) on ${machine}`);
  for (const section of sections) if (section) log(section);
  log(verdict.text);
  log(`\nwhole run: ${num((performance.now() - started) / 1000, 1)} s`);
  log(
    jsonLine(f, verdict.misses, {
      quick: opts.quick,
      node: process.version,
      cpus: cpus().length,
      loadavg_start: round(loadAtStart),
      loadavg_end: round(loadAtEnd),
      at: new Date().toISOString(),
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
