/**
 * The webhook side: when a delivery from a source with a `notify` block started a job, a
 * pending-outcome record is written so that the watcher tells the ticket how the job ended.
 */
import { logger } from '../observability/logger.js';
import type { WebhookSource } from '../webhooks/config-types.js';
import { asText, evaluate } from '../webhooks/expressions.js';
import { OutcomeRecords } from './records.js';
import { readOutcomeSettings } from './settings.js';

/** What the webhook path knows when SDRS has accepted the create. */
export interface AcceptedTicketJob {
  readonly source: WebhookSource;
  readonly payload: unknown;
  readonly ticket: string | undefined;
  readonly name: string;
  readonly jobId: string;
}

const MAX_REFERENCE_CHARS = 255;

/** The record the target addresses: Jira issue key, ServiceNow sys_id, else the ticket. */
export function referenceOf(job: AcceptedTicketJob): string | undefined {
  const notify = job.source.notify;
  const expression =
    notify?.target === 'jira'
      ? notify.issue
      : notify?.target === 'servicenow'
        ? notify.record
        : undefined;
  if (expression === undefined) return job.ticket ?? job.jobId;
  const result = evaluate(expression, job.payload);
  const reference = result.ok ? asText(result.value) : undefined;
  return reference && reference.length <= MAX_REFERENCE_CHARS ? reference : undefined;
}

let records: { table: string; store: OutcomeRecords } | undefined;

/** The container's outcome records (`OUTCOME_TABLE`), built on first use. */
export function outcomeRecords(): OutcomeRecords {
  const settings = readOutcomeSettings();
  if (records?.table !== settings.tableName) {
    records = { table: settings.tableName, store: new OutcomeRecords(settings.tableName) };
  }
  return records.store;
}

/**
 * Writes the pending-outcome record for an accepted job (no-op for sources without `notify`).
 * Never throws: the group is being created and the sender must get its 202 (a 5xx would be
 * stored and replayed to every redelivery). A record that cannot be written is an on-call
 * problem, logged at ERROR with the job id so someone can tell the ticket by hand.
 */
export async function trackOutcome(
  job: AcceptedTicketJob,
  store: () => OutcomeRecords = outcomeRecords,
  now: number = Date.now(),
): Promise<void> {
  if (!job.source.notify) return;
  const context = { source: job.source.name, ticket: job.ticket, jobId: job.jobId };
  try {
    const reference = referenceOf(job);
    if (reference === undefined) {
      logger.error('outcome not tracked: the payload names no record to tell', context);
      return;
    }
    const { deadlineMs } = readOutcomeSettings();
    const created = await store().track({
      jobId: job.jobId,
      source: job.source.name,
      ...(job.ticket !== undefined && { ticket: job.ticket }),
      reference,
      name: job.name,
      acceptedAt: now,
      deadlineAt: now + deadlineMs,
    });
    logger.info(created ? 'outcome tracked' : 'outcome already tracked', context);
  } catch (error) {
    logger.error('outcome not tracked: the record could not be written', {
      ...context,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}
