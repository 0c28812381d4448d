/**
 * Prints, as a JSON array, the Secrets Manager ids the enabled webhook sources read — computed by
 * the same code the webhook function runs, so the IAM policy `serverless package` writes
 * (config/webhook-iam.cjs) grants exactly those secrets and never drifts from the configuration.
 * A broken configuration stops the package with its problems, one per line. `--notify` lists
 * only the sources with a `notify` block (the outcome watcher's grant).
 */
import { ConfigurationError } from '../lib/config.js';
import { readWebhookSettings } from '../lib/webhooks/config.js';

try {
  const { sources } = readWebhookSettings(process.env);
  // --notify: only the sources that are told outcomes (the watcher reads their credentials).
  const notifyOnly = process.argv.includes('--notify');
  const wanted = [...sources.values()].filter((source) => !notifyOnly || source.notify);
  const ids = [...new Set(wanted.map((source) => source.secretId))];
  process.stdout.write(`${JSON.stringify(ids)}\n`);
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  process.stderr.write(`${error.problems.join('\n')}\n`);
  process.exitCode = 1;
}
