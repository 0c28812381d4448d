import type { ProblemCode } from '../../lib/problems/catalogue.js';
import type { FaultKind } from '../../simulator/index.js';
import { gatewayError, keystoneError, sdrsError } from '../../simulator/index.js';

/** A fault with the problem every operation must turn it into. */
export interface FaultCase {
  readonly name: string;
  readonly fault: FaultKind & { readonly times?: number };
  readonly code: ProblemCode;
  readonly status: number;
  readonly upstreamCode?: string;
  readonly retryAfter?: number;
}

const TIMEOUT_MS = 300;
export const FAULT_TIMEOUT_MS = TIMEOUT_MS;

const answer = (status: number, body: string | object, headers?: Record<string, string | null>) =>
  ({ kind: 'answer', status, body, ...(headers && { headers }) }) as const;

/**
 * The fault matrix: every transport fault and every upstream error dialect. `times` is
 * set high enough that resends (where allowed) meet the same fault again.
 */
export const FAULT_CASES: readonly FaultCase[] = [
  {
    name: 'latency past the timeout',
    fault: { kind: 'latency', ms: TIMEOUT_MS * 3 },
    code: 'UPSTREAM_TIMEOUT',
    status: 504,
  },
  { name: 'no answer at all', fault: { kind: 'no-answer' }, code: 'UPSTREAM_TIMEOUT', status: 504 },
  {
    name: 'headers then a stalled body',
    fault: { kind: 'slow-body', ms: TIMEOUT_MS * 3, status: 200 },
    code: 'UPSTREAM_TIMEOUT',
    status: 504,
  },
  { name: 'connection reset', fault: { kind: 'reset' }, code: 'UPSTREAM_UNAVAILABLE', status: 502 },
  {
    name: 'reset in the middle of the body',
    fault: { kind: 'reset-mid-body', status: 200 },
    code: 'UPSTREAM_UNAVAILABLE',
    status: 502,
  },
  {
    name: '502 HTML page',
    fault: { kind: 'html', status: 502 },
    code: 'UPSTREAM_UNAVAILABLE',
    status: 502,
  },
  {
    name: '503 HTML page',
    fault: { kind: 'html', status: 503 },
    code: 'UPSTREAM_UNAVAILABLE',
    status: 503,
    retryAfter: 2,
  },
  {
    name: '429 APIGW.0308 with Retry-After',
    fault: { kind: 'throttle', retryAfter: 7 },
    code: 'UPSTREAM_THROTTLED',
    status: 429,
    upstreamCode: 'APIGW.0308',
    retryAfter: 7,
  },
  {
    name: '429 APIG.0308 with a huge Retry-After',
    fault: answer(429, gatewayError('APIG.0308', 'over ratelimit'), { 'retry-after': '86400' }),
    code: 'UPSTREAM_THROTTLED',
    status: 429,
    upstreamCode: 'APIG.0308',
    retryAfter: 60,
  },
  {
    name: 'SDRS error envelope',
    fault: answer(400, sdrsError('SDRS.0203', 'bad AZ')),
    code: 'UPSTREAM_REJECTED',
    status: 422,
    upstreamCode: 'SDRS.0203',
  },
  {
    name: 'SDRS badrequest envelope',
    fault: answer(400, sdrsError('SDRS.0201', 'bad params', 'badrequest')),
    code: 'UPSTREAM_REJECTED',
    status: 422,
    upstreamCode: 'SDRS.0201',
  },
  {
    name: 'SDRS itemNotFound envelope',
    fault: answer(404, sdrsError('SDRS.1013', 'not found', 'itemNotFound')),
    code: 'UPSTREAM_REJECTED',
    status: 422,
    upstreamCode: 'SDRS.1013',
  },
  {
    name: 'SDRS 500 envelope',
    fault: answer(500, sdrsError('SDRS.1014', 'create failed')),
    code: 'UPSTREAM_UNAVAILABLE',
    status: 502,
    upstreamCode: 'SDRS.1014',
  },
  {
    name: 'gateway APIGW.0301 (bad signature)',
    fault: { ...answer(401, gatewayError('APIGW.0301', 'verify aksk signature fail')), times: 5 },
    code: 'UPSTREAM_AUTH_FAILED',
    status: 502,
    upstreamCode: 'APIGW.0301',
  },
  {
    name: 'gateway APIG.0307 (token must be updated)',
    fault: { ...answer(401, gatewayError('APIG.0307', 'The token must be updated')), times: 5 },
    code: 'UPSTREAM_AUTH_FAILED',
    status: 502,
    upstreamCode: 'APIG.0307',
  },
  {
    name: 'gateway APIGW.0302 (not authorized)',
    fault: answer(403, gatewayError('APIGW.0302', 'not authorized')),
    code: 'UPSTREAM_AUTH_FAILED',
    status: 502,
    upstreamCode: 'APIGW.0302',
  },
  {
    // SDRS answers its permission codes with 400: still the service account's fault, not the input's.
    name: 'SDRS.0004 (no API permission, HTTP 400)',
    fault: answer(400, sdrsError('SDRS.0004', 'Incorrect API invoking permissions')),
    code: 'UPSTREAM_AUTH_FAILED',
    status: 502,
    upstreamCode: 'SDRS.0004',
  },
  {
    name: 'keystone numeric code',
    fault: { ...answer(401, keystoneError()), times: 5 },
    code: 'UPSTREAM_AUTH_FAILED',
    status: 502,
  },
  {
    name: 'IAM error_code envelope',
    fault: answer(403, { error_code: 'IAM.0006', error_msg: 'forbidden' }),
    code: 'UPSTREAM_AUTH_FAILED',
    status: 502,
    upstreamCode: 'IAM.0006',
  },
  {
    name: '409 conflict',
    fault: answer(409, sdrsError('SDRS.1002', 'not allowed in current state')),
    code: 'UPSTREAM_CONFLICT',
    status: 409,
    upstreamCode: 'SDRS.1002',
  },
  { name: 'empty 500 body', fault: answer(500, ''), code: 'UPSTREAM_UNAVAILABLE', status: 502 },
  {
    name: 'truncated JSON',
    fault: answer(500, '{"error": {"code": "SDRS.00'),
    code: 'UPSTREAM_UNAVAILABLE',
    status: 502,
  },
  {
    name: 'a 1 MiB error body',
    fault: answer(500, 'x'.repeat(1024 * 1024), { 'content-type': 'text/plain' }),
    code: 'UPSTREAM_UNAVAILABLE',
    status: 502,
  },
  {
    name: 'JSON labelled text/plain',
    fault: answer(400, sdrsError('SDRS.0205', 'bad domain'), { 'content-type': 'text/plain' }),
    code: 'UPSTREAM_REJECTED',
    status: 422,
    upstreamCode: 'SDRS.0205',
  },
  {
    name: 'no content type',
    fault: answer(400, sdrsError('SDRS.0204', 'bad vpc'), { 'content-type': null }),
    code: 'UPSTREAM_REJECTED',
    status: 422,
    upstreamCode: 'SDRS.0204',
  },
  { name: 'status 599', fault: answer(599, 'odd'), code: 'UPSTREAM_UNAVAILABLE', status: 502 },
  {
    name: 'status 302 redirect',
    fault: answer(302, '', { location: 'http://127.0.0.1:1/' }),
    code: 'UPSTREAM_UNAVAILABLE',
    status: 502,
  },
  {
    name: 'a 200 that is not JSON',
    fault: answer(200, '<html>ok</html>', { 'content-type': 'text/html' }),
    code: 'UPSTREAM_UNAVAILABLE',
    status: 502,
  },
];
