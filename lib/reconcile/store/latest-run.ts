import type { HttpResponse } from '../../http/responses.js';
import { RequestValidationError } from '../../problems/errors.js';
import { readDefaultListKey, requireReportBucket } from './config.js';
import { s3Client } from './dependencies.js';
import { ReportStore } from './report-store.js';

let store: ReportStore | undefined;

/**
 * `GET /reconcile/runs/latest`: the `latest.json` of `list` (default: the schedule's list,
 * `RECONCILE_LIST_KEY`), passed through as stored. `NOT_FOUND` before the list's first run.
 */
export async function latestRunResponse(list: string | undefined): Promise<HttpResponse> {
  const listKey = list ?? readDefaultListKey();
  if (!listKey) {
    throw new RequestValidationError(
      [{ pointer: '#/list', detail: 'is required: no default list (RECONCILE_LIST_KEY) is set' }],
      'Name the list whose latest run to show.',
    );
  }
  store ??= new ReportStore(s3Client(), requireReportBucket());
  return {
    statusCode: 200,
    // A report changes with every run: always ask again.
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: await store.readLatest(listKey),
  };
}

/** Forgets the store, so the next request reads the environment again (tests). */
export function resetLatestRunStore(): void {
  store = undefined;
}
