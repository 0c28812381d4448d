/**
 * Prints, as a JSON array, the Secrets Manager ids the enabled webhook sources read — computed by
 * the same code the webhook function runs, so the IAM policy `serverless package` writes
 * (config/webhook-iam.cjs) grants exactly those secrets and never drifts from the configuration.
 */
import { readWebhookSettings } from '../lib/webhooks/config.js';

const { sources } = readWebhookSettings(process.env);
process.stdout.write(
  `${JSON.stringify([...new Set([...sources.values()].map((s) => s.secretId))])}\n`,
);
