/**
 * Regenerates the typed client's contract from the OpenAPI document (`npm run build:client`):
 * `clients/typescript/src/generated/openapi.json` (the document) and `schema.ts` (its types, by
 * openapi-typescript with its default options, as a front end would run it). Both are committed;
 * test/client/generated.test.ts fails when they are out of step with the document.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument } from '../lib/openapi/document.js';

export const GENERATED_DIR = join(import.meta.dirname, '../clients/typescript/src/generated');

const HEADER = `/**
 * Generated from the sdrs-bff OpenAPI document by openapi-typescript (npm run build:client).
 * Do not edit: change lib/openapi/ or schemas/ and regenerate.
 */
`;

/** The two generated files' contents, for the default problem type base. */
export async function generatedClientFiles(): Promise<Record<string, string>> {
  const saved = process.env.PROBLEM_TYPE_BASE_URL;
  delete process.env.PROBLEM_TYPE_BASE_URL; // the default base: the same output everywhere
  try {
    const document = buildOpenApiDocument();
    const types = astToString(await openapiTS(JSON.parse(JSON.stringify(document))));
    return {
      'openapi.json': `${JSON.stringify(document, null, 2)}\n`,
      'schema.ts': `${HEADER}${types}`,
    };
  } finally {
    if (saved !== undefined) process.env.PROBLEM_TYPE_BASE_URL = saved;
  }
}

if (process.argv[1] === import.meta.filename) {
  await mkdir(GENERATED_DIR, { recursive: true });
  for (const [name, text] of Object.entries(await generatedClientFiles())) {
    await writeFile(join(GENERATED_DIR, name), text);
  }
  console.log(`wrote ${GENERATED_DIR}/{openapi.json,schema.ts}`);
}
