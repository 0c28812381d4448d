/** The verdict of a run: each target (docs/benchmarks.md) against its figure, and the final JSON line. */
import type { ColdRow } from '../phases/cold.js';
import type { CreateRun } from '../phases/create.js';
import type { FleetRun } from '../phases/fleet.js';
import type { MemoryRun } from '../phases/memory.js';
import type { ReconcileRun } from '../phases/reconcile.js';
import { round } from './stats.js';
import { num, table } from './table.js';

export interface Results {
  create?: CreateRun[];
  cold?: ColdRow[];
  reconcile?: ReconcileRun[];
  memory?: MemoryRun;
  fleet?: FleetRun;
}

interface Check {
  readonly target: string;
  readonly value: number | undefined;
  readonly limit: number;
  readonly unit: string;
}

const overhead = (run: CreateRun | undefined): number | undefined =>
  run && run.bff.p50 - run.bare.p50;

const worst = (values: number[]): number | undefined =>
  values.length === 0 ? undefined : Math.max(...values);

/** The headline figures (the JSON line's required keys and a few more). */
export function figures(results: Results) {
  const create = results.create ?? [];
  const byConcurrency = (c: number) => create.find((run) => run.concurrency === c);
  const headline = results.cold?.find((row) => row.headline);
  const keyed = results.cold?.find((row) => row.keyed);
  const empty = results.cold?.find((row) => row.kb === undefined);
  /** Spawn to exit of a fresh process serving the first create, over an empty process's. */
  const overEmpty = (row: ColdRow | undefined) =>
    row && empty ? row.processMs / empty.processMs : undefined;
  const reconcile = results.reconcile ?? [];
  const memory = results.memory;
  return {
    create_p50_ratio: worst(create.map((run) => run.p50Ratio)),
    create_p99_ratio: worst(create.map((run) => run.p99Ratio)),
    create_c1_p50_ratio: byConcurrency(1)?.p50Ratio,
    create_c1_p99_ratio: byConcurrency(1)?.p99Ratio,
    create_c16_p50_ratio: byConcurrency(16)?.p50Ratio,
    create_c16_p99_ratio: byConcurrency(16)?.p99Ratio,
    create_c1_p50_overhead_ms: overhead(byConcurrency(1)),
    cold_import_ms: headline?.importMs,
    cold_import_cpu_ms: headline?.importCpuMs,
    cold_first_request_ms: headline?.firstRequestMs,
    cold_process_ms: headline?.processMs,
    empty_process_ms: empty?.processMs,
    cold_start_ratio: overEmpty(headline),
    cold_start_keyed_ratio: overEmpty(keyed),
    cold_keyed_first_request_ms: keyed?.firstRequestMs,
    bundle_kb: headline?.kb,
    schemas_compiled_at_cold_start: worst(
      (results.cold ?? [])
        .filter((row) => row.kb !== undefined)
        .map((row) => row.functionsCompiled),
    ),
    reconcile_ratio: worst(reconcile.map((run) => run.ratio)),
    reconcile_max_rate_ratio: worst(reconcile.map((run) => run.maxRateRatio)),
    peak_rss_mb: memory?.peakRssMb,
    rss_growth_ratio: memory?.growthRatio,
    fleet_items: results.fleet?.items,
    fleet_ratio: results.fleet?.ratio,
    fleet_peak_rss_mb: results.fleet?.peakRssMb,
  };
}

function checks(f: ReturnType<typeof figures>): Check[] {
  return [
    {
      target: 'create p50 ratio (worst concurrency)',
      value: f.create_p50_ratio,
      limit: 1.15,
      unit: '×',
    },
    {
      target: 'create p99 ratio (worst concurrency)',
      value: f.create_p99_ratio,
      limit: 1.3,
      unit: '×',
    },
    {
      target: 'schemas compiled at cold start',
      value: f.schemas_compiled_at_cold_start,
      limit: 0,
      unit: '',
    },
    { target: 'create bundle', value: f.bundle_kb, limit: 160, unit: 'KB' },
    { target: 'create cold import', value: f.cold_import_ms, limit: 25, unit: 'ms' },
    {
      target: 'create cold start / empty node',
      value: f.cold_start_ratio,
      limit: 1.25,
      unit: '×',
    },
    {
      target: 'create cold start with a key / empty node',
      value: f.cold_start_keyed_ratio,
      limit: 1.25,
      unit: '×',
    },
    { target: 'reconcile wall / ideal', value: f.reconcile_ratio, limit: 1.2, unit: '×' },
    {
      target: 'reconcile max 1-s count / rate',
      value: f.reconcile_max_rate_ratio,
      limit: 1,
      unit: '×',
    },
    { target: 'peak RSS', value: f.peak_rss_mb, limit: 150, unit: 'MB' },
    { target: 'RSS growth 20k / 2k', value: f.rss_growth_ratio, limit: 1.1, unit: '×' },
    { target: 'fleet wall / ideal', value: f.fleet_ratio, limit: 1.2, unit: '×' },
    { target: 'fleet peak RSS', value: f.fleet_peak_rss_mb, limit: 150, unit: 'MB' },
  ];
}

/** The targets table; also returns the names of the missed ones. */
export function formatTargets(f: ReturnType<typeof figures>): { text: string; misses: string[] } {
  const all = checks(f);
  const misses = all
    .filter((c) => c.value !== undefined && !(c.value <= c.limit))
    .map((c) => c.target);
  const text = table(
    'Targets',
    ['target', 'measured', 'limit', 'verdict'],
    all.map((c) => [
      c.target,
      c.value === undefined
        ? 'not run'
        : `${num(c.value, c.unit === 'KB' || c.unit === 'ms' || c.unit === 'MB' ? 1 : 3)} ${c.unit}`.trim(),
      `≤ ${c.limit} ${c.unit}`.trim(),
      c.value === undefined ? '–' : c.value <= c.limit ? 'ok' : 'MISS',
    ]),
  );
  return { text, misses };
}

/** The last line of the output: one JSON object. */
export function jsonLine(f: ReturnType<typeof figures>, misses: string[], extra: object): string {
  const rounded = Object.fromEntries(
    Object.entries(f).map(([key, value]) => [key, value === undefined ? null : round(value, 3)]),
  );
  return JSON.stringify({ ...rounded, misses, ...extra });
}
