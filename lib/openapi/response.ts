import type { HttpResponse } from '../http/responses.js';
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

/** 200 with the document; shared caches may keep it for five minutes. */
export function openApiResponse(): HttpResponse {
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
    body: openApiJson(),
  };
}
