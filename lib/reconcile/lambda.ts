import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { logger } from '../observability/logger.js';
import { readReconcileConfig } from './config.js';
import { ReconcileIncompleteError } from './errors.js';
import { metrics, recordRunMetrics } from './metrics.js';
import { prepareRun } from './prepare.js';
import { type RunReport, rejectedRunReport, toItemProblem } from './report.js';
import { reconcile } from './run.js';
import { loadRunInput } from './source.js';
import { reportStoreFromEnv, s3Client } from './store/dependencies.js';
import type { ReportStore, SavedReport } from './store/report-store.js';

/** CloudWatch Logs keeps at most 256 KiB per event; the report line stays well below. */
export const MAX_REPORT_LINE_BYTES = 200_000;

/** Outcomes left out first when the report is too large for one log line. */
const ROUTINE = new Set(['created', 'exists', 'succeeded', 'planned']);

/**
 * The report as it goes into the log line: whole when it fits; otherwise without its routine
 * entries (created, exists, succeeded, planned — the totals still count them), then cut, with
 * `itemsOmitted` saying how many entries the line leaves out. The function's result stays whole.
 */
export function reportForLog(report: RunReport): RunReport & { itemsOmitted?: number } {
  if (Buffer.byteLength(JSON.stringify(report)) <= MAX_REPORT_LINE_BYTES) return report;
  const notable = report.items.filter((item) => !ROUTINE.has(item.outcome));
  let kept = notable;
  while (kept.length > 0) {
    const candidate = { ...report, items: kept, itemsOmitted: report.items.length - kept.length };
    if (Buffer.byteLength(JSON.stringify(candidate)) <= MAX_REPORT_LINE_BYTES) return candidate;
    kept = kept.slice(0, Math.floor(kept.length / 2));
  }
  return { ...report, items: [], itemsOmitted: report.items.length };
}

/** Logs the report as one structured line: `info` when complete, `warn` when a retry is due. */
export function logReport(report: RunReport): void {
  const logged = reportForLog(report);
  if (report.complete) logger.info('reconcile report', { report: logged });
  else logger.warn('reconcile report', { report: logged });
}

/**
 * Saves the report to S3 when the run has a report store. A failed save is logged and counted
 * (`ReconcileReportNotSaved`) but does not fail the run: the report is still in its log line.
 */
export async function saveReport(
  store: ReportStore | undefined,
  report: RunReport,
  listKey: string,
): Promise<SavedReport | undefined> {
  if (!store) return undefined;
  try {
    const saved = await store.save(report, listKey);
    logger.info('reconcile report saved', { bucket: saved.bucket, key: saved.report });
    return saved;
  } catch (error) {
    const problem = toItemProblem(error);
    logger.error('reconcile report not saved', { code: problem.code, detail: problem.detail });
    metrics.addMetric('ReconcileReportNotSaved', MetricUnit.Count, 1);
    return undefined;
  }
}

/**
 * The scheduled run: reads the settings and the list (inline, or the S3 object the event points
 * at), reconciles, then logs the report as one line, counts it in metrics and saves it to the
 * report bucket. Returns the report; throws `ReconcileIncompleteError` after reporting when
 * something transient is left (Lambda retries, then the dead-letter queue), and the list's
 * problem — after reporting it too — when the list is missing, unreadable, too large or malformed.
 */
export async function runScheduledReconcile(event: unknown, context: Context): Promise<RunReport> {
  const config = readReconcileConfig();
  const startedAt = new Date();
  const store = reportStoreFromEnv();
  const loaded = await loadRunInput(event, {
    maxItems: config.maxItems,
    maxListBytes: config.maxListBytes,
    s3: s3Client,
  });
  if (!loaded.ok) {
    const problem = toItemProblem(loaded.error);
    logger.error('reconcile input rejected', {
      list: loaded.list.source,
      code: problem.code,
      detail: problem.detail,
      errors: problem.errors,
    });
    metrics.addMetric('ReconcileInputRejected', MetricUnit.Count, 1);
    const report = rejectedRunReport({
      runId: context.awsRequestId,
      startedAt,
      list: loaded.list,
      problem,
      ratePerSecond: config.ratePerSecond,
      concurrency: config.concurrency,
    });
    await saveReport(store, report, loaded.listKey);
    throw loaded.error;
  }
  const run = prepareRun({
    runId: context.awsRequestId,
    remainingMs: context.getRemainingTimeInMillis(),
    config,
  });
  const report = await reconcile(loaded.input, run);
  logReport(report);
  recordRunMetrics(metrics, report);
  await saveReport(store, report, loaded.listKey);
  if (!report.complete) throw new ReconcileIncompleteError(report);
  return report;
}
