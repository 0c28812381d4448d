import type { FromSchema } from 'json-schema-to-ts';

/**
 * The 17 protection-group statuses of SDRS's status page; the `status` filter of
 * `GET /protection-groups` accepts exactly these. SDRS's error messages also name
 * `failed-over-back`, `error-failing-over-back` and `error-failing-back`, but its status page does
 * not, and it has a code for a status it does not take (`SDRS.0209` "Incorrect status"): those
 * three get a 400 naming the 17 here rather than a round trip to SDRS. A group SDRS reports in any
 * status still appears in an unfiltered list, its status passed through unchanged.
 */
export const PROTECTION_GROUP_STATUSES = [
  'creating',
  'available',
  'protected',
  'deleting',
  'error-deleting',
  'error',
  'starting',
  'error-starting',
  'reprotecting',
  'error-reprotecting',
  'stopping',
  'error-stopping',
  'reversing',
  'error-reversing',
  'failing-over',
  'failed-over',
  'error-failing-over',
] as const;

/** Largest page a caller may ask for; SDRS itself allows 1000, we bound the Lambda's work. */
export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 20;
/**
 * SDRS takes `offset` as an int32. A page is fetched in upstream pages at `offset + k` (k below
 * the limit), so the largest offset leaves room for the largest page: every upstream offset then
 * fits, and a larger one is a 400 with a pointer instead of SDRS's 422.
 */
export const MAX_PAGE_OFFSET = 2_147_483_647 - MAX_PAGE_LIMIT;

/**
 * Query of `GET /protection-groups`. Compiled with type coercion (query values are strings) and
 * defaults; unknown parameters are rejected so a typo (`?stauts=`) is not silently ignored.
 */
export const listProtectionGroupsQuerySchema = {
  $id: 'ListProtectionGroupsQuery',
  title: 'ListProtectionGroupsQuery',
  type: 'object',
  additionalProperties: false,
  properties: {
    name: {
      type: 'string',
      description: 'Substring of the group name (SDRS matches it fuzzily). 1 to 64 bytes in UTF-8.',
      minLength: 1,
      maxLength: 64,
      'x-maxBytes': 64,
      'x-text': 'plain',
    },
    status: {
      type: 'string',
      description:
        'Only groups in this SDRS status: one of the 17 on SDRS’s status page. The three other names SDRS’s error messages use (`failed-over-back`, `error-failing-over-back`, `error-failing-back`) are refused with a 400.',
      enum: PROTECTION_GROUP_STATUSES,
    },
    limit: {
      type: 'integer',
      description: `Page size, 1 to ${MAX_PAGE_LIMIT}.`,
      minimum: 1,
      maximum: MAX_PAGE_LIMIT,
      default: DEFAULT_PAGE_LIMIT,
    },
    offset: {
      type: 'integer',
      description: `Number of matching groups to skip, 0 to ${MAX_PAGE_OFFSET}.`,
      minimum: 0,
      maximum: MAX_PAGE_OFFSET,
      default: 0,
    },
  },
} as const;

export type ListProtectionGroupsQuery = FromSchema<typeof listProtectionGroupsQuerySchema>;

/**
 * The `{jobId}` path parameter of `GET /jobs/{jobId}`. SDRS job ids are 32 hex characters; the
 * rule is looser so a future id format still passes, and strict enough that nothing odd reaches
 * the upstream URL.
 */
export const jobIdSchema = {
  type: 'string',
  description: 'The job id from the `jobId` of a 202 answer: 1 to 64 letters, digits or `-`.',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9-]+$',
} as const;
