import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { OUTCOMES, type Outcome, type RunReport } from './report.js';

/** The reconcile function's metrics (CloudWatch EMF, flushed by the handler's middleware). */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE?.trim() || 'sdrs-bff',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'sdrs-bff',
});

/** Metric name of an outcome: `created` → `ReconcileCreated`, `job-not-found` → `ReconcileJobNotFound`. */
export function outcomeMetricName(outcome: Outcome): string {
  const words = outcome.split('-').map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`);
  return `Reconcile${words.join('')}`;
}

/**
 * One count per outcome (zeros too, so an alarm on `ReconcileFailed` sees 0 rather than no data),
 * the upstream requests and throttled answers, the run time, and 1 when the run is incomplete.
 */
export function recordRunMetrics(target: Metrics, report: RunReport): void {
  for (const outcome of OUTCOMES) {
    target.addMetric(outcomeMetricName(outcome), MetricUnit.Count, report.totals[outcome]);
  }
  target.addMetric('ReconcileItems', MetricUnit.Count, report.totals.items);
  target.addMetric('ReconcileUpstreamRequests', MetricUnit.Count, report.upstream.requests);
  target.addMetric('ReconcileUpstreamThrottled', MetricUnit.Count, report.upstream.throttled);
  target.addMetric('ReconcileRunDuration', MetricUnit.Milliseconds, report.durationMs);
  target.addMetric('ReconcileIncompleteRuns', MetricUnit.Count, report.complete ? 0 : 1);
}
