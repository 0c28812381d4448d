/**
 * Response bodies: the single source for the routes' TypeScript types and the OpenAPI document.
 * They are not compiled into validators (responses are built by typed code); the OpenAPI tests
 * check real responses against them.
 */
import type { FromSchema } from 'json-schema-to-ts';

const timestamp = {
  type: ['string', 'null'],
  format: 'date-time',
  description:
    'ISO 8601 in UTC; `null` when SDRS sent none or an unreadable one. SDRS writes some times without a zone (`2019-05-23 03:51:58.256`); this service reads those as UTC, its own choice: SDRS does not say.',
} as const;

/** 202 of `POST /protection-groups` (and of the webhooks): the job to poll. */
export const acceptedJobSchema = {
  $id: 'AcceptedJob',
  title: 'AcceptedJob',
  type: 'object',
  additionalProperties: false,
  required: ['jobId', 'status', 'statusUrl'],
  properties: {
    jobId: { type: 'string', description: 'SDRS job id; poll it at `statusUrl`.' },
    status: { type: 'string', const: 'pending' },
    statusUrl: { type: 'string', description: 'Same as the `Location` header: `/jobs/{jobId}`.' },
  },
} as const;

export type AcceptedJob = FromSchema<typeof acceptedJobSchema>;

/** 202 of `POST /webhooks/{source}`: the job, plus the ticket it came from (replayed verbatim). */
export const webhookAcceptedSchema = {
  $id: 'WebhookAccepted',
  title: 'WebhookAccepted',
  type: 'object',
  additionalProperties: false,
  required: ['jobId', 'status', 'statusUrl', 'ticket', 'source'],
  properties: {
    ...acceptedJobSchema.properties,
    ticket: {
      type: ['string', 'null'],
      description: 'The ticket reference the source maps (e.g. a Jira issue key).',
    },
    source: { type: 'string', description: 'The webhook source that delivered it.' },
  },
} as const;

export type WebhookAccepted = FromSchema<typeof webhookAcceptedSchema>;

/** 200 of `POST /webhooks/{source}` for a delivery the source's `when` rule filters out. */
export const webhookIgnoredSchema = {
  $id: 'WebhookIgnored',
  title: 'WebhookIgnored',
  type: 'object',
  additionalProperties: false,
  required: ['ignored', 'ticket', 'source'],
  properties: {
    ignored: { const: true },
    ticket: { type: ['string', 'null'] },
    source: { type: 'string' },
  },
} as const;

export type WebhookIgnored = FromSchema<typeof webhookIgnoredSchema>;

/** One active-active domain, shaped for a create form. */
export const activeDomainSchema = {
  title: 'ActiveDomain',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'description', 'soldOut', 'availabilityZones'],
  properties: {
    id: { type: 'string', description: 'Send it as `domainId` of a create.' },
    name: { type: 'string' },
    description: { type: ['string', 'null'] },
    soldOut: {
      type: 'boolean',
      description: 'No capacity left: a create in this domain fails (offer it disabled).',
    },
    availabilityZones: {
      type: 'object',
      additionalProperties: false,
      required: ['source', 'target'],
      description:
        'The availability zones of the domain’s two replication clusters. SDRS calls them only one end and the other end; offering `source` as `sourceAvailabilityZone` and `target` as `targetAvailabilityZone` is this service’s choice, and SDRS does not document whether it refuses the reversed pair (a refusal comes back as `UPSTREAM_REJECTED`).',
      properties: {
        source: {
          type: 'string',
          description:
            'The AZ of SDRS’s `local_replication_cluster` (one end); offered as `sourceAvailabilityZone`.',
        },
        target: {
          type: 'string',
          description:
            'The AZ of SDRS’s `remote_replication_cluster` (the other end); offered as `targetAvailabilityZone`.',
        },
      },
    },
  },
} as const;

/** 200 of `GET /active-domains`. */
export const activeDomainListSchema = {
  $id: 'ActiveDomainList',
  title: 'ActiveDomainList',
  type: 'object',
  additionalProperties: false,
  required: ['domains'],
  properties: { domains: { type: 'array', items: activeDomainSchema } },
} as const;

export type ActiveDomain = FromSchema<typeof activeDomainSchema>;
export type ActiveDomainList = FromSchema<typeof activeDomainListSchema>;

const nullableString = { type: ['string', 'null'] } as const;
const nullableCount = { type: ['integer', 'null'], minimum: 0 } as const;

/** One protection group in camelCase (SDRS `ShowProtectionGroupParams`). */
export const protectionGroupSchema = {
  title: 'ProtectionGroup',
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'name',
    'description',
    'status',
    'progress',
    'sourceAvailabilityZone',
    'targetAvailabilityZone',
    'productionSite',
    'domainId',
    'domainName',
    'sourceVpcId',
    'targetVpcId',
    'drType',
    'protectionStatus',
    'replicationStatus',
    'healthStatus',
    'protectedInstanceCount',
    'replicationPairCount',
    'drillCount',
    'createdAt',
    'updatedAt',
  ],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    description: nullableString,
    status: {
      type: 'string',
      description:
        'SDRS status (`creating`, `available`, `protected`, `error`, …; the `status` filter lists them). A status SDRS adds later passes through unchanged.',
    },
    progress: { type: ['integer', 'null'], minimum: 0, maximum: 100, description: 'Percent.' },
    sourceAvailabilityZone: { type: 'string' },
    targetAvailabilityZone: { type: 'string' },
    productionSite: {
      ...nullableString,
      description: 'Which AZ currently runs production: `source` or `target` (after a failover).',
    },
    domainId: { type: 'string' },
    domainName: nullableString,
    sourceVpcId: { type: 'string' },
    targetVpcId: nullableString,
    drType: { ...nullableString, description: '`migration`.' },
    protectionStatus: { ...nullableString, description: '`started` or `stopped`.' },
    replicationStatus: {
      ...nullableString,
      description: '`active`, `inactive`, `copying` or `active-stopped`.',
    },
    healthStatus: { ...nullableString, description: '`normal` or `abnormal`.' },
    protectedInstanceCount: nullableCount,
    replicationPairCount: nullableCount,
    drillCount: { ...nullableCount, description: 'Disaster-recovery drills.' },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
} as const;

/** 200 of `GET /protection-groups`: one page and how to get the neighbours. */
export const protectionGroupPageSchema = {
  $id: 'ProtectionGroupPage',
  title: 'ProtectionGroupPage',
  type: 'object',
  additionalProperties: false,
  required: ['items', 'count', 'limit', 'offset', 'next', 'previous'],
  properties: {
    items: { type: 'array', items: protectionGroupSchema },
    count: { type: 'integer', minimum: 0, description: 'Groups matching the filters, all pages.' },
    limit: { type: 'integer', minimum: 1 },
    offset: { type: 'integer', minimum: 0 },
    next: {
      type: ['integer', 'null'],
      minimum: 0,
      description: '`offset` of the next page, `null` on the last page.',
    },
    previous: {
      type: ['integer', 'null'],
      minimum: 0,
      description: '`offset` of the previous page, `null` on the first page.',
    },
  },
} as const;

export type ProtectionGroup = FromSchema<typeof protectionGroupSchema>;
export type ProtectionGroupPage = FromSchema<typeof protectionGroupPageSchema>;

/** The problem inside a failed job: same members as a problem+json body, minus the request ones. */
export const jobProblemSchema = {
  title: 'JobProblem',
  type: 'object',
  additionalProperties: false,
  required: ['type', 'title', 'status', 'detail', 'code', 'retryable'],
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    // The catalogue's status of UPSTREAM_JOB_FAILED; the OpenAPI tests check real job answers against it.
    status: { type: 'integer', const: 422 },
    detail: { type: 'string' },
    code: { type: 'string', const: 'UPSTREAM_JOB_FAILED' },
    retryable: { type: 'boolean' },
    upstream: {
      type: 'object',
      additionalProperties: false,
      description: 'What SDRS said: the job `error_code` and its `fail_reason` (sanitised).',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;

/** 200 of `GET /jobs/{jobId}`. */
export const jobSchema = {
  $id: 'Job',
  title: 'Job',
  type: 'object',
  additionalProperties: false,
  required: ['jobId', 'status'],
  properties: {
    jobId: { type: 'string' },
    status: {
      type: 'string',
      enum: ['pending', 'running', 'succeeded', 'failed'],
      description:
        'SDRS INIT → `pending`, RUNNING → `running`, SUCCESS → `succeeded`, FAIL → `failed`; a status SDRS adds later → `running` (keep polling).',
    },
    protectionGroupId: {
      type: 'string',
      description: 'The group the job created, once SDRS names it.',
    },
    problem: jobProblemSchema,
    createdAt: {
      type: 'string',
      format: 'date-time',
      description:
        'SDRS’s `begin_time`, in UTC (a time without a zone is read as UTC: our choice).',
    },
    finishedAt: {
      type: 'string',
      format: 'date-time',
      description: 'SDRS’s `end_time`, in UTC (a time without a zone is read as UTC: our choice).',
    },
  },
} as const;

export type JobProblem = FromSchema<typeof jobProblemSchema>;
export type Job = FromSchema<typeof jobSchema>;
export type JobStatus = Job['status'];
