/**
 * The simulator's HTTP control: fault toggles a front-end developer sets with curl while `npm start`
 * runs, so every error a UI must handle can be produced on demand (simulator/README.md).
 *
 *   POST   /_simulator/faults   queue a toggle: the next `times` calls of `operation` get `fault`
 *   GET    /_simulator/faults   what is still queued
 *   DELETE /_simulator/faults   drop every queued toggle
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  gatewayError,
  PERMISSION_ERRORS,
  type PermissionCode,
  permissionError,
  sdrsError,
} from './envelopes.js';
import type { Fault, FaultQueue, FaultRoute } from './faults.js';
import { readBody } from './http.js';
import { JOB_FAIL_CODE, type SimulatorState } from './state.js';

/** Path prefix of the control; SDRS paths all start with `/v1/`, so nothing collides. */
export const CONTROL_PATH = '/_simulator/faults';

/** The toggles a front end can ask for, with the problem the BFF then answers. */
export const TOGGLES = [
  'throttled', // 429 APIGW.0308 + Retry-After → UPSTREAM_THROTTLED
  'unavailable', // 503 + Retry-After → UPSTREAM_UNAVAILABLE (503)
  'failing', // 500 → UPSTREAM_UNAVAILABLE (502)
  'timeout', // no answer at all → UPSTREAM_TIMEOUT (after SDRS_TIMEOUT_MS)
  'rejected', // 4xx {"error":{code,message}} → UPSTREAM_REJECTED, or UPSTREAM_CONFLICT for 409
  'credentials-rejected', // 403 APIGW.0302 → UPSTREAM_AUTH_FAILED
  'permission-denied', // 400 SDRS.0001–SDRS.0005 (`code`, default SDRS.0004) → UPSTREAM_AUTH_FAILED
  'job-fails', // the next creates' jobs end FAIL with `code` → a failed job, UPSTREAM_JOB_FAILED
] as const;
export type ToggleName = (typeof TOGGLES)[number] | 'store-unavailable';

const OPERATIONS: readonly FaultRoute[] = ['create', 'job', 'list', 'show', 'domains', 'any'];
const SDRS_CODE = /^[A-Za-z]{2,10}\.\d{3,5}$/;

/** A parsed, valid toggle request. */
export interface Toggle {
  readonly operation: FaultRoute | 'idempotency-store';
  readonly fault: ToggleName;
  readonly times: number;
  readonly retryAfter: number;
  readonly status: number;
  readonly code?: string;
  readonly message?: string;
  readonly afterAccept: boolean;
}

/** Where toggles go: the fault queue, the simulator state, and outside switches (`npm start`). */
export interface ControlTargets {
  readonly faults: FaultQueue;
  readonly state: SimulatorState;
  /** Makes the next `times` calls to the idempotency store fail (set by `npm start`). */
  readonly idempotencyStoreOutage?: (times: number) => void;
}

/** A toggle request the control cannot carry out: answered 400 with `problems`. */
export class ToggleError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid toggle: ${problems.join('; ')}`);
    this.name = 'ToggleError';
  }
}

function integer(value: unknown, name: string, min: number, max: number, problems: string[]) {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}`);
    return undefined;
  }
  return value;
}

/** Reads and checks a toggle request body; every problem is reported at once. */
export function parseToggle(input: unknown): Toggle {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ToggleError(['the body must be a JSON object']);
  }
  const body = input as Record<string, unknown>;
  const problems: string[] = [];
  const store = body.operation === 'idempotency-store';
  if (!store && !OPERATIONS.includes(body.operation as FaultRoute)) {
    problems.push(`operation must be one of ${[...OPERATIONS, 'idempotency-store'].join(', ')}`);
  }
  const fault = body.fault as ToggleName;
  if (store && fault !== 'unavailable') {
    problems.push('the idempotency store only takes fault "unavailable"');
  } else if (!store && !TOGGLES.includes(fault as (typeof TOGGLES)[number])) {
    problems.push(`fault must be one of ${TOGGLES.join(', ')}`);
  }
  if (fault === 'job-fails' && body.operation !== 'create') {
    problems.push('fault "job-fails" applies to operation "create"');
  }
  if (
    fault === 'permission-denied' &&
    body.code !== undefined &&
    !Object.hasOwn(PERMISSION_ERRORS, String(body.code))
  ) {
    problems.push(
      `fault "permission-denied" takes code ${Object.keys(PERMISSION_ERRORS).join(', ')}`,
    );
  }
  const times = integer(body.times, 'times', 1, 1000, problems) ?? 1;
  const retryAfter = integer(body.retryAfter, 'retryAfter', 0, 3600, problems) ?? 5;
  const status = integer(body.status, 'status', 400, 499, problems) ?? 400;
  const code = body.code;
  if (code !== undefined && (typeof code !== 'string' || !SDRS_CODE.test(code))) {
    problems.push('code must look like an SDRS code, e.g. SDRS.0203');
  }
  const message = body.message;
  if (message !== undefined && (typeof message !== 'string' || message.length > 500)) {
    problems.push('message must be a string of at most 500 characters');
  }
  if (body.afterAccept !== undefined && typeof body.afterAccept !== 'boolean') {
    problems.push('afterAccept must be true or false');
  }
  if (problems.length > 0) throw new ToggleError(problems);
  return {
    operation: body.operation as Toggle['operation'],
    fault: store ? 'store-unavailable' : fault,
    times,
    retryAfter,
    status,
    ...(typeof code === 'string' && { code }),
    ...(typeof message === 'string' && { message }),
    afterAccept: body.afterAccept === true,
  };
}

/** The simulator fault a toggle stands for (undefined for the job and store toggles). */
function faultOf(toggle: Toggle): Fault | undefined {
  const route = toggle.operation as FaultRoute;
  const base = { route, times: toggle.times };
  const retryAfter = { 'retry-after': String(toggle.retryAfter) };
  switch (toggle.fault) {
    case 'throttled':
      return { ...base, kind: 'throttle', retryAfter: toggle.retryAfter };
    case 'unavailable':
      return {
        ...base,
        kind: 'answer',
        status: 503,
        body: gatewayError('0202', toggle.message ?? 'Backend service unavailable'),
        headers: retryAfter,
      };
    case 'failing':
      return {
        ...base,
        kind: 'answer',
        status: 500,
        body: sdrsError(toggle.code ?? 'SDRS.0500', toggle.message ?? 'Internal server error'),
      };
    case 'timeout':
      return { ...base, kind: 'no-answer', afterAccept: toggle.afterAccept };
    case 'rejected':
      return {
        ...base,
        kind: 'answer',
        status: toggle.status,
        body: sdrsError(toggle.code ?? 'SDRS.0203', toggle.message ?? 'Invalid availability zone'),
      };
    case 'permission-denied':
      return {
        ...base,
        kind: 'answer',
        status: 400,
        body: permissionError((toggle.code ?? 'SDRS.0004') as PermissionCode),
      };
    case 'credentials-rejected':
      return {
        ...base,
        kind: 'answer',
        status: 403,
        body: gatewayError('0302', 'The IAM user is not authorized to access the API'),
      };
    default:
      return undefined;
  }
}

/** Carries a toggle out. */
function applyToggle(toggle: Toggle, targets: ControlTargets): void {
  if (toggle.fault === 'store-unavailable') {
    if (!targets.idempotencyStoreOutage) {
      throw new ToggleError(['this simulator was started without an idempotency store to break']);
    }
    targets.idempotencyStoreOutage(toggle.times);
    return;
  }
  if (toggle.fault === 'job-fails') {
    targets.state.failNextJobs({
      code: toggle.code ?? JOB_FAIL_CODE,
      ...(toggle.message && { reason: toggle.message }),
      times: toggle.times,
    });
    return;
  }
  const fault = faultOf(toggle);
  if (fault) targets.faults.push(fault);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': `${Buffer.byteLength(text)}`,
  });
  res.end(text);
}

function pending(targets: ControlTargets) {
  return { faults: targets.faults.list(), jobFailures: targets.state.pendingJobFailures() };
}

/** Answers one control request (the caller checked that the path starts with `/_simulator/`). */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  targets: ControlTargets,
): Promise<void> {
  // Like the local DynamoDB: a web page must not be able to break the developer's simulator.
  // Browsers send `Origin` on every cross-origin request (a no-preflight text/plain POST too).
  if (req.headers.origin !== undefined) return reply(res, 403, { error: 'no browsers' });
  const path = new URL(req.url ?? '/', 'http://simulator').pathname.replace(/\/$/, '');
  if (path !== CONTROL_PATH) return reply(res, 404, { error: `no control at ${path}` });
  if (req.method === 'GET') return reply(res, 200, pending(targets));
  if (req.method === 'DELETE') {
    targets.faults.clear();
    targets.state.clearJobFailures();
    return reply(res, 200, pending(targets));
  }
  if (req.method !== 'POST') return reply(res, 405, { error: 'use GET, POST or DELETE' });
  const { body, tooLarge } = await readBody(req);
  try {
    if (tooLarge) throw new ToggleError(['the body is too large']);
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      throw new ToggleError(['the body must be JSON']);
    }
    const toggle = parseToggle(input);
    applyToggle(toggle, targets);
    return reply(res, 201, { queued: toggle, pending: pending(targets) });
  } catch (error) {
    if (error instanceof ToggleError) return reply(res, 400, { errors: error.problems });
    throw error;
  }
}
