import { openApiJson } from '../openapi/json.js';
import type { HttpResponse } from './responses.js';

/** 200 with the document; shared caches may keep it for five minutes. */
export function openApiResponse(): HttpResponse {
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
    body: openApiJson(),
  };
}
