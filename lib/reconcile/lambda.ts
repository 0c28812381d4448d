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

/** Logs the report as one structured line: `info` when complete, `warn` when a retry is due. */
export function logReport(report: RunReport): void {
  if (report.complete) logger.info('reconcile report', { report });
  else logger.warn('reconcile report', { report });
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
