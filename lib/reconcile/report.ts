import { type ProblemBody, problemBody } from '../problems/body.js';
import { type FieldProblem, ProblemError } from '../problems/errors.js';

/** What happened to one entry of the desired list. */
export const OUTCOMES = [
  'created', // create accepted; `jobId` (job not waited for)
  'succeeded', // waitForJobs: the job ended in SUCCESS; `protectionGroupId`
  'running', // waitForJobs: the job had not ended when the time ran low
  'job-not-found', // waitForJobs: SDRS knows no such job (JOB_NOT_FOUND); the next run's list decides
  'failed', // SDRS refused the create, or its job failed; `problem`
  'uncertain', // the create timed out or the connection broke: not resent, the next run decides
  'exists', // a group with this name exists with the same fields
  'drift', // a group with this name exists with other fields: reported, never recreated
  'invalid', // the entry fails the create schema; `errors` with JSON Pointers into the input
  'duplicate', // the name repeats an earlier valid entry; `firstIndex`
  'deferred', // not attempted: the run ran out of time or could not read the existing groups
  'planned', // dryRun: would be created
] as const;

export type Outcome = (typeof OUTCOMES)[number];

/**
 * A problem in a report: a problem body without the HTTP-only members. `errors` (JSON Pointers)
 * appears on the run-level problem of a list that could not be used.
 */
export type ItemProblem = Omit<ProblemBody, 'instance' | 'requestId'>;

/** One field of an existing group that differs from the desired entry (camelCase names). */
export interface FieldDifference {
  readonly field: string;
  readonly desired: string | null;
  readonly actual: string | null;
}

interface Base {
  /** Position in `protectionGroups` (0-based). */
  readonly index: number;
  /** The entry's name when it has a string one. */
  readonly name?: string;
}

export type ReportEntry = Base &
  (
    | { readonly outcome: 'created'; readonly jobId: string }
    | { readonly outcome: 'succeeded'; readonly jobId: string; readonly protectionGroupId?: string }
    | { readonly outcome: 'running'; readonly jobId: string; readonly problem?: ItemProblem }
    | { readonly outcome: 'job-not-found'; readonly jobId: string; readonly problem: ItemProblem }
    | { readonly outcome: 'failed'; readonly problem: ItemProblem; readonly jobId?: string }
    | { readonly outcome: 'uncertain'; readonly problem: ItemProblem }
    | {
        readonly outcome: 'exists';
        readonly protectionGroupId: string;
        readonly status: string;
      }
    | {
        readonly outcome: 'drift';
        readonly protectionGroupId: string;
        readonly status: string;
        readonly differences: readonly FieldDifference[];
      }
    | { readonly outcome: 'invalid'; readonly errors: readonly FieldProblem[] }
    | { readonly outcome: 'duplicate'; readonly firstIndex: number }
    | { readonly outcome: 'deferred'; readonly problem?: ItemProblem }
    | { readonly outcome: 'planned' }
  );

/** Where a run's desired list came from. */
export interface ListInfo {
  /** `s3://bucket/key`, or `inline` for a list carried in the event or read from a local file. */
  readonly source: string;
  /** The S3 version read (the object's current one unless the pointer named a version). */
  readonly versionId?: string;
  readonly format?: 'json' | 'yaml';
  readonly bytes?: number;
}

/** The result of one run: returned by the function, logged as one line, printed by the CLI. */
export interface RunReport {
  readonly runId: string;
  readonly list?: ListInfo;
  readonly dryRun: boolean;
  readonly waitForJobs: boolean;
  readonly startedAt: string;
  readonly durationMs: number;
  /**
   * False when something transient stopped an entry (a retryable failure, an uncertain create,
   * a deferred entry): the Lambda invocation then fails so that it is retried.
   */
  readonly complete: boolean;
  readonly totals: { readonly items: number } & Readonly<Record<Outcome, number>>;
  readonly upstream: {
    readonly requests: number;
    readonly throttled: number;
    readonly ratePerSecond: number;
    readonly concurrency: number;
  };
  /** Why the run could not work on its entries at all (reading the existing groups failed). */
  readonly problem?: ItemProblem;
  readonly items: readonly ReportEntry[];
}

/** The problem object of any failure: a `ProblemError` as it is, anything else as `INTERNAL`. */
export function toItemProblem(error: unknown): ItemProblem {
  const problem =
    error instanceof ProblemError
      ? error
      : new ProblemError('INTERNAL', 'Unexpected error', {
          detail: 'The run failed unexpectedly; see the logs of this run.',
        });
  // A report names no HTTP request.
  const { instance: _instance, requestId: _requestId, ...itemProblem } = problemBody(problem);
  return itemProblem;
}

/** True when a later attempt may do better: the invocation should fail so Lambda retries it. */
export function isTransient(entry: ReportEntry): boolean {
  switch (entry.outcome) {
    case 'uncertain':
    case 'deferred':
      return true;
    case 'failed':
      return entry.problem.retryable;
    default:
      return false;
  }
}

/** Counts per outcome (every outcome present, zeros included). */
export function countOutcomes(entries: readonly ReportEntry[]): RunReport['totals'] {
  const totals = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    Outcome,
    number
  >;
  for (const entry of entries) totals[entry.outcome] += 1;
  return { items: entries.length, ...totals };
}

/**
 * The report of a run that could not start on its list (missing, unreadable, malformed, too
 * large): no entries, `complete: false`, and the run-level `problem` with its pointers.
 */
export function rejectedRunReport(options: {
  readonly runId: string;
  readonly startedAt: Date;
  readonly list: ListInfo;
  readonly problem: ItemProblem;
  readonly ratePerSecond: number;
  readonly concurrency: number;
}): RunReport {
  return {
    runId: options.runId,
    list: options.list,
    dryRun: false,
    waitForJobs: false,
    startedAt: options.startedAt.toISOString(),
    durationMs: Date.now() - options.startedAt.getTime(),
    complete: false,
    totals: countOutcomes([]),
    upstream: {
      requests: 0,
      throttled: 0,
      ratePerSecond: options.ratePerSecond,
      concurrency: options.concurrency,
    },
    problem: options.problem,
    items: [],
  };
}
