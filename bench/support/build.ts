/**
 * Bundles for the benchmark: each function as the deploy builds it (serverless-esbuild with
 * serverless.yml's `custom.esbuild`), what-if variants of the create function, and the phase
 * drivers (bundled the same way, so the measured handler code is the deployed code).
 */
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';
import { readEsbuildBanner, readEsbuildSettings } from './serverless-config.js';

/** Repository root (bench/support/ is two levels down). */
export const ROOT = resolve(import.meta.dirname, '..', '..');

/** One built bundle, its size and what it is made of. */
export interface BuiltBundle {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Bytes in the output per package (`@scope/name`) or per local folder (`lib/upstream`). */
  readonly parts: ReadonlyArray<readonly [string, number]>;
}

/** Extra settings of a what-if variant on top of the deployed ones. */
export interface Variant {
  /** Bundle what serverless.yml's `exclude` leaves out (to measure what leaving it out saves). */
  readonly keepExcluded?: boolean;
  /**
   * Module replacements for imports made by the service's own code (`lib/`) only, e.g.
   * `node-fetch` → a shim; other importers (the bare baseline) keep the real module.
   */
  readonly replaceInLib?: Readonly<Record<string, string>>;
}

/** The esbuild plugin behind {@link Variant.replaceInLib}. */
function replaceInLib(replacements: Readonly<Record<string, string>>): Plugin {
  const libDir = join(ROOT, 'lib') + sep;
  return {
    name: 'bench-replace-in-lib',
    setup(build) {
      for (const [specifier, path] of Object.entries(replacements)) {
        const filter = new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        build.onResolve({ filter }, (args) =>
          args.importer.startsWith(libDir) ? { path } : undefined,
        );
      }
    },
  };
}

/** serverless.yml's `custom.esbuild` mapped onto esbuild's options (as serverless-esbuild does). */
export function deployedOptions(yaml: string): BuildOptions {
  const s = readEsbuildSettings(yaml);
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
  const banner = readEsbuildBanner(yaml);
  return {
    ...(banner && { banner: { js: banner } }),
    bundle: s.bundle !== false,
    minify: s.minify === true,
    sourcemap: s.sourcemap === true,
    target: typeof s.target === 'string' ? s.target : 'node22',
    platform: (s.platform as BuildOptions['platform']) ?? 'node',
    format: (s.format as BuildOptions['format']) ?? 'esm',
    mainFields: list(s.mainFields).length > 0 ? list(s.mainFields) : undefined,
    // serverless-esbuild leaves `exclude`d packages out of the bundle (they must be in the runtime).
    external: [...list(s.external), ...list(s.exclude)],
  };
}

/** Groups a metafile's inputs by package or local folder, biggest first. */
export function partsOf(metafile: Metafile): Array<[string, number]> {
  const parts = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const key = pkg ?? path.split('/').slice(0, 2).join('/');
      parts.set(key, (parts.get(key) ?? 0) + input.bytesInOutput);
    }
  }
  return [...parts].sort((a, b) => b[1] - a[1]);
}

/** Bundles `entry` (relative to the root) into `outfile` with `options` plus a variant. */
export async function bundle(
  entry: string,
  outfile: string,
  options: BuildOptions,
  variant: Variant = {},
): Promise<BuiltBundle> {
  const result = await build({
    ...options,
    entryPoints: [join(ROOT, entry)],
    outfile,
    absWorkingDir: ROOT,
    metafile: true,
    logLevel: 'error',
    external: variant.keepExcluded ? [] : options.external,
    plugins: variant.replaceInLib ? [replaceInLib(variant.replaceInLib)] : [],
  });
  const code = readFileSync(outfile);
  return {
    file: outfile,
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    parts: partsOf(result.metafile),
  };
}
