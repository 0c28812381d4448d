/**
 * Every schema that gets a build-time validator. The build script (`scripts/build-validators.ts`)
 * compiles each entry with ajv standalone into `lib/validation/generated/body-validators.mjs` or
 * `query-validators.mjs`, so no schema is compiled at cold start; the OpenAPI document is
 * generated from the same objects.
 */
import { createProtectionGroupSchema } from './create-protection-group.js';
import { listProtectionGroupsQuerySchema } from './lookups.js';
import { latestReconcileRunQuerySchema } from './reconcile.js';

export {
  type CreateProtectionGroupRequest,
  createProtectionGroupSchema,
} from './create-protection-group.js';
export {
  type ListProtectionGroupsQuery,
  listProtectionGroupsQuerySchema,
} from './lookups.js';
export { type LatestReconcileRunQuery, latestReconcileRunQuerySchema } from './reconcile.js';

/** Validators over whole request bodies (no type coercion: JSON types must already be right). */
export const bodySchemas = {
  createProtectionGroup: createProtectionGroupSchema,
} as const;

/** Validators over query strings (strings coerced to the schema's numbers). */
export const querySchemas = {
  listProtectionGroups: listProtectionGroupsQuerySchema,
  latestReconcileRun: latestReconcileRunQuerySchema,
} as const;
