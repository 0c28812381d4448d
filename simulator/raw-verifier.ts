/**
 * Byte-level `SDK-HMAC-SHA256` verifier (canonical request → string to sign → HMAC), used ONLY for bodies the
 * official-signer oracle cannot represent (anything that is not `JSON.stringify` output, e.g. a
 * deliberately broken JSON body). Everything else is verified by the official signer.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What the signature covers. */
export interface RawSignInput {
  method: string;
  url: URL;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  body: Uint8Array;
}

/** Result of a verification. */
export type RawVerifyResult = { ok: true } | { ok: false; reason: string };

function encode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Lower-case hex signature over `signedHeaders` (sorted `;`-joined names), the decoded path and
 * query, and the exact body bytes. Throws when a signed header is missing or repeated.
 */
export function rawSignature(input: RawSignInput, signedHeaders: string, sk: string): string {
  let headerBlock = '';
  for (const name of signedHeaders.split(';')) {
    const value = input.headers[name];
    if (typeof value !== 'string') throw new Error(`signed header ${name} missing or repeated`);
    headerBlock += `${name}:${value.trim()}\n`;
  }
  let path = input.url.pathname
    .split('/')
    .map((segment) => encode(decodeURIComponent(segment)))
    .join('/');
  if (!path.endsWith('/')) path += '/';
  const params = input.url.searchParams;
  const query = [...new Set(params.keys())]
    .sort()
    .flatMap((key) =>
      params
        .getAll(key)
        .sort()
        .map((value) => `${encode(key)}=${encode(value)}`),
    )
    .join('&');
  const payloadHash = createHash('sha256').update(input.body).digest('hex');
  const canonical = [input.method, path, query, headerBlock, signedHeaders, payloadHash].join('\n');
  const date = input.headers['x-sdk-date'];
  const digest = createHash('sha256').update(canonical).digest('hex');
  const toSign = `SDK-HMAC-SHA256\n${typeof date === 'string' ? date : ''}\n${digest}`;
  return createHmac('sha256', sk).update(toSign).digest('hex');
}

/** Verify the `Authorization` header of a request against `ak`/`sk`. */
export function verifyRawSignature(input: RawSignInput, ak: string, sk: string): RawVerifyResult {
  const authorization = input.headers.authorization;
  if (typeof authorization !== 'string') return { ok: false, reason: 'no authorization header' };
  const m =
    /^SDK-HMAC-SHA256 Access=([^\s,]+), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!m) return { ok: false, reason: 'malformed authorization header' };
  const [, access = '', signedHeaders = '', signature = ''] = m;
  if (access !== ak) return { ok: false, reason: 'unknown access key' };
  const names = signedHeaders.split(';');
  if (!names.includes('host') || !names.includes('x-sdk-date')) {
    return { ok: false, reason: 'host and x-sdk-date must be signed' };
  }
  let expected: string;
  try {
    expected = rawSignature(input, signedHeaders, sk);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const same = timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  return same ? { ok: true } : { ok: false, reason: 'signature mismatch' };
}
