/** Scheduled `reconcile`: make SDRS hold every protection group of the desired list (docs/reconcile.md). */

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { SDRS_CLIENT_SETTINGS } from '../lib/dependencies.js';
import { logger } from '../lib/observability/logger.js';
import { readReconcileConfig } from '../lib/reconcile/config.js';
import { runScheduledReconcile } from '../lib/reconcile/lambda.js';
import { metrics } from '../lib/reconcile/metrics.js';
import type { RunReport } from '../lib/reconcile/report.js';
import { readReportBucket } from '../lib/reconcile/store/config.js';
import { refuseToStartUnlessConfigured } from '../lib/startup.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured([...SDRS_CLIENT_SETTINGS, readReconcileConfig, readReportBucket]);

export const handler = middy<unknown, RunReport>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .handler((event, context) => runScheduledReconcile(event, context));
