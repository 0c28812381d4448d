import { buildOpenApiDocument } from './document.js';

let cached: { readonly typeBase: string | undefined; readonly body: string } | undefined;

/**
 * The document, serialised once per container (rebuilt only if `PROBLEM_TYPE_BASE_URL` changes,
 * which in practice means: in tests). Building and serialising it takes ~3 ms, once.
 */
export function openApiJson(): string {
  const typeBase = process.env.PROBLEM_TYPE_BASE_URL;
  if (cached === undefined || cached.typeBase !== typeBase) {
    cached = { typeBase, body: JSON.stringify(buildOpenApiDocument()) };
  }
  return cached.body;
}
