/**
 * The outcome watcher: claims due records (a lease, by conditional update), polls each one's SDRS
 * job, and once the job has ended (or its deadline passed) tells the ticket exactly once:
 * the outcome is fixed on the record first, the ticket is searched for the job's marker before
 * any repeat post, and the record is closed under the lease. A ticket system that answers
 * 429 or a passing 5xx (500, 502–504), or not at all, is tried again later (its `Retry-After` honoured, backoff otherwise) for
 * the retry window; one that refuses (401/403/404, other 4xx) is an on-call problem at once.
 */
import { randomUUID } from 'node:crypto';
import type { Job } from '../../schemas/responses.js';
import { JobNotFoundError } from '../lookups/jobs.js';
import { logger } from '../observability/logger.js';
import { forEachConcurrently } from '../reconcile/pool.js';
import { backoff } from '../upstream/resend.js';
import type { DeadLetters } from './dead-letters.js';
import { outcomeParagraphs } from './message.js';
import { outcomeOf } from './outcome-of.js';
import type { Outcome, OutcomeRecord } from './record-types.js';
import type { OutcomeRecords } from './records.js';
import type { OutcomeSettings } from './settings.js';
import { TicketCallError } from './targets/call.js';
import { NotifyCredentialsError } from './targets/credentials.js';
import { NotifySourceError, type TicketTargets } from './targets/registry.js';

export interface WatcherDependencies {
  readonly records: OutcomeRecords;
  readonly settings: OutcomeSettings;
  readonly targets: TicketTargets;
  /** Polls one SDRS job (rate-limited with the reconcile pacing). */
  readonly pollJob: (jobId: string) => Promise<Job>;
  readonly deadLetters: DeadLetters;
  /** Epoch milliseconds. */
  readonly now?: () => number;
  /** Time left in this invocation; no record is claimed when it is too short to finish one. */
  readonly remainingMs?: () => number;
  readonly concurrency?: number;
}

/** What one run did, logged as one line. */
export interface WatchReport {
  claimed: number;
  told: number;
  waiting: number;
  retrying: number;
  deadLettered: number;
  failed: number;
}

const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 3_600_000;

/**
 * Pause before the n-th retry of a ticket system: the service's one backoff rule
 * (lib/upstream/resend.ts), from 30 s doubling to at most an hour, ±20 % so that many outcomes
 * held up by one outage do not all come back at once.
 */
export function postBackoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(backoff(attempt, BACKOFF_BASE_MS, BACKOFF_MAX_MS) * (0.8 + 0.4 * random()));
}

/** Why a post failed, without anything the ticket system or its credentials could leak. */
function failureOf(error: unknown) {
  if (error instanceof TicketCallError) {
    return {
      retryable: error.retryable,
      status: error.status,
      retryAfterMs: error.retryAfterMs,
      reason: error.message,
    };
  }
  const reason = error instanceof Error ? error.message : 'unknown failure';
  // Missing credentials or a source without `notify`: only a person can fix it. Anything else
  // (the secret store unreachable, say) may pass: tried again like a ticket system's 503.
  const permanent = error instanceof NotifyCredentialsError || error instanceof NotifySourceError;
  return { retryable: !permanent, status: undefined, retryAfterMs: undefined, reason };
}

class Run {
  readonly report: WatchReport = {
    claimed: 0,
    told: 0,
    waiting: 0,
    retrying: 0,
    deadLettered: 0,
    failed: 0,
  };
  readonly #owner = randomUUID();
  readonly #deps: WatcherDependencies;
  readonly #now: () => number;

  constructor(deps: WatcherDependencies) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  async one(jobId: string): Promise<void> {
    const { records, settings } = this.#deps;
    const remaining = this.#deps.remainingMs?.() ?? Number.POSITIVE_INFINITY;
    if (remaining < 3 * settings.postTimeoutMs) return; // left for the next run
    const record = await records.claim(jobId, this.#owner, this.#now(), settings.leaseMs);
    if (!record) return; // another watcher has it
    this.report.claimed += 1;
    const outcome = record.outcome ?? (await this.#decide(record));
    if (outcome) await this.#tell(record, outcome);
  }

  /** Polls the job; fixes the outcome on the record, or gives the record back for later. */
  async #decide(record: OutcomeRecord): Promise<Outcome | undefined> {
    const { records, settings } = this.#deps;
    let job: Job | undefined;
    let pollError: string | undefined;
    let jobNotFound = false;
    try {
      job = await this.#deps.pollJob(record.jobId);
    } catch (error) {
      pollError = error instanceof Error ? error.message : 'unknown failure';
      jobNotFound = error instanceof JobNotFoundError;
      logger.warn('job poll failed', { jobId: record.jobId, error: pollError });
    }
    const now = this.#now();
    const outcome = outcomeOf(record, job, now, jobNotFound);
    if (!outcome) {
      this.report.waiting += 1;
      await records.release(record.jobId, this.#owner, {
        dueAt: Math.min(now + settings.pollIntervalMs, record.deadlineAt),
        polls: record.polls + 1,
        ...(pollError && { lastError: pollError }),
      });
      return undefined;
    }
    return (await records.saveOutcome(record.jobId, this.#owner, outcome)) ? outcome : undefined;
  }

  async #tell(record: OutcomeRecord, outcome: Outcome): Promise<void> {
    const { records, targets } = this.#deps;
    const context = { jobId: record.jobId, source: record.source, ticket: record.ticket };
    const attempts = record.attempts + 1;
    const firstPostAt = record.firstPostAt ?? this.#now();
    try {
      const target = await targets.forSource(record.source);
      // Always looked for first: a post whose answer was lost (timeout, or a crash before the
      // record was closed) leaves its marker in the ticket, and must not be posted again.
      const told = await target.alreadyTold(record);
      // Signed with the wall-clock time: receivers check it against theirs.
      if (!told) await target.tell(record, outcome, new Date());
    } catch (error) {
      await this.#failed(record, outcome, error, attempts, firstPostAt);
      return;
    }
    await records.finish(record.jobId, this.#owner, 'posted', { at: this.#now(), attempts });
    this.report.told += 1;
    logger.info('ticket told the outcome', { ...context, outcome: outcome.kind, attempts });
  }

  async #failed(
    record: OutcomeRecord,
    outcome: Outcome,
    error: unknown,
    attempts: number,
    firstPostAt: number,
  ): Promise<void> {
    const { records, settings } = this.#deps;
    const failure = failureOf(error);
    const context = { jobId: record.jobId, source: record.source, ticket: record.ticket };
    const now = this.#now();
    const windowLeft = firstPostAt + settings.retryWindowMs - now;
    // The last attempt falls at the window's end; a longer Retry-After is honoured even so.
    const wait = Math.max(failure.retryAfterMs ?? 0, Math.min(postBackoffMs(attempts), windowLeft));
    if (failure.retryable && windowLeft > 0) {
      this.report.retrying += 1;
      logger.warn('ticket system not reached; will retry', {
        ...context,
        reason: failure.reason,
        attempts,
        retryInMs: wait,
      });
      await records.release(record.jobId, this.#owner, {
        dueAt: now + wait,
        attempts,
        firstPostAt,
        lastError: failure.reason,
      });
      return;
    }
    // On call: a refusal (credentials, permissions, a ticket that does not exist) or a ticket
    // system down for the whole retry window. The outcome goes to the dead-letter queue.
    logger.error('ticket not told: outcome dead-lettered (on-call)', {
      ...context,
      reason: failure.reason,
      status: failure.status,
      attempts,
    });
    await this.#deps.deadLetters.send({
      jobId: record.jobId,
      source: record.source,
      ticket: record.ticket,
      reference: record.reference,
      reason: failure.reason,
      status: failure.status,
      attempts,
      message: outcomeParagraphs(record, outcome).join('\n'),
    });
    await records.finish(record.jobId, this.#owner, 'dead', {
      at: now,
      attempts,
      lastError: failure.reason,
    });
    this.report.deadLettered += 1;
  }
}

/**
 * One watcher run: up to `batchSize` due records, `concurrency` at a time. A record that fails
 * unexpectedly (DynamoDB down, a crash) keeps its lease until it runs out, then the next run
 * takes it over and, finding the marker, does not post twice.
 */
export async function watchOutcomes(deps: WatcherDependencies): Promise<WatchReport> {
  const run = new Run(deps);
  const now = deps.now ?? Date.now;
  const due = await deps.records.due(now(), deps.settings.batchSize);
  await forEachConcurrently(due, deps.concurrency ?? 4, async (jobId) => {
    try {
      await run.one(jobId);
    } catch (error) {
      run.report.failed += 1;
      logger.error('outcome step failed; the record is taken over when its lease ends', {
        jobId,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  });
  // Quiet when there was nothing to do (npm start runs the watcher every few seconds).
  const log = due.length > 0 ? logger.info.bind(logger) : logger.debug.bind(logger);
  log('outcome watcher run', { report: run.report });
  return run.report;
}
