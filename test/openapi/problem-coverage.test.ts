/**
 * Every problem code a route can produce is declared for that route, at the status it is answered
 * with. The codes are derived from the code, not from a list: starting at the route's handler
 * (serverless.yml), every module it can reach is read, and each catalogue code that module
 * produces counts — a code literal, or `new SomeError(` of a class whose constructor passes a
 * fixed code to `super`. The middlewares `httpHandler` adds only for some options (scope check,
 * query and body validation, JSON body parsing) count only for handlers that pass that option.
 * A status other than the catalogue's counts when the code maps a code to it (`'CODE' … ? 503`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../lib/openapi/document.js';
import { type ProblemCode, problemCatalogue } from '../../lib/problems/catalogue.js';
import { ROUTES } from '../../lib/routes.js';

const root = join(import.meta.dirname, '../..');
const CODES = Object.keys(problemCatalogue) as ProblemCode[];
const CODE_LITERAL = new RegExp(`'(${CODES.join('|')})'`, 'g');
/** Declarations, not producers: the catalogue itself and the document generated from it. */
const DECLARATIONS = [/^lib\/problems\/catalogue\.ts$/, /^lib\/openapi\//];
const STACK_BUILDER = 'lib/http/http-handler.ts';

const source = (file: string) => readFileSync(join(root, file), 'utf8');

/** One `import … from` or `export … from` of a module. */
interface Edge {
  readonly target: string;
  /** The value names it brings (`*` for a whole module); type-only names left out. */
  readonly values: readonly string[];
  readonly reexport: boolean;
}

/** A module's imports and re-exports of values (type-only ones bring no code). */
function edgesOf(file: string): Edge[] {
  const statements = /^(import|export) (?!type )([\s\S]*?) from '([^']+)';/gm;
  return [...source(file).matchAll(statements)].map(([, kind, names = '', specifier = '']) => ({
    target: specifier.startsWith('.')
      ? relative(root, resolve(dirname(join(root, file)), specifier.replace(/\.js$/, '.ts')))
      : specifier,
    values: names
      .replace(/[{}]/g, ',')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '' && !name.startsWith('type '))
      .map((name) => (name.startsWith('*') ? '*' : (name.split(/\s+as\s+/).pop() ?? name))),
    reexport: kind === 'export',
  }));
}

/** `name → file or package` of a module's imported values. */
function importedNames(file: string): Map<string, string> {
  return new Map(edgesOf(file).flatMap((edge) => edge.values.map((name) => [name, edge.target])));
}

/** Constants only (UPPER_CASE names such as `SCOPES`) carry data, not a path that answers. */
const constantsOnly = (edge: Edge) => edge.values.every((name) => /^[A-Z][A-Z0-9_]*$/.test(name));

/** What `httpHandler` wires only under an option: `option → modules` (from its source). */
function gatedModules(): Map<string, Set<string>> {
  const imports = importedNames(STACK_BUILDER);
  const gated = new Map<string, Set<string>>();
  const text = source(STACK_BUILDER);
  for (const match of text.matchAll(/if \(options\.(\w+)[^)]*\) (\{[\s\S]*?\n {2}\}|[^\n]*)/g)) {
    const [, option = '', block = ''] = match;
    const modules = [...block.matchAll(/\.use\((\w+)\(/g)].map(([, name]) =>
      imports.get(name ?? ''),
    );
    gated.set(option, new Set(modules.filter((m): m is string => m !== undefined)));
  }
  return gated;
}

/** The options a handler passes to `httpHandler` (`auth` only when it is a scope). */
function optionsOf(handlerFile: string): Set<string> {
  const text = source(handlerFile);
  const options = new Set<string>();
  const declared = /auth: ROUTES\.(\w+)\.auth/.exec(text)?.[1];
  const auth = declared ? ROUTES[declared as keyof typeof ROUTES]?.auth : undefined;
  if (/auth: \{ scope/.test(text) || typeof auth === 'object') options.add('auth');
  if (/\bquery:\s*\{\s*validator/.test(text)) options.add('query');
  if (/\bbody:\s*\{\s*validator/.test(text)) options.add('body');
  return options;
}

/**
 * Every module a handler can reach, with the stack builder's gated edges cut per its options. A
 * re-export (a barrel such as lib/idempotency/index.ts) is followed only for the names asked of it.
 */
function reachable(handlerFile: string): Set<string> {
  const gated = gatedModules();
  const enabled = optionsOf(handlerFile);
  const cut = new Set(
    [...gated].filter(([option]) => !enabled.has(option)).flatMap(([, modules]) => [...modules]),
  );
  const reached = new Set<string>();
  const seen = new Set<string>();
  const queue: { file: string; wanted: ReadonlySet<string> | 'all' }[] = [
    { file: handlerFile, wanted: 'all' },
  ];
  while (queue.length > 0) {
    const { file, wanted } = queue.shift() as (typeof queue)[number];
    const key = `${file} ${wanted === 'all' ? '*' : [...wanted].sort().join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reached.add(file);
    if (!file.endsWith('.ts')) continue; // a package
    for (const edge of edgesOf(file)) {
      if (!edge.reexport) {
        if (constantsOnly(edge) || (file === STACK_BUILDER && cut.has(edge.target))) continue;
        const names = edge.values.includes('*') ? 'all' : new Set(edge.values);
        queue.push({ file: edge.target, wanted: names });
        continue;
      }
      const passed =
        wanted === 'all' || edge.values.includes('*')
          ? edge.values
          : edge.values.filter((name) => wanted.has(name));
      if (passed.length > 0) queue.push({ file: edge.target, wanted: new Set(passed) });
    }
  }
  return reached;
}

/** `class X extends … { … super('CODE' …` → X produces CODE; also the class bodies' spans. */
function fixedCodeClasses(files: Iterable<string>): Map<string, ProblemCode> {
  const classes = new Map<string, ProblemCode>();
  for (const file of files) {
    if (!file.endsWith('.ts')) continue;
    for (const [body = '', name = ''] of source(file).matchAll(
      /^export class (\w+) extends \w+ \{[\s\S]*?^\}/gm,
    )) {
      const code = /super\(\s*'([A-Z0-9_]+)'/.exec(body)?.[1];
      if (code && CODES.includes(code as ProblemCode)) classes.set(name, code as ProblemCode);
    }
  }
  return classes;
}

/** What one route's code can answer: code → statuses. */
function derivedProblems(handlerFile: string): Map<ProblemCode, Set<number>> {
  const files = [...reachable(handlerFile)].filter(
    (file) => file.endsWith('.ts') && !DECLARATIONS.some((d) => d.test(file)),
  );
  const classes = fixedCodeClasses(files);
  const produced = new Map<ProblemCode, Set<number>>();
  const add = (code: ProblemCode, status: number = problemCatalogue[code].status) =>
    produced.set(code, (produced.get(code) ?? new Set()).add(status));
  for (const file of files) {
    let text = source(file);
    // A fixed-code class's own `super('CODE')` is a definition: its `new X(` sites produce it.
    text = text.replace(/^export class (\w+) extends \w+ \{[\s\S]*?^\}/gm, (body, name: string) =>
      classes.has(name) ? '' : body,
    );
    for (const [, code] of text.matchAll(CODE_LITERAL)) add(code as ProblemCode);
    for (const [, code, status] of text.matchAll(/'([A-Z0-9_]+)'[^\n;]*\? (\d{3})\b/g)) {
      if (CODES.includes(code as ProblemCode)) add(code as ProblemCode, Number(status));
    }
    for (const [name, code] of classes) if (text.includes(`new ${name}(`)) add(code);
  }
  return produced;
}

/** `METHOD /path → handler file`, from serverless.yml. */
function deployedHandlers(): Map<string, string> {
  const yml = source('serverless.yml');
  const handlers = new Map<string, string>();
  for (const fn of yml.split(/\n {2}(?=\w+:\n {4}handler:)/).slice(1)) {
    const handler = /handler: (\S+)\.handler/.exec(fn)?.[1];
    for (const [, method, path] of fn.matchAll(/method:\s*(\w+)\s*[,\n]\s*path:\s*'?([^\s',]+)/g)) {
      if (handler) handlers.set(`${method?.toLowerCase()} ${path}`, `${handler}.ts`);
    }
  }
  return handlers;
}

/** The document's declared problems: code → statuses, per operation. */
function declaredProblems(operation: {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}): Map<string, Set<number>> {
  const declared = new Map<string, Set<number>>();
  for (const [status, response] of Object.entries(operation.responses)) {
    const schema = JSON.stringify(response.content?.['application/problem+json']?.schema ?? {});
    const codes = /"code":\{"enum":\[([^\]]*)\]/.exec(schema)?.[1] ?? '';
    for (const code of codes.match(/[A-Z0-9_]+/g) ?? []) {
      declared.set(code, (declared.get(code) ?? new Set()).add(Number(status)));
    }
  }
  return declared;
}

/** Codes a route's success bodies carry inside them (a failed job's `problem`): not answers. */
function embeddedCodes(operation: { responses: Record<string, unknown> }, doc: object): string[] {
  const success = Object.entries(operation.responses).filter(([status]) => status < '300');
  const text = JSON.stringify(success) + JSON.stringify((doc as { components: object }).components);
  return CODES.filter((code) => text.includes(`"const":"${code}"`));
}

const doc = buildOpenApiDocument() as {
  paths: Record<string, Record<string, Parameters<typeof declaredProblems>[0]>>;
};
const handlers = deployedHandlers();

describe('every problem a route can produce is declared for it', () => {
  it('finds a handler for every documented operation', () => {
    // Act
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );

    // Assess
    expect(operations.filter((op) => !handlers.has(op))).toEqual([]);
  });

  it.each([...handlers])('%s (%s)', (route, handlerFile) => {
    // Prepare
    const [method = '', path = ''] = route.split(' ');
    const operation = doc.paths[path]?.[method];
    if (!operation) throw new Error(`${route} is not documented`);
    const declared = declaredProblems(operation);
    const embedded = embeddedCodes(operation, doc);

    // Act
    const derived = derivedProblems(handlerFile);

    // Assess
    const missing: string[] = [];
    for (const [code, statuses] of derived) {
      if (embedded.includes(code)) continue;
      const at = declared.get(code);
      if (!at) missing.push(`${code} (not declared)`);
      else if (![...statuses].some((status) => at.has(status)))
        missing.push(`${code} at ${[...statuses].join('/')} (declared at ${[...at].join('/')})`);
      else {
        const catalogue = problemCatalogue[code].status;
        for (const status of statuses)
          if (status !== catalogue && !at.has(status)) missing.push(`${code} at ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('derives from the code: the create reaches the idempotency store’s 503 and the parser’s 415', () => {
    // Act
    const create = derivedProblems('handlers/create-protection-group.ts');
    const domains = derivedProblems('handlers/get-active-domains.ts');

    // Assess
    expect(create.get('IDEMPOTENCY_STORE_UNAVAILABLE')).toEqual(new Set([503]));
    expect(create.get('UPSTREAM_UNAVAILABLE')).toEqual(new Set([502, 503]));
    expect(create.has('UNSUPPORTED_MEDIA_TYPE')).toBe(true);
    expect(domains.has('UNSUPPORTED_MEDIA_TYPE')).toBe(false);
    expect(domains.has('VALIDATION_FAILED')).toBe(false);
    expect(domains.has('FORBIDDEN')).toBe(true);
  });
});
