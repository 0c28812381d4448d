import type { ProblemCode } from '../problems/catalogue.js';
import { UpstreamError } from '../problems/errors.js';

/** An upstream answer as read off the wire (body already bounded by the transport). */
export interface UpstreamAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfter: string | undefined;
  readonly body: Buffer;
  /** The body was longer than the transport reads; it is cut. */
  readonly truncated: boolean;
}

const MAX_MESSAGE_CHARS = 200;
const MAX_CODE_CHARS = 40;
const DEFAULT_RETRY_AFTER_SECONDS = 2; // Huawei's FAQ advises retrying a throttled call after 2–5 s
const MAX_RETRY_AFTER_SECONDS = 60;
const GATEWAY_THROTTLED = /^APIGW?\.0308$/;
/** Gateway codes meaning our signature/token is stale: fetching the secret again may fix them. */
const GATEWAY_CREDENTIALS_STALE = /^APIGW?\.(0301|0307)$/;
/** Other gateway codes about our identity or its rights (→ 502, never 401/403 to the caller). */
const GATEWAY_AUTH = /^APIGW?\.(030\d|031\d|080[12])$/;
const GATEWAY_NOT_FOUND = /^APIGW?\.010\d$/;
/**
 * SDRS's own codes about our identity or its rights (invalid tenant ID, tenant token or roles, no
 * API or operation permission): SDRS answers them with HTTP 400, yet the caller's input is not
 * at fault — the service account is (→ 502, like the gateway's). With a 5xx status SDRS failed,
 * whatever the code says, and the answer stays a retryable `UPSTREAM_UNAVAILABLE`.
 */
const SDRS_AUTH = /^SDRS\.000[1-5]$/;

interface Envelope {
  code?: string;
  message?: string;
  requestId?: string;
}

/** Strips markup and control characters and bounds the length: upstream text is untrusted. */
export function sanitiseText(text: string, maxChars = MAX_MESSAGE_CHARS): string {
  const plain = text
    .replace(/<[^>]*>?/g, ' ')
    .replace(/[<>]/g, ' ') // stray brackets left by broken markup
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > maxChars ? `${plain.slice(0, maxChars - 1)}…` : plain;
}

function asNonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Finds code and message in any of Huawei's dialects, in the Go SDK's order: the gateway's
 * `error_code`/`error_msg`, then a top-level `code`/`message`, then any nested object (SDRS puts
 * its `{code, message}` under `error`, `badrequest`, `itemNotFound`, …). A keystone numeric `code`
 * is not a code; its `message`/`title` still is the message.
 */
function readEnvelope(value: unknown, depth = 0): Envelope | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 3) {
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const requestId = asNonEmptyString(record.request_id);
  const gatewayCode = asNonEmptyString(record.error_code);
  if (gatewayCode)
    return { code: gatewayCode, message: asNonEmptyString(record.error_msg), requestId };
  const code = asNonEmptyString(record.code);
  if (code) return { code, message: asNonEmptyString(record.message), requestId };
  for (const nested of Object.values(record)) {
    const found = readEnvelope(nested, depth + 1);
    if (found) return { ...found, requestId: found.requestId ?? requestId };
  }
  const message = asNonEmptyString(record.message) ?? asNonEmptyString(record.title);
  return message ? { message, requestId } : undefined;
}

/** The gateway names our access key id in messages such as `ak XYZ not exist`: keep it out. */
const ACCESS_KEY_MENTION = /\b(ak|access key(?: id)?)\s*[:=]?\s*[A-Z0-9]{8,}/gi;
/** The same for a secret key or security token a message names (`sk=…`, `X-Security-Token: …`). */
const SECRET_MENTION =
  /\b(sk|secret(?:[ _-]access)?[ _-]key|(?:x-)?security[ _-]?token)(["']?\s*[:=]?\s*["']?)[^\s"',;]{8,}/gi;

/**
 * Removes every credential from upstream text before it is cut or shown: the exact values we
 * signed with (`secrets`: access key, secret key, security token) wherever they appear, and any
 * value the text labels as one.
 */
export function redactMessage(
  message: string,
  secrets: readonly string[] = [],
  maxChars = MAX_MESSAGE_CHARS,
): string {
  let text = message;
  for (const secret of secrets) {
    if (secret.length >= 4) text = text.replaceAll(secret, '[redacted]');
  }
  text = text
    .replace(ACCESS_KEY_MENTION, '$1 [redacted]')
    .replace(SECRET_MENTION, '$1$2[redacted]');
  return sanitiseText(text, maxChars);
}

function parseEnvelope(answer: UpstreamAnswer): Envelope {
  const text = answer.body.toString('utf8');
  if (text.trim() === '') return {};
  if (!answer.truncated) {
    try {
      return readEnvelope(JSON.parse(text)) ?? {};
    } catch {
      // not JSON (HTML, plain text, truncated JSON): fall through to the text itself
    }
  }
  return { message: text };
}

/** Reads `Retry-After` (seconds or HTTP date), bounded to 1..60 s. */
export function retryAfterSeconds(header: string | undefined, now = Date.now()): number {
  let seconds = Number.NaN;
  if (header !== undefined && /^\s*\d+\s*$/.test(header)) seconds = Number(header);
  else if (header !== undefined) seconds = (Date.parse(header) - now) / 1000;
  if (!Number.isFinite(seconds)) seconds = DEFAULT_RETRY_AFTER_SECONDS;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(seconds)));
}

function classify(status: number, code: string | undefined): ProblemCode {
  if (status === 429 || (code && GATEWAY_THROTTLED.test(code))) return 'UPSTREAM_THROTTLED';
  const sdrsAuth = code !== undefined && SDRS_AUTH.test(code) && status < 500;
  if (status === 401 || status === 403 || (code && GATEWAY_AUTH.test(code)) || sdrsAuth) {
    return 'UPSTREAM_AUTH_FAILED';
  }
  if (code && GATEWAY_NOT_FOUND.test(code)) return 'UPSTREAM_UNAVAILABLE'; // our endpoint is wrong
  if (status === 409) return 'UPSTREAM_CONFLICT';
  if (status === 408) return 'UPSTREAM_UNAVAILABLE';
  if (status >= 400 && status < 500) return 'UPSTREAM_REJECTED';
  return 'UPSTREAM_UNAVAILABLE';
}

/**
 * Turns any upstream answer that is not a success into one `UpstreamError`: the catalogue code and
 * status, the sanitised upstream code, message and request id (with `secrets`, the credentials the
 * call was signed with, redacted), and a bounded `Retry-After`.
 */
export function normaliseUpstreamAnswer(
  answer: UpstreamAnswer,
  secrets: readonly string[] = [],
): UpstreamError {
  const envelope = parseEnvelope(answer);
  const code = envelope.code ? redactMessage(envelope.code, secrets, MAX_CODE_CHARS) : undefined;
  const problemCode = classify(answer.status, code);
  const message = envelope.message ? redactMessage(envelope.message, secrets) : undefined;
  const requestId = answer.requestId ?? envelope.requestId;
  const throttled = problemCode === 'UPSTREAM_THROTTLED';
  const unavailable = answer.status === 503;
  const retryAfter = throttled || unavailable ? retryAfterSeconds(answer.retryAfter) : undefined;
  return new UpstreamError(
    problemCode,
    `SDRS answered HTTP ${answer.status}${code ? ` ${code}` : ''}`,
    {
      kind: 'answered',
      status: problemCode === 'UPSTREAM_UNAVAILABLE' && unavailable ? 503 : undefined,
      credentialsRejected:
        (code !== undefined && GATEWAY_CREDENTIALS_STALE.test(code)) ||
        (answer.status === 401 && code === undefined),
      upstream: {
        status: answer.status,
        ...(code && { code }),
        ...(message && { message }),
        ...(requestId && { requestId: redactMessage(requestId, secrets, 80) }),
      },
      retryAfterSeconds: retryAfter,
    },
  );
}

/**
 * SDRS answered 2xx but with something this service cannot use (not JSON, too large, the wrong
 * shape): `UPSTREAM_UNAVAILABLE` (502) — the caller can only retry later (with the same
 * Idempotency-Key for a create, which may have been accepted).
 */
export function unexpectedAnswer(
  status: number,
  requestId: string | undefined,
  why: string,
): UpstreamError {
  return new UpstreamError('UPSTREAM_UNAVAILABLE', `SDRS answered ${status} but ${why}`, {
    kind: 'answered',
    detail: 'SDRS sent an answer this service cannot read.',
    upstream: { status, ...(requestId && { requestId }) },
  });
}
