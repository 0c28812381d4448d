/**
 * Builders for the error envelopes the SDRS upstream and the API gateway in front of it send
 * (the error dialects of the SDRS API reference). Exported so tests can inject the exact same shapes.
 */
import { randomBytes } from 'node:crypto';

/** Prefix of an API gateway error code: `APIGW.0308` or the older/alternative `APIG.0308`. */
export type GatewayPrefix = 'APIGW' | 'APIG';

/** An HTTP answer the simulator is about to send. `body` is the exact text on the wire. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A fresh request id: 32 lowercase hex characters, as the gateway uses. */
export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * SDRS service error body: `{"error": {"code": "SDRS.0202", "message": "..."}}`.
 * The docs say the outer key may also be `badrequest`, `itemNotFound`, …
 *
 * @example sdrsError('SDRS.1013', 'Protection group not found', 'itemNotFound')
 */
export function sdrsError(
  code: string,
  message: string,
  outerKey = 'error',
): Record<string, { code: string; message: string }> {
  return { [outerKey]: { code, message } };
}

/** SDRS's answer to a poll of a job it does not know: `SDRS.0408` "Null job", HTTP 500 as its error table lists it. */
export const NULL_JOB = { status: 500, code: 'SDRS.0408', message: 'Null job' } as const;

/**
 * SDRS's own permission codes, each with the message of its error table; SDRS answers them with
 * HTTP 400 (the `permission-denied` toggle and the fault tests send them).
 */
export const PERMISSION_ERRORS = {
  'SDRS.0001': 'Invalid tenant ID',
  'SDRS.0002': 'Invalid tenant token',
  'SDRS.0003': 'Invalid roles',
  'SDRS.0004': 'Incorrect API invoking permissions',
  'SDRS.0005': 'No permission for the operation',
} as const;

/** One of SDRS's permission codes. */
export type PermissionCode = keyof typeof PERMISSION_ERRORS;

/** The 400 answer body SDRS sends for a permission code: `{"error":{code,message}}`. */
export function permissionError(
  code: PermissionCode,
): Record<string, { code: string; message: string }> {
  return sdrsError(code, PERMISSION_ERRORS[code]);
}

/**
 * API gateway error body: `{"error_code": "APIGW.0301", "error_msg": "...", "request_id": "..."}`.
 * `code` is either the number part (`'0308'`, prefixed with `prefix`) or a full code
 * (`'APIGW.0301'`, `'APIG.0308'`, used as is).
 */
export function gatewayError(
  code: string,
  msg: string,
  prefix: GatewayPrefix = 'APIGW',
  requestId: string = newRequestId(),
): { error_code: string; error_msg: string; request_id: string } {
  const fullCode = code.includes('.') ? code : `${prefix}.${code}`;
  return { error_code: fullCode, error_msg: msg, request_id: requestId };
}

/**
 * IAM / keystone-style error body with a NUMERIC code:
 * `{"error": {"code": 401, "message": "...", "title": "Unauthorized"}}`.
 */
export function keystoneError(
  code = 401,
  message = 'The request you have made requires authentication.',
  title = 'Unauthorized',
): { error: { code: number; message: string; title: string } } {
  return { error: { code, message, title } };
}

/** A gateway-style HTML error page (what a proxy or load balancer sends on 502/503/504). */
export function htmlPage(status: number): string {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return (
    `<!DOCTYPE html>\n<html><head><title>${title}</title></head>\n` +
    `<body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`
  );
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** A JSON answer with the standard simulator headers. */
export function jsonAnswer(
  status: number,
  body: unknown,
  requestId: string,
  extraHeaders: Record<string, string> = {},
): Answer {
  return {
    status,
    headers: {
      'content-type': 'application/json;charset=UTF-8',
      'x-request-id': requestId,
      ...extraHeaders,
    },
    body: JSON.stringify(body),
  };
}

/** Gateway 404 `APIGW.0101` (unknown path or project). */
export function notFoundAnswer(requestId: string): Answer {
  return jsonAnswer(
    404,
    gatewayError(
      '0101',
      'The API does not exist or has not been published in the environment',
      'APIGW',
      requestId,
    ),
    requestId,
  );
}

/** Gateway 429 `APIGW.0308` with an optional `Retry-After` (seconds); `limit` goes in the message. */
export function throttleAnswer(
  requestId: string,
  retryAfter?: number,
  prefix: GatewayPrefix = 'APIGW',
  limit = 200,
): Answer {
  const body = gatewayError(
    '0308',
    `The throttling threshold has been reached: policy user over ratelimit,limit:${limit},time:1 second`,
    prefix,
    requestId,
  );
  const extra: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': `${retryAfter}` };
  return jsonAnswer(429, body, requestId, extra);
}
