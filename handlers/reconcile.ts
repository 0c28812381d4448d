/** Scheduled `reconcile`: make SDRS hold every protection group of the desired list (docs/reconcile.md). */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { logger } from '../lib/observability/logger.js';
import { runScheduledReconcile } from '../lib/reconcile/lambda.js';
import { metrics } from '../lib/reconcile/metrics.js';
import type { RunReport } from '../lib/reconcile/report.js';

export const handler = middy<unknown, RunReport>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .handler((event, context) => runScheduledReconcile(event, context));
