/**
 * Compiles every schema in `schemas/` into one self-contained ESM module with ajv standalone.
 *
 * Why a build step: compiling at cold start costs ~50 ms and ships ajv (~120 KB) in each bundle.
 * Why esbuild over the standalone source: ajv's ESM output still has `require()` calls for its
 * runtime helpers, which plain Node ESM rejects; bundling them in makes the file import-free.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _, Ajv, type KeywordCxt, type Options, str } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { usePattern } from 'ajv/dist/vocabularies/code.js';
import { build } from 'esbuild';
import { textRuleMessage, textRulePattern } from '../lib/validation/text-rules.js';
import { bodySchemas, querySchemas } from '../schemas/index.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../lib/validation/generated');

/** ajv keyword `x-maxBytes`: the upstream limits UTF-8 bytes, not UTF-16 characters. */
function addMaxBytesKeyword(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: 'x-maxBytes',
    type: 'string',
    schemaType: 'number',
    code(cxt: KeywordCxt) {
      cxt.fail(_`Buffer.byteLength(${cxt.data}, "utf8") > ${cxt.schema}`);
    },
    error: {
      message: ({ schema }) => str`must not be longer than ${schema} bytes in UTF-8`,
      params: ({ schema }) => _`{limit: ${schema}}`,
    },
  });
}

/**
 * ajv keyword `x-text` (`plain` or `noMarkup`, lib/validation/text-rules.ts): no control,
 * bidirectional-formatting or unpaired-surrogate characters, and for `noMarkup` no angle brackets
 * or lookalikes; one sentence per field instead of an unreadable pattern.
 */
function addTextKeyword(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: 'x-text',
    type: 'string',
    schemaType: 'string',
    code(cxt: KeywordCxt) {
      const rule = cxt.schema === 'noMarkup' ? 'noMarkup' : 'plain';
      const pattern = usePattern(cxt, textRulePattern(rule));
      cxt.fail(_`!${pattern}.test(${cxt.data})`);
    },
    error: {
      message: ({ schema }) =>
        str`${textRuleMessage(schema === 'noMarkup' ? 'noMarkup' : 'plain')}`,
      params: ({ schema }) => _`{rule: ${schema}}`,
    },
  });
}

function compileAll(schemas: Record<string, object>, options: Options): string {
  const ajv = new Ajv({
    ...options,
    allErrors: true,
    strict: true,
    code: { source: true, esm: true },
  });
  addMaxBytesKeyword(ajv);
  addTextKeyword(ajv);
  const refs: Record<string, string> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const id = `${name}#`;
    ajv.addSchema({ ...schema, $id: id });
    refs[name] = id;
  }
  return Object.keys(refs).length === 0 ? '' : standalone.default(ajv, refs);
}

async function bundle(source: string, name: string): Promise<string> {
  if (source === '') return '';
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'js', sourcefile: name },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0]?.text ?? '';
}

const bodySource = compileAll(bodySchemas, { useDefaults: true, coerceTypes: false });
const querySource = compileAll(querySchemas, { useDefaults: true, coerceTypes: true });

await mkdir(outDir, { recursive: true });
/** A declaration file so TypeScript sees each export; `lib/validation/validators.ts` adds the types. */
function declarations(schemas: object): string {
  const lines = Object.keys(schemas).map(
    (name) => `export declare const ${name}: CompiledValidator<unknown>;`,
  );
  return ["import type { CompiledValidator } from '../types.js';", ...lines, 'export {};', ''].join(
    '\n',
  );
}

/**
 * Writes only when the content changed, and then atomically (temp file + rename): serverless
 * package/offline rebuild while other processes (tests, a running `npm start`) import these files.
 */
async function writeIfChanged(path: string, content: string): Promise<void> {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === content) return;
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

for (const [file, source, schemas] of [
  ['body-validators', bodySource, bodySchemas],
  ['query-validators', querySource, querySchemas],
] as const) {
  await writeIfChanged(join(outDir, `${file}.mjs`), await bundle(source, `${file}.js`));
  await writeIfChanged(join(outDir, `${file}.d.mts`), declarations(schemas));
}
const names = (o: object) => Object.keys(o).join(', ') || '(none)';
console.log(`validators built: body [${names(bodySchemas)}], query [${names(querySchemas)}]`);
