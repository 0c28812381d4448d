/**
 * Typed client for the sdrs-bff HTTP API: the operations (openapi-fetch over types generated from
 * the OpenAPI document) and the helpers every front end needs.
 */
export { createSdrsBffClient, type SdrsBffClient, type SdrsBffClientOptions } from './client.js';
export {
  type AcceptedJob,
  type CreatedProtectionGroup,
  type CreateProtectionGroupOptions,
  type CreateProtectionGroupRequest,
  createProtectionGroup,
} from './create.js';
export type { components, operations, paths } from './generated/schema.js';
export { type FinishedJob, type Job, type WaitForJobOptions, waitForJob } from './jobs.js';
export {
  type AnyProblem,
  type GatewayError,
  isGatewayError,
  isProblem,
  type Problem,
  type ProblemCode,
  type ProblemWith,
  retryAfterSeconds,
  SdrsBffError,
} from './problems.js';
export type { Sleep } from './wait.js';
