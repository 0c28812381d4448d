/**
 * Gateway-side authentication of a request signed with AK/SK (`SDK-HMAC-SHA256`), as Huawei's API gateway does
 * it (date window, credential lookup, signed headers). The signature itself is recomputed by the official signer.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { type Answer, gatewayError, jsonAnswer } from './envelopes.js';
import { verifySignature } from './signature.js';

/** Credentials the simulator accepts. */
export interface SimulatorCredentials {
  ak: string;
  sk: string;
  securityToken?: string;
}

/** What authentication needs to know about a request. */
export interface AuthInput {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The `{project_id}` of the path. */
  projectId: string;
  credentials: SimulatorCredentials;
  now: number;
}

/** Exact gateway message for a signature that does not verify. */
export const SIGNATURE_FAIL_MSG =
  'Incorrect IAM authentication information: verify aksk signature fail';
/** Allowed distance between X-Sdk-Date and the simulator clock. */
export const CLOCK_WINDOW_MS = 15 * 60 * 1000;

const DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function parseSdkDate(value: string): number | undefined {
  const m = DATE_PATTERN.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
  return Number.isNaN(ms) ? undefined : ms;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Outcome of {@link checkAuth}: the 401 answer to send, and which verifier judged the signature. */
export interface AuthOutcome {
  denied?: Answer;
  verifiedBy?: 'official' | 'raw';
}

/**
 * Check the request's authentication; `denied` is unset when the request may proceed.
 * All failures are `APIGW.0301` except a stale `X-Sdk-Date` (`APIGW.0303`).
 */
export function checkAuth(input: AuthInput, requestId: string): AuthOutcome {
  const outcome = checkAuthInner(input, requestId);
  return 'status' in outcome ? { denied: outcome } : outcome;
}

function checkAuthInner(input: AuthInput, requestId: string): Answer | AuthOutcome {
  const fail = (msg: string, code = '0301'): Answer =>
    jsonAnswer(401, gatewayError(code, msg, 'APIGW', requestId), requestId);
  const authorization = header(input.headers, 'authorization');
  if (!authorization) return fail(SIGNATURE_FAIL_MSG);
  const access = /^SDK-HMAC-SHA256 Access=([^,\s]+),/.exec(authorization)?.[1];
  if (!access) return fail(SIGNATURE_FAIL_MSG);
  if (access !== input.credentials.ak) {
    return fail(`Incorrect IAM authentication information: ak ${access} not exist`);
  }
  const signed = (/SignedHeaders=([^,\s]+)/.exec(authorization)?.[1] ?? '').split(';');
  const dateText = header(input.headers, 'x-sdk-date');
  const date = dateText === undefined ? undefined : parseSdkDate(dateText);
  if (date === undefined || !signed.includes('x-sdk-date')) return fail(SIGNATURE_FAIL_MSG);
  if (Math.abs(input.now - date) > CLOCK_WINDOW_MS) {
    return fail('Incorrect app authentication information: signature expired', '0303');
  }
  const token = header(input.headers, 'x-security-token');
  if (token !== input.credentials.securityToken) {
    return fail('Incorrect IAM authentication information: verify security token fail');
  }
  if (token !== undefined && !signed.includes('x-security-token')) {
    return fail(SIGNATURE_FAIL_MSG);
  }
  const verdict = verifySignature({
    method: input.method,
    url: input.url,
    headers: input.headers,
    body: input.body,
    credentials: input.credentials,
    now: new Date(input.now),
  });
  if (!verdict.ok) return fail(SIGNATURE_FAIL_MSG);
  const projectHeader = header(input.headers, 'x-project-id');
  if (projectHeader !== input.projectId) {
    return fail(
      `Incorrect IAM authentication information: X-Project-Id ${projectHeader ?? '(missing)'} does not match the project in the URL`,
    );
  }
  return { verifiedBy: verdict.verifier };
}
