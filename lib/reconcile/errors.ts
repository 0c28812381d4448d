import type { RunReport } from './report.js';

/**
 * Thrown by the scheduled function after it has logged and counted a run that left work for a
 * later attempt (a retryable failure, an uncertain create, entries not reached in time), so that
 * Lambda retries the invocation and, when retries are used up, sends the event to the
 * dead-letter queue. Invalid entries, drift and duplicates alone never cause it.
 */
export class ReconcileIncompleteError extends Error {
  readonly report: RunReport;

  constructor(report: RunReport) {
    const t = report.totals;
    const failed = report.items.filter(
      (item) => item.outcome === 'failed' && item.problem.retryable,
    ).length;
    super(
      report.problem
        ? `Reconcile run ${report.runId} could not read the existing groups (${report.problem.code}); nothing was created`
        : `Reconcile run ${report.runId} is incomplete: ${failed} failed transiently, ${t.uncertain} uncertain, ${t.deferred} deferred; a retry lists again and creates only what is still missing`,
    );
    this.name = 'ReconcileIncompleteError';
    this.report = report;
  }
}
