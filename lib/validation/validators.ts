/**
 * Typed access to the validators compiled at build time (`npm run build:schemas`). Importing this
 * module compiles nothing: the generated file is plain code with no dependency on ajv.
 */
import type {
  CreateProtectionGroupRequest,
  LatestReconcileRunQuery,
  ListProtectionGroupsQuery,
} from '../../schemas/index.js';
import * as body from './generated/body-validators.mjs';
import * as query from './generated/query-validators.mjs';
import type { CompiledValidator } from './types.js';

export const validateCreateProtectionGroup =
  body.createProtectionGroup as CompiledValidator<CreateProtectionGroupRequest>;

export const validateListProtectionGroupsQuery =
  query.listProtectionGroups as CompiledValidator<ListProtectionGroupsQuery>;

export const validateLatestReconcileRunQuery =
  query.latestReconcileRun as CompiledValidator<LatestReconcileRunQuery>;
