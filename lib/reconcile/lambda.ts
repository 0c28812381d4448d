import type { Context } from 'aws-lambda';
import { logger } from '../observability/logger.js';
import { RequestValidationError } from '../problems/errors.js';
import { readReconcileConfig } from './config.js';
import { ReconcileIncompleteError } from './errors.js';
import { parseReconcileInput } from './input.js';
import { metrics, recordRunMetrics } from './metrics.js';
import { prepareRun } from './prepare.js';
import type { RunReport } from './report.js';
import { reconcile } from './run.js';

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
 * The scheduled run: reads the settings and the input, reconciles, then logs the report as one
 * line and counts it in metrics. Returns the report; throws `ReconcileIncompleteError` after
 * reporting when something transient is left (Lambda retries, then the dead-letter queue), and
 * `RequestValidationError` for an input that is not `{ protectionGroups: [...] }`.
 */
export async function runScheduledReconcile(event: unknown, context: Context): Promise<RunReport> {
  const config = readReconcileConfig();
  let input: ReturnType<typeof parseReconcileInput>;
  try {
    input = parseReconcileInput(event, config.maxItems);
  } catch (error) {
    if (error instanceof RequestValidationError) {
      logger.error('reconcile input rejected', { errors: error.errors });
      metrics.addMetric('ReconcileInputRejected', 'Count', 1);
    }
    throw error;
  }
  const run = prepareRun({
    runId: context.awsRequestId,
    remainingMs: context.getRemainingTimeInMillis(),
    config,
  });
  const report = await reconcile(input, run);
  logReport(report);
  recordRunMetrics(metrics, report);
  if (!report.complete) throw new ReconcileIncompleteError(report);
  return report;
}
