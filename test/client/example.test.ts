/**
 * The typed client as a front end gets it: its generated files match the document, and the
 * example front-end flow compiles under `tsc --strict` without a single cast. (The smoke test
 * runs the flow against `npm start`.)
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, generatedClientFiles } from '../../scripts/build-client.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const exampleDir = join(root, 'examples/front-end');

describe('the typed client and the example front end', () => {
  it('has generated files in step with the OpenAPI document (npm run generate:client)', async () => {
    // Act
    const expected = await generatedClientFiles();

    // Assess
    for (const [name, text] of Object.entries(expected)) {
      expect(readFileSync(join(GENERATED_DIR, name), 'utf8'), name).toBe(text);
    }
  });

  it('compiles the example flow with tsc --strict', async () => {
    // Act
    const compiled = await run(join(root, 'node_modules/.bin/tsc'), ['-p', exampleDir], {
      cwd: root,
    }).then(
      () => 'ok',
      (failed: { stdout?: string }) => failed.stdout ?? 'failed',
    );

    // Assess
    expect(compiled).toBe('ok');
  });

  it('uses no cast and no non-null assertion in the example', () => {
    // Prepare
    const files = readdirSync(exampleDir).filter((name) => name.endsWith('.ts'));

    // Act
    const casts = files.flatMap((name) =>
      readFileSync(join(exampleDir, name), 'utf8')
        // Code only: comments, string and template literals, and import lines removed.
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''")
        .split('\n')
        .filter((line) => !/^\s*import /.test(line))
        .filter((line) => /\bas\s+(?!const\b)[\w{[(]|[\w)\]]!(?=[.;,)\]\s])|<\w+>\s*\w/.test(line))
        .map((line) => `${name}: ${line.trim()}`),
    );

    // Assess
    expect(files).toEqual(expect.arrayContaining(['flow.ts', 'run.ts']));
    expect(casts).toEqual([]);
  });
});
