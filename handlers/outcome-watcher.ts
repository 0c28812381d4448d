/** Scheduled: tells each ticket how the job its webhook delivery started has ended (docs/ticket-outcomes.md). */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { SDRS_CLIENT_SETTINGS } from '../lib/dependencies.js';
import { logger } from '../lib/observability/logger.js';
import { runWatcher } from '../lib/outcomes/lambda.js';
import { readOutcomeSettings } from '../lib/outcomes/settings.js';
import { readReconcileConfig } from '../lib/reconcile/config.js';
import { refuseToStartUnlessConfigured } from '../lib/startup.js';
import { readWebhookSettings } from '../lib/webhooks/config.js';

// Inside Lambda a function with missing or malformed settings refuses to start (lib/startup.ts).
refuseToStartUnlessConfigured([
  ...SDRS_CLIENT_SETTINGS,
  readReconcileConfig,
  readWebhookSettings,
  readOutcomeSettings,
]);

export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler((_event: unknown, context) => runWatcher(context));
