/** The watcher function's wiring: settings, records, targets and dead letters from the environment. */
import type { Context } from 'aws-lambda';
import { readWebhookSettings } from '../webhooks/config.js';
import { type DeadLetters, logOnlyDeadLetters, sqsDeadLetters } from './dead-letters.js';
import { type JobPolls, jobPolls } from './job-poller.js';
import { OutcomeRecords } from './records.js';
import { readOutcomeSettings } from './settings.js';
import { TicketTargets } from './targets/registry.js';
import { type WatchReport, watchOutcomes } from './watcher.js';

/** Time kept back at the end of an invocation: the last post and its record update. */
const RESERVE_MS = 5_000;

interface Container {
  readonly records: OutcomeRecords;
  readonly targets: TicketTargets;
  readonly deadLetters: DeadLetters;
  readonly settings: ReturnType<typeof readOutcomeSettings>;
  readonly polls: JobPolls;
}

let container: Container | undefined;

function fromEnv(): Container {
  const settings = readOutcomeSettings();
  return {
    settings,
    records: new OutcomeRecords(settings.tableName),
    polls: jobPolls(),
    targets: new TicketTargets(readWebhookSettings(), settings.postTimeoutMs),
    deadLetters: settings.deadLetterQueueUrl
      ? sqsDeadLetters(settings.deadLetterQueueUrl)
      : logOnlyDeadLetters,
  };
}

/** One scheduled run of the watcher inside Lambda (or under `npm start`). */
export async function runWatcher(
  context?: Pick<Context, 'getRemainingTimeInMillis'>,
): Promise<WatchReport> {
  container ??= fromEnv();
  const remainingMs = () => (context?.getRemainingTimeInMillis() ?? 60_000) - RESERVE_MS;
  return watchOutcomes({
    ...container,
    pollJob: container.polls.poller(remainingMs()),
    remainingMs,
  });
}
