/** What the ticket is told when the job has ended, or when it has not ended in time. */
export type Outcome =
  | {
      readonly kind: 'succeeded';
      readonly protectionGroupId?: string;
      /** From the job's begin to its end (or to when the watcher saw it end). */
      readonly durationSeconds?: number;
    }
  | {
      readonly kind: 'failed';
      /** SDRS `error_code` and `fail_reason`, sanitised like every upstream text. */
      readonly errorCode?: string;
      readonly failReason?: string;
    }
  | {
      readonly kind: 'unknown';
      readonly waitedMinutes: number;
      /** `job-not-found`: SDRS said it knows no such job; absent: the deadline passed. */
      readonly reason?: 'job-not-found';
    };

/**
 * Where a record is: `waiting` (job not ended yet, or a post to retry later), `posting` (a
 * watcher holds the lease), `posted` (told, exactly once), `dead` (given up: dead-letter queue).
 */
export type RecordState = 'waiting' | 'posting' | 'posted' | 'dead';

/** One pending outcome: one per SDRS job, written when the webhook delivery was accepted. */
export interface OutcomeRecord {
  readonly jobId: string;
  /** The webhook source whose `notify` block says where to tell. */
  readonly source: string;
  /** The ticket reference shown to people (e.g. `DR-42`, `RITM0010042`). */
  readonly ticket?: string;
  /** What the target addresses: Jira issue key, ServiceNow `sys_id`, or the ticket reference. */
  readonly reference: string;
  /** Name of the protection group asked for. */
  readonly name: string;
  /** Epoch ms when the delivery was accepted, and when an unended job is told as unknown. */
  readonly acceptedAt: number;
  readonly deadlineAt: number;
  readonly state: RecordState;
  /** Epoch ms when a watcher may take the record (a lease's end while `posting`). */
  readonly dueAt: number;
  readonly leaseOwner?: string;
  /** Job polls and ticket-system attempts so far. */
  readonly polls: number;
  readonly attempts: number;
  /** Epoch ms of the first attempt to tell the ticket: retries stop a retry window later. */
  readonly firstPostAt?: number;
  /** Fixed once the job has ended (or the deadline passed): every attempt sends the same. */
  readonly outcome?: Outcome;
  readonly lastError?: string;
  readonly postedAt?: number;
  /** Epoch ms when it was given up (dead-letter queue). */
  readonly deadAt?: number;
}

/** The record of a delivery just accepted. */
export type NewOutcomeRecord = Pick<
  OutcomeRecord,
  'jobId' | 'source' | 'ticket' | 'reference' | 'name' | 'acceptedAt' | 'deadlineAt'
>;
