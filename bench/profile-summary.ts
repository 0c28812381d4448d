/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) by where the time went: self time per package
 * (`node_modules/<pkg>`), per local folder (`lib/upstream`), per Node internal area, plus GC and
 * idle. Minified bundles are attributed through their `.map` file when one sits next to them.
 *
 *   tsx bench/profile-summary.ts <file.cpuprofile> [--top 15]
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

/** Self time per bucket and per function, in milliseconds. */
export interface ProfileSummary {
  readonly totalMs: number;
  readonly buckets: Array<[string, number]>;
  readonly functions: Array<[string, number]>;
}

const maps = new Map<string, SourceMap | undefined>();

function sourceMapFor(url: string): SourceMap | undefined {
  if (!maps.has(url)) {
    let map: SourceMap | undefined;
    try {
      const file = `${fileURLToPath(url)}.map`;
      if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** The original source path of a frame (through a bundle's source map when there is one). */
function originalPath(frame: CallFrame): string {
  if (!frame.url.startsWith('file:')) return frame.url;
  const map = sourceMapFor(frame.url);
  if (map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as {
      originalSource?: string;
    };
    // Source paths in the map are relative to the bundle's folder.
    if (entry.originalSource) {
      return resolve(dirname(fileURLToPath(frame.url)), entry.originalSource);
    }
  }
  return frame.url;
}

/** The bucket a source path belongs to. */
export function bucketOf(path: string, functionName: string): string {
  if (path === '') return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg) return pkg;
  if (path.startsWith('node:')) return path.split('/').slice(0, 3).join('/');
  const local = /\/(lib|handlers|bench|test|simulator|schemas)\/([^/]+)/.exec(path);
  if (local) return local[2]?.includes('.') ? `${local[1]}` : `${local[1]}/${local[2]}`;
  return path.replace(/^file:\/\//, '');
}

/** Reads a profile and adds up self time per bucket and per function. */
export function summariseProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    const path = originalPath(frame);
    const bucket = bucketOf(path, frame.functionName);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us / 1000);
    const where = path
      .replace(/^.*node_modules\//, '')
      .replace(/^file:\/\/.*?\/(?=[^/]+\/[^/]+$)/, '');
    const name = `${frame.functionName || '(anonymous)'} ${where}`;
    functions.set(name, (functions.get(name) ?? 0) + us / 1000);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    buckets: sorted(buckets),
    functions: sorted(functions),
  };
}

/** The summary as text: the top buckets and the top functions by self time. */
export function formatProfileSummary(summary: ProfileSummary, top = 12): string {
  const line = ([name, ms]: [string, number]) =>
    `  ${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%  ${name}`;
  return [
    `  profile: ${summary.totalMs.toFixed(0)} ms; self time by package / area:`,
    ...summary.buckets.slice(0, top).map(line),
    '  top functions (self time):',
    ...summary.functions.slice(0, top).map(line),
  ].join('\n');
}

/**
 * Self time per call of two single-side profiles, bucket by bucket, biggest difference first:
 * where the BFF's time goes that a bare call does not spend.
 */
export function formatProfileDiff(
  bff: ProfileSummary,
  bare: ProfileSummary,
  calls: number,
  top = 14,
): string {
  const a = new Map(bff.buckets);
  const b = new Map(bare.buckets);
  const busy = (m: Map<string, number>) =>
    [...m].filter(([k]) => k !== '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
  // test/support builds the API Gateway event in the driver: API Gateway's work, not the BFF's.
  for (const m of [a, b]) m.delete('test/support');
  const rows = [...new Set([...a.keys(), ...b.keys()])]
    .filter((key) => key !== '(idle)')
    .map((key) => [key, (a.get(key) ?? 0) / calls, (b.get(key) ?? 0) / calls] as const)
    .sort((x, y) => y[1] - y[2] - (x[1] - x[2]));
  const us = (ms: number) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;
  return [
    `  CPU per call, BFF handler alone vs bare call alone (${calls} measured calls each, concurrency 1;`,
    '  event building in the driver left out):',
    `  ${'busy (all but idle)'.padEnd(42)} ${us(busy(a) / calls)} ${us(busy(b) / calls)} ${us((busy(a) - busy(b)) / calls)}`,
    `  ${'package / area'.padEnd(42)} ${'BFF'.padStart(9)} ${'bare'.padStart(9)} ${'diff'.padStart(9)}`,
    ...rows
      .slice(0, top)
      .map(([key, x, y]) => `  ${key.padEnd(42)} ${us(x)} ${us(y)} ${us(x - y)}`),
  ].join('\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '15' } },
  });
  for (const file of positionals) {
    process.stdout.write(
      `${file}\n${formatProfileSummary(summariseProfile(file), Number(values.top))}\n`,
    );
  }
}
