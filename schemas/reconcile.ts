import type { FromSchema } from 'json-schema-to-ts';

/** What a list name may hold: the characters S3 documents as safe in keys. */
const LIST_KEY_PATTERN = "^[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*$";

/**
 * Query of `GET /reconcile/runs/latest`: which list's latest report. Unknown parameters are
 * rejected, as on every route.
 */
export const latestReconcileRunQuerySchema = {
  $id: 'LatestReconcileRunQuery',
  title: 'LatestReconcileRunQuery',
  type: 'object',
  additionalProperties: false,
  properties: {
    list: {
      type: 'string',
      description:
        'The S3 key of the desired list (`lists/prod.yaml`), or `inline` for runs whose list came in the event. Default: the schedule’s list (`RECONCILE_LIST_KEY`).',
      minLength: 1,
      maxLength: 900,
      pattern: LIST_KEY_PATTERN,
    },
  },
} as const;

export type LatestReconcileRunQuery = FromSchema<typeof latestReconcileRunQuerySchema>;

const count = { type: 'integer', minimum: 0 } as const;

/** A reconcile run report, as the run returns, logs and saves it (docs/reconcile.md §4). */
export const reconcileRunReportSchema = {
  $id: 'ReconcileRunReport',
  title: 'ReconcileRunReport',
  type: 'object',
  required: [
    'runId',
    'dryRun',
    'waitForJobs',
    'startedAt',
    'durationMs',
    'complete',
    'totals',
    'upstream',
    'items',
  ],
  properties: {
    runId: { type: 'string', description: 'The Lambda request id of the run.' },
    list: {
      type: 'object',
      description: 'Where the desired list came from.',
      required: ['source'],
      properties: {
        source: { type: 'string', description: '`s3://bucket/key`, or `inline`.' },
        versionId: { type: 'string', description: 'The S3 version read.' },
        format: { type: 'string', enum: ['json', 'yaml'] },
        bytes: count,
      },
    },
    dryRun: { type: 'boolean' },
    waitForJobs: { type: 'boolean' },
    startedAt: { type: 'string', format: 'date-time' },
    durationMs: count,
    complete: {
      type: 'boolean',
      description: 'False when a later run may do better (Lambda retries the run).',
    },
    totals: {
      type: 'object',
      description: 'Entries per outcome, zeros included, and `items` in all.',
      additionalProperties: count,
    },
    upstream: {
      type: 'object',
      properties: {
        requests: count,
        throttled: count,
        ratePerSecond: count,
        concurrency: count,
      },
    },
    problem: {
      type: 'object',
      description:
        'Why the run could not work on its entries at all (the list, or the existing groups, could not be read): a problem object, `errors` with JSON Pointers into the list.',
    },
    items: {
      type: 'array',
      description: 'One entry per list entry, in list order.',
      items: {
        type: 'object',
        required: ['index', 'outcome'],
        properties: {
          index: count,
          name: { type: 'string' },
          outcome: {
            type: 'string',
            enum: [
              'created',
              'succeeded',
              'running',
              'job-not-found',
              'failed',
              'uncertain',
              'exists',
              'drift',
              'invalid',
              'duplicate',
              'deferred',
              'planned',
            ],
          },
        },
      },
    },
  },
} as const;
