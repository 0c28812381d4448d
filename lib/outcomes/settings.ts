import { ConfigurationError, type Env, integer, readAll } from '../config.js';
import { readWebhookSettings } from '../webhooks/config.js';

/** How the outcome watcher works (docs/ticket-outcomes.md lists every name and default). */
export interface OutcomeSettings {
  /** DynamoDB table of pending-outcome records (`OUTCOME_TABLE`). */
  readonly tableName: string;
  /** A job not ended this long after its delivery is told as unknown (`OUTCOME_DEADLINE_MINUTES`, 60). */
  readonly deadlineMs: number;
  /** How long a ticket system that answers "try later" (408, 425, 429, 500, 502–504) or not at all is retried (`OUTCOME_RETRY_HOURS`, 24). */
  readonly retryWindowMs: number;
  /** How long a watcher holds a claimed record before another may take it over (`OUTCOME_LEASE_SECONDS`, 120). */
  readonly leaseMs: number;
  /** Whole-call timeout of one request to a ticket system (`OUTCOME_POST_TIMEOUT_MS`, 10000). */
  readonly postTimeoutMs: number;
  /** Pause before a still-running job is polled again (`OUTCOME_POLL_INTERVAL_SECONDS`, 20). */
  readonly pollIntervalMs: number;
  /** Records claimed per watcher run (`OUTCOME_BATCH_SIZE`, 25). */
  readonly batchSize: number;
  /** SQS queue of outcomes given up (`OUTCOME_DEAD_LETTER_QUEUE_URL`); unset: logged only (local). */
  readonly deadLetterQueueUrl: string | undefined;
}

/** Reads the outcome settings; throws one `ConfigurationError` naming every bad variable. */
export function readOutcomeSettings(env: Env = process.env): OutcomeSettings {
  return readAll<OutcomeSettings>({
    tableName: () => {
      const name = env.OUTCOME_TABLE?.trim();
      if (!name) throw new ConfigurationError('OUTCOME_TABLE is not set');
      return name;
    },
    deadlineMs: () => integer(env, 'OUTCOME_DEADLINE_MINUTES', 60, 1, 10_080) * 60_000,
    // At least a day: a ticket system down for a weekend morning must not lose the outcome.
    retryWindowMs: () => integer(env, 'OUTCOME_RETRY_HOURS', 24, 24, 168) * 3_600_000,
    leaseMs: () => integer(env, 'OUTCOME_LEASE_SECONDS', 120, 5, 900) * 1000,
    postTimeoutMs: () => integer(env, 'OUTCOME_POST_TIMEOUT_MS', 10_000, 100, 60_000),
    pollIntervalMs: () => integer(env, 'OUTCOME_POLL_INTERVAL_SECONDS', 20, 1, 3600) * 1000,
    batchSize: () => integer(env, 'OUTCOME_BATCH_SIZE', 25, 1, 100),
    // Only a URL counts: before a deploy (plugins/check-deploy.cjs) and under serverless-offline
    // the value is still the queue's CloudFormation reference.
    deadLetterQueueUrl: () => {
      const url = String(env.OUTCOME_DEAD_LETTER_QUEUE_URL ?? '').trim();
      return URL.canParse(url) ? url : undefined;
    },
  });
}

/**
 * Startup check of the webhook function: when an enabled source has a `notify` block, accepted
 * deliveries write pending-outcome records, so the outcome settings (`OUTCOME_TABLE` first of
 * all) must be complete.
 */
export function requireOutcomeSettingsWhenNotifying(env: Env = process.env): void {
  const notifying = [...readWebhookSettings(env).sources.values()].some((source) => source.notify);
  if (notifying) readOutcomeSettings(env);
}
