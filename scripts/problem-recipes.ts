/**
 * How to make `npm start` answer each problem code on demand, for the README's error table. Toggles
 * are posted to the simulator's control (simulator/README.md, "Fault toggles"):
 * `curl -X POST localhost:4010/_simulator/faults -H 'content-type: application/json' -d '<toggle>'`.
 * Typed by the catalogue, so a new code cannot be added without saying how to see it.
 */
import type { ProblemCode } from '../lib/problems/catalogue.js';

export const PROBLEM_RECIPES: Record<ProblemCode, string> = {
  VALIDATION_FAILED: 'create with `{"name":"bad name!"}`',
  MALFORMED_JSON: 'create with the body `{"name":`',
  UNSUPPORTED_MEDIA_TYPE: 'create with `Content-Type: text/plain`',
  PAYLOAD_TOO_LARGE: 'create with a body over 16 KiB',
  NOT_FOUND: '`GET /no-such-route`',
  METHOD_NOT_ALLOWED: '`DELETE /protection-groups`',
  UNAUTHENTICATED:
    '`npx tsx scripts/send-webhook.ts jira-cloud --secret wrong`; front-end routes: `AUTH_DISABLED=false npm start`, no token',
  FORBIDDEN:
    '`AUTH_DISABLED=false npm start`, a create with a token from `npm run token -- --scope read`',
  UPSTREAM_REJECTED: 'toggle `{"operation":"create","fault":"rejected","code":"SDRS.0233"}`',
  UPSTREAM_AUTH_FAILED:
    'toggle `{"operation":"create","fault":"credentials-rejected"}` (403 `APIGW.0302`), or toggle `{"operation":"create","fault":"permission-denied","code":"SDRS.0004"}` (400 `SDRS.0001`–`SDRS.0005`)',
  UPSTREAM_THROTTLED: 'toggle `{"operation":"create","fault":"throttled","retryAfter":5}`',
  UPSTREAM_CONFLICT: 'toggle `{"operation":"create","fault":"rejected","status":409}`',
  UPSTREAM_UNAVAILABLE:
    'toggle `{"operation":"list","fault":"failing"}` (502) or `"fault":"unavailable"` (503)',
  UPSTREAM_TIMEOUT: 'toggle `{"operation":"job","fault":"timeout"}` (answers after 10 s)',
  WEBHOOK_SOURCE_UNKNOWN: '`POST /webhooks/no-such-source`',
  WEBHOOK_PAYLOAD_UNMAPPABLE:
    '`npx tsx scripts/send-webhook.ts jira-cloud --payload <a file without the ticket fields>`',
  IDEMPOTENCY_KEY_INVALID: 'create with `Idempotency-Key: short`',
  IDEMPOTENCY_KEY_REUSED: 'the same `Idempotency-Key` with another body',
  IDEMPOTENCY_IN_PROGRESS:
    'toggle `{"operation":"create","fault":"timeout"}`, then the same keyed create twice within 10 s',
  IDEMPOTENCY_STORE_UNAVAILABLE:
    'toggle `{"operation":"idempotency-store","fault":"unavailable"}`, then a create with a key',
  DESIRED_LIST_NOT_FOUND:
    'in the run report of `npm run reconcile -- s3://sdrs-bff-local-reconcile/lists/missing.yaml`',
  S3_ACCESS_DENIED:
    'not on demand under `npm start` (its local S3 grants every request); deployed: a pointer outside `lists/`',
  S3_UNAVAILABLE: 'not on demand under `npm start` (the local S3 has no fault toggle)',
  JOB_NOT_FOUND:
    '`GET /jobs/0123456789abcdef0123456789abcdef` (the simulator answers 500 `SDRS.0408` "Null job", as SDRS documents it)',
  UPSTREAM_JOB_FAILED:
    'toggle `{"operation":"create","fault":"job-fails","code":"SDRS.1014"}`, then create and poll',
  INTERNAL: 'not on demand: it means a defect in the service',
};
