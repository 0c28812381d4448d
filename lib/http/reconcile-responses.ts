import type { HttpResponse } from './responses.js';

/**
 * 200 with a stored run report, passed through as saved (it is JSON already, up to megabytes:
 * not parsed and written again). Never cached: every run replaces it.
 */
export function latestRunResponse(reportJson: string): HttpResponse {
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: reportJson,
  };
}
