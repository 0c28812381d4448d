/**
 * Reads what the benchmark needs from serverless.yml: every function's handler and first event,
 * and the `custom.esbuild` settings the deploy bundles with. A small line-based reader of this
 * file's plain layout (2-space indents, block maps, flow lists), not a general YAML parser: the
 * YAML packages in node_modules are not dependencies of this project.
 */

/** One function of serverless.yml. */
export interface FunctionSpec {
  readonly name: string;
  /** Source module without extension (e.g. `handlers/create-protection-group`). */
  readonly module: string;
  /** Exported handler name (e.g. `handler`). */
  readonly exportName: string;
  /** The first HTTP API route (`*` = the catch-all), if any. */
  readonly http?: { readonly method: string; readonly path: string };
  /** True when the function has a `schedule` event. */
  readonly scheduled: boolean;
}

type Scalar = string | number | boolean | string[];

const indentOf = (line: string): number => line.length - line.trimStart().length;
const significant = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('#');

function stripComment(value: string): string {
  const hash = value.search(/\s#/);
  return (hash === -1 ? value : value.slice(0, hash)).trim();
}

function parseScalar(raw: string): Scalar {
  const value = stripComment(raw);
  if (value.startsWith('[') && value.endsWith(']')) {
    return value
      .slice(1, -1)
      .split(',')
      .map((item) => unquote(item.trim()))
      .filter((item) => item !== '');
  }
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return unquote(value);
}

function unquote(value: string): string {
  return /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** The lines of the block under `path` (e.g. `['custom', 'esbuild']`), with their indents. */
function block(lines: readonly string[], path: readonly string[]): string[] {
  let from = 0;
  let to = lines.length;
  let indent = -2;
  for (const key of path) {
    let found = -1;
    for (let i = from; i < to; i++) {
      const line = lines[i] as string;
      if (!significant(line)) continue;
      if (indentOf(line) === indent + 2 && line.trim().startsWith(`${key}:`)) {
        found = i;
        break;
      }
    }
    if (found === -1) return [];
    indent += 2;
    from = found + 1;
    to = from;
    while (to < lines.length) {
      const line = lines[to] as string;
      if (significant(line) && indentOf(line) <= indent) break;
      to++;
    }
  }
  return lines.slice(from, to).filter(significant);
}

/** `key: value` pairs directly inside a block (its shallowest indent). */
function pairs(lines: readonly string[]): Map<string, string> {
  const result = new Map<string, string>();
  const indent = Math.min(...lines.map(indentOf));
  for (const line of lines) {
    if (indentOf(line) !== indent) continue;
    const match = /^\s*([\w.-]+):\s*(.*)$/.exec(line);
    if (match) result.set(match[1] as string, match[2] as string);
  }
  return result;
}

/** The `custom.esbuild` settings as scalars (booleans, strings, flow lists). */
export function readEsbuildSettings(yaml: string): Record<string, Scalar> {
  const settings: Record<string, Scalar> = {};
  const lines = block(yaml.split('\n'), ['custom', 'esbuild']);
  if (lines.length === 0) return settings;
  for (const [key, value] of pairs(lines)) settings[key] = parseScalar(value);
  return settings;
}

/** `custom.esbuild.banner.js`: the code serverless-esbuild puts on top of every bundle. */
export function readEsbuildBanner(yaml: string): string | undefined {
  const js = pairs(block(yaml.split('\n'), ['custom', 'esbuild', 'banner'])).get('js');
  return js === undefined ? undefined : String(parseScalar(js));
}

/** Every function under `functions:`, in file order. */
export function readFunctions(yaml: string): FunctionSpec[] {
  const lines = block(yaml.split('\n'), ['functions']);
  if (lines.length === 0) return [];
  const indent = Math.min(...lines.map(indentOf));
  const specs: FunctionSpec[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i] as string;
    if (indentOf(head) !== indent) continue;
    const name = head.trim().replace(/:.*$/, '');
    let end = i + 1;
    while (end < lines.length && indentOf(lines[end] as string) > indent) end++;
    const body = lines.slice(i + 1, end);
    const handler = unquote(stripComment(pairs(body).get('handler') ?? ''));
    const dot = handler.lastIndexOf('.');
    if (dot <= 0) continue;
    specs.push({
      name,
      module: handler.slice(0, dot),
      exportName: handler.slice(dot + 1),
      ...httpRoute(body),
      scheduled: body.some((line) => /^\s*-\s*schedule\b/.test(line)),
    });
  }
  return specs;
}

function httpRoute(body: readonly string[]): Pick<FunctionSpec, 'http'> {
  const at = body.findIndex((line) => /^\s*-\s*httpApi\s*:/.test(line));
  if (at === -1) return {};
  const inline = stripComment((body[at] as string).replace(/^\s*-\s*httpApi\s*:/, ''));
  if (inline !== '') {
    const value = unquote(inline);
    if (value === '*') return { http: { method: '*', path: '*' } };
    const flow = /method:\s*([^,}\s]+).*path:\s*([^,}\s]+)/.exec(value);
    if (flow)
      return { http: { method: unquote(flow[1] as string), path: unquote(flow[2] as string) } };
  }
  let method = 'GET';
  let path = '/';
  for (const line of body.slice(at + 1)) {
    if (/^\s*-\s/.test(line)) break;
    const match = /^\s*(method|path):\s*(.+)$/.exec(line);
    if (match?.[1] === 'method') method = unquote(stripComment(match[2] as string));
    if (match?.[1] === 'path') path = unquote(stripComment(match[2] as string));
  }
  return { http: { method: method.toUpperCase(), path } };
}

/** `provider.memorySize` in MB (Lambda's default 1024 when absent). */
export function readMemorySize(yaml: string): number {
  const lines = block(yaml.split('\n'), ['provider']);
  const value = lines.length ? parseScalar(pairs(lines).get('memorySize') ?? '') : '';
  return typeof value === 'number' ? value : 1024;
}
