/**
 * Authentication of a delivery on its raw bytes, before anything parses them. Every comparison is
 * constant-time; every secret of the source is tried, so a rotation can overlap old and new.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type {
  HubSignatureAuth,
  SharedTokenAuth,
  SignedTimestamp,
  WebhookAuth,
} from './config-types.js';
import { WebhookAuthenticationError } from './errors.js';
import { evaluate } from './expressions.js';

/** Lower-case header names, as `lowerCaseHeaders` leaves them. */
export type Headers = Readonly<Record<string, string | undefined>>;

/** The Standard Webhooks tolerance, as in the reference library (5 minutes either way). */
export const STANDARD_WEBHOOKS_TOLERANCE_SECONDS = 5 * 60;

/** Equal bytes, compared in constant time for equal lengths (a length mismatch is not secret). */
export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function standardWebhooks(headers: Headers, body: Buffer, secrets: readonly string[], now: number) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signature = headers['webhook-signature'];
  if (!id || !timestamp || !signature) throw new WebhookAuthenticationError('missing-headers');
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookAuthenticationError('malformed-signature');
  if (Math.abs(now / 1000 - Number(timestamp)) > STANDARD_WEBHOOKS_TOLERANCE_SECONDS) {
    throw new WebhookAuthenticationError('stale-timestamp');
  }
  const signed = {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signature,
  };
  // A secret the library cannot decode is a configuration error and propagates as such (500).
  const verifiers = secrets.map((secret) => new Webhook(secret));
  for (const verifier of verifiers) {
    try {
      verifier.verify(body, signed, { jsonParse: false });
      return;
    } catch {
      // try the next secret
    }
  }
  throw new WebhookAuthenticationError('no-matching-signature');
}

function hubSignature(
  auth: HubSignatureAuth,
  headers: Headers,
  body: Buffer,
  secrets: readonly string[],
) {
  const value = headers[auth.header];
  if (!value) throw new WebhookAuthenticationError('missing-headers');
  const match = /^sha256=([0-9a-f]{64})$/i.exec(value.trim());
  if (!match?.[1]) throw new WebhookAuthenticationError('malformed-signature');
  const received = Buffer.from(match[1], 'hex');
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(body).digest();
    if (constantTimeEqual(received, expected)) return;
  }
  throw new WebhookAuthenticationError('no-matching-signature');
}

function sharedToken(auth: SharedTokenAuth, headers: Headers, secrets: readonly string[]) {
  const value = headers[auth.header];
  if (!value) throw new WebhookAuthenticationError('missing-headers');
  if (!value.startsWith(auth.prefix)) throw new WebhookAuthenticationError('malformed-signature');
  const received = Buffer.from(value.slice(auth.prefix.length).trim(), 'utf8');
  for (const secret of secrets) {
    if (constantTimeEqual(received, Buffer.from(secret, 'utf8'))) return;
  }
  throw new WebhookAuthenticationError('no-matching-signature');
}

/**
 * Throws `WebhookAuthenticationError` unless the raw delivery carries a valid signature (or token)
 * made with one of `secrets`. Standard Webhooks deliveries outside ±5 minutes are refused.
 */
export function verifyDelivery(
  auth: WebhookAuth,
  headers: Headers,
  body: Buffer,
  secrets: readonly string[],
  now: number = Date.now(),
): void {
  if (auth.scheme === 'standard-webhooks') standardWebhooks(headers, body, secrets, now);
  else if (auth.scheme === 'hub-signature') hubSignature(auth, headers, body, secrets);
  else sharedToken(auth, headers, secrets);
}

/**
 * For signatures without a signed header timestamp (hub signature): refuses a verified payload
 * whose own timestamp is missing or outside the tolerance, so a captured delivery cannot be
 * replayed after its deduplication record expired.
 */
export function checkSignedTimestamp(
  spec: SignedTimestamp,
  payload: unknown,
  now: number = Date.now(),
): void {
  const result = evaluate(spec.expression, payload);
  const raw = result.ok ? result.value : undefined;
  const number = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw new WebhookAuthenticationError('malformed-signature');
  }
  const seconds = spec.unit === 'ms' ? number / 1000 : number;
  if (Math.abs(now / 1000 - seconds) > spec.toleranceSeconds) {
    throw new WebhookAuthenticationError('stale-timestamp');
  }
}
