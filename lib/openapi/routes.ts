/**
 * The route table the OpenAPI document is generated from: one entry per HTTP route. Schemas are
 * the objects in `schemas/` (the same ones the validators are compiled from), so the document
 * cannot drift from what the service validates; method, path, caller and body limit come from
 * the route's declaration in lib/routes.ts. Adding a route = one entry there and one here.
 */
import { createProtectionGroupSchema } from '../../schemas/create-protection-group.js';
import { idempotencyKeyHeaderSchema } from '../../schemas/headers.js';
import { jobIdSchema, listProtectionGroupsQuerySchema } from '../../schemas/lookups.js';
import {
  latestReconcileRunQuerySchema,
  reconcileRunReportSchema,
} from '../../schemas/reconcile.js';
import {
  acceptedJobSchema,
  activeDomainListSchema,
  jobSchema,
  protectionGroupPageSchema,
  webhookAcceptedSchema,
  webhookIgnoredSchema,
} from '../../schemas/responses.js';
import type { ProblemCode } from '../problems/catalogue.js';
import { ROUTES, type Route, type RouteAuth } from '../routes.js';
import type { RouteProblem } from './problems.js';

/** A JSON Schema object (one of the `as const` objects in `schemas/`, or an inline one). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** A response header the document describes (besides `X-Request-Id`, on every answer). */
export type HeaderName =
  | 'Location'
  | 'Retry-After'
  | 'Cache-Control'
  | 'Idempotent-Replayed'
  | 'Original-Request-Id';

export interface SuccessResponse {
  readonly status: number;
  readonly description: string;
  readonly schema: JsonSchema;
  /** Headers besides `X-Request-Id`: on every such answer, or only on some. */
  readonly headers?: Readonly<Partial<Record<HeaderName, 'always' | 'sometimes'>>>;
}

export interface RouteSpec {
  readonly method: 'get' | 'post';
  /** OpenAPI path template, e.g. `/jobs/{jobId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly auth: RouteAuth;
  readonly pathParameters?: Readonly<Record<string, JsonSchema>>;
  /** An object schema; each property becomes one `in: query` parameter. */
  readonly query?: JsonSchema;
  readonly requestHeaders?: readonly {
    readonly name: string;
    readonly description: string;
    readonly schema: JsonSchema;
  }[];
  /** The request body: JSON only (anything else is 415). */
  readonly body?: { readonly schema: JsonSchema; readonly maxBytes: number };
  readonly success: readonly SuccessResponse[];
  /**
   * Every problem `code` the route can answer with (test/openapi/problem-coverage.test.ts derives
   * them from the code); grouped by status in the document.
   */
  readonly problems: readonly RouteProblem[];
  /** Answers may be replays of a stored answer (`Idempotent-Replayed`, `Original-Request-Id`). */
  readonly replays?: boolean;
}

/** Method, path and caller of a declared route (lib/routes.ts), as the document spells them. */
function declared(route: Route): Pick<RouteSpec, 'method' | 'path' | 'auth'> {
  return { method: route.method === 'GET' ? 'get' : 'post', path: route.path, auth: route.auth };
}

/** What any route that calls SDRS can answer when SDRS fails. */
const UPSTREAM_PROBLEMS: readonly ProblemCode[] = [
  'UPSTREAM_REJECTED',
  'UPSTREAM_AUTH_FAILED',
  'UPSTREAM_THROTTLED',
  'UPSTREAM_CONFLICT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'INTERNAL',
];
/** The scope check (`requireScope`) behind the JWT authorizer. */
const CALLER_PROBLEMS: readonly ProblemCode[] = ['UNAUTHENTICATED', 'FORBIDDEN'];
/** What reading a JSON body can answer (the schema check adds `VALIDATION_FAILED`). */
const BODY_PROBLEMS: readonly ProblemCode[] = [
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
];
/** The same failures, shaped for a retrying webhook sender (lib/http/webhook-responses.ts). */
const WEBHOOK_UPSTREAM_PROBLEMS: readonly RouteProblem[] = [
  'UPSTREAM_REJECTED',
  'UPSTREAM_AUTH_FAILED',
  'UPSTREAM_THROTTLED',
  'UPSTREAM_CONFLICT',
  { code: 'UPSTREAM_UNAVAILABLE', status: 503, retryAfter: true },
  { code: 'UPSTREAM_TIMEOUT', status: 504, retryAfter: true },
  'INTERNAL',
];
const REPLAY_HEADERS = {
  'Idempotent-Replayed': 'sometimes',
  'Original-Request-Id': 'sometimes',
} as const;

export const routes: readonly RouteSpec[] = [
  {
    ...declared(ROUTES.createProtectionGroup),
    operationId: 'createProtectionGroup',
    summary: 'Create a protection group (asynchronous)',
    description:
      'Validates the body, forwards it to SDRS and answers 202 with the job to poll at `Location`. With `Idempotency-Key`, a retry with the same key and body answers the first outcome again without a second create.',
    tag: 'protection groups',
    requestHeaders: [
      {
        name: 'Idempotency-Key',
        description:
          'Makes a retried create safe: same key and body → the first answer again (`Idempotent-Replayed: true`); same key, other body → 422 `IDEMPOTENCY_KEY_REUSED`; first still running → 409 `IDEMPOTENCY_IN_PROGRESS`. One key of 8 to 255 printable ASCII characters with at least 4 different ones, quoted (`"…"`) or bare (e.g. a UUID); a bare key has no space, `"`, `\\`, `,` or `;`.',
        schema: idempotencyKeyHeaderSchema,
      },
    ],
    body: {
      schema: createProtectionGroupSchema,
      maxBytes: ROUTES.createProtectionGroup.maxBodyBytes,
    },
    success: [
      {
        status: 202,
        description: 'SDRS accepted the create; poll the job.',
        schema: acceptedJobSchema,
        headers: { Location: 'always', ...REPLAY_HEADERS },
      },
    ],
    problems: [
      'VALIDATION_FAILED',
      ...BODY_PROBLEMS,
      ...CALLER_PROBLEMS,
      'IDEMPOTENCY_KEY_INVALID',
      'IDEMPOTENCY_KEY_REUSED',
      'IDEMPOTENCY_IN_PROGRESS',
      'IDEMPOTENCY_STORE_UNAVAILABLE',
      ...UPSTREAM_PROBLEMS,
    ],
    replays: true,
  },
  {
    ...declared(ROUTES.listProtectionGroups),
    operationId: 'listProtectionGroups',
    summary: 'List protection groups, filtered and paged',
    description:
      'Unknown query parameters are rejected (400, pointer `#/<parameter>`), so a misspelt filter never silently lists everything.',
    tag: 'protection groups',
    query: listProtectionGroupsQuerySchema,
    success: [
      {
        status: 200,
        description: 'One page of groups.',
        schema: protectionGroupPageSchema,
        headers: { 'Cache-Control': 'always' },
      },
    ],
    problems: ['VALIDATION_FAILED', ...CALLER_PROBLEMS, ...UPSTREAM_PROBLEMS],
  },
  {
    ...declared(ROUTES.getJob),
    operationId: 'getJob',
    summary: 'Poll a job',
    description:
      'While the job is `pending` or `running` the answer carries `Retry-After` (seconds until the next poll is worth it); a `failed` job carries a `problem`. The answer is 200 in every job state.',
    tag: 'jobs',
    pathParameters: { jobId: jobIdSchema },
    success: [
      {
        status: 200,
        description: 'The job in its current state.',
        schema: jobSchema,
        headers: { 'Retry-After': 'sometimes', 'Cache-Control': 'always' },
      },
    ],
    problems: ['VALIDATION_FAILED', 'JOB_NOT_FOUND', ...CALLER_PROBLEMS, ...UPSTREAM_PROBLEMS],
  },
  {
    ...declared(ROUTES.getActiveDomains),
    operationId: 'listActiveDomains',
    summary: 'Active-active domains and their availability-zone pair',
    description:
      'What a create form offers: `domainId` and the (`source`, `target`) AZ pair that goes with it. Sold-out domains are listed with `soldOut: true`.',
    tag: 'lookups',
    success: [
      {
        status: 200,
        description: 'Every usable domain.',
        schema: activeDomainListSchema,
        headers: { 'Cache-Control': 'always' },
      },
    ],
    problems: [...CALLER_PROBLEMS, ...UPSTREAM_PROBLEMS],
  },
  {
    ...declared(ROUTES.getLatestReconcileRun),
    operationId: 'getLatestReconcileRun',
    summary: 'The latest scheduled reconcile run of a desired list',
    description:
      'The full report of the newest run over `list`, as the run saved it in the report bucket (`reports/<list>/latest.json`): totals, one entry per list entry, and the run-level `problem` when the list could not be read. 404 before the list’s first run.',
    tag: 'reconcile',
    query: latestReconcileRunQuerySchema,
    success: [
      {
        status: 200,
        description: 'The latest run report.',
        schema: reconcileRunReportSchema,
        headers: { 'Cache-Control': 'always' },
      },
    ],
    problems: [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      ...CALLER_PROBLEMS,
      'S3_ACCESS_DENIED',
      'S3_UNAVAILABLE',
      'INTERNAL',
    ],
  },
  {
    ...declared(ROUTES.getOpenApi),
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    description:
      'The OpenAPI 3.1 description of this API, generated from the schemas the service validates with. Public; caches may keep it for five minutes.',
    tag: 'meta',
    success: [
      {
        status: 200,
        description: 'The OpenAPI 3.1 document.',
        schema: {
          type: 'object',
          description: 'An OpenAPI 3.1 document.',
          additionalProperties: true,
        },
        headers: { 'Cache-Control': 'always' },
      },
    ],
    problems: ['INTERNAL'],
  },
  // The body is whatever the source sends (mapped per source, docs/webhooks.md).
  {
    ...declared(ROUTES.webhook),
    operationId: 'receiveWebhook',
    summary: 'Receive a ticketing-system delivery',
    description:
      'Authenticated by the source’s signature or token on the raw body, mapped to a create; a redelivery of the same delivery answers with the same `jobId` and creates nothing new.',
    tag: 'webhooks',
    pathParameters: {
      source: {
        type: 'string',
        description: 'A configured webhook source name.',
        pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
      },
    },
    body: {
      schema: {
        type: 'object',
        description: 'The sender’s payload, as configured per source.',
        additionalProperties: true,
      },
      maxBytes: ROUTES.webhook.maxBodyBytes,
    },
    success: [
      {
        status: 202,
        description: 'Delivery accepted (or a redelivery of an accepted one); poll the job.',
        schema: webhookAcceptedSchema,
        headers: { Location: 'always', ...REPLAY_HEADERS },
      },
      {
        status: 200,
        description:
          'Delivery acknowledged but filtered out by the source’s rules: nothing created.',
        schema: webhookIgnoredSchema,
        headers: REPLAY_HEADERS,
      },
    ],
    problems: [
      ...BODY_PROBLEMS,
      'VALIDATION_FAILED', // JSON that is not an object (pointer `#`)
      'UNAUTHENTICATED',
      'WEBHOOK_SOURCE_UNKNOWN',
      'WEBHOOK_PAYLOAD_UNMAPPABLE',
      // A redelivery while the first is still running: the source's `inProgressStatus`.
      { code: 'IDEMPOTENCY_IN_PROGRESS', status: 409, retryAfter: true },
      { code: 'IDEMPOTENCY_IN_PROGRESS', status: 503, retryAfter: true },
      'IDEMPOTENCY_KEY_REUSED', // the same delivery id with another mapped body
      'IDEMPOTENCY_STORE_UNAVAILABLE',
      ...WEBHOOK_UPSTREAM_PROBLEMS,
    ],
    replays: true,
  },
];
