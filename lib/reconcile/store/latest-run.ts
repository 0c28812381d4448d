import { RequestValidationError } from '../../problems/errors.js';
import { readDefaultListKey, requireReportBucket } from './config.js';
import { s3Client } from './dependencies.js';
import { ReportStore } from './report-store.js';

let store: ReportStore | undefined;

/**
 * What `GET /reconcile/runs/latest` answers: the `latest.json` of `list` (default: the schedule's
 * list, `RECONCILE_LIST_KEY`) as stored. `NOT_FOUND` before the list's first run;
 * `VALIDATION_FAILED` (`#/list`) when no list is named and there is no default.
 */
export async function readLatestReport(list: string | undefined): Promise<string> {
  const listKey = list ?? readDefaultListKey();
  if (!listKey) {
    throw new RequestValidationError(
      [{ pointer: '#/list', detail: 'is required: no default list (RECONCILE_LIST_KEY) is set' }],
      'Name the list whose latest run to show.',
    );
  }
  store ??= new ReportStore(s3Client(), requireReportBucket());
  return store.readLatest(listKey);
}

/** Forgets the store, so the next request reads the environment again (tests). */
export function resetLatestRunStore(): void {
  store = undefined;
}
