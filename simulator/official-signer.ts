/**
 * Typed test wrapper around the OFFICIAL Huawei Node signer
 * (`@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner`, devDependency, CJS). Used as an oracle for
 * lib/upstream/signer.ts and by the SDRS simulator to verify incoming signatures, so every
 * integration test also checks our signer against the official one.
 *
 * Quirks of AKSKSigner.sign (3.1.211) this wrapper works around:
 * - it hashes `JSON.stringify(request.data)`, never raw bytes, and treats falsy `data` (`0`,
 *   `false`, `null`, `''`) as "no body". We therefore only accept bodies that are exactly
 *   `JSON.stringify` output and pass `{ toJSON: () => parsed }`, which is always truthy and
 *   stringifies back to the same text.
 * - the date is only taken from a header spelled exactly `X-Sdk-Date` (a lower-case
 *   `x-sdk-date` is signed as an ordinary header AND a fresh date is added);
 *   `X-Sdk-Content-Sha256` is likewise only honoured with that spelling.
 * - `host` (lower-case key) overrides the endpoint host; without it the host comes from legacy
 *   `url.parse`, which keeps default ports (`:443`), unlike WHATWG `URL`. It always signs host.
 * - the path comes from `url.parse(endpoint).pathname` and is encoded WITHOUT decoding first;
 *   `url.parse` also auto-escapes space, `'`, `"`, `<>`, backtick, `{}`, `|`, `^` and turns `\`
 *   into `/`. We hand it the decoded path (gateway semantics) and refuse paths it would mangle.
 * - array query values are sorted in place (we pass copies); `content-type` values containing
 *   `multipart/form-data` are silently dropped from signing.
 */

import { timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { parse as legacyUrlParse } from 'node:url';

interface OfficialRequest {
  method: string;
  endpoint: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | string[]>;
  data?: { toJSON(): unknown };
}

interface OfficialCredential {
  getAk(): string;
  getSk(): string;
}

interface AkskSignerClass {
  sign(request: OfficialRequest, credential: OfficialCredential): Record<string, string>;
}

const requireCjs = createRequire(import.meta.url);
const { AKSKSigner } = requireCjs('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: AkskSignerClass;
};

/** Header spellings the official signer looks up case-sensitively. */
const OFFICIAL_SPELLING: Readonly<Record<string, string>> = {
  'x-sdk-date': 'X-Sdk-Date',
  'x-sdk-content-sha256': 'X-Sdk-Content-Sha256',
};

const AUTHORIZATION =
  /^SDK-HMAC-SHA256 Access=([^\s,=]+), SignedHeaders=([!#$%&'*+\-.^_`|~0-9a-z]+(?:;[!#$%&'*+\-.^_`|~0-9a-z]+)*), Signature=([0-9a-f]{64})$/;
/** 2024-05-01T12:34:56.000Z -> 20240501T123456Z once these are removed. */
const ISO_NOISE = /[-:]|\.\d{3}/g;
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
/** The API gateway rejects requests whose X-Sdk-Date is further than this from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

class NotRepresentable extends Error {}

/** Decodes each path segment; refuses paths the official signer's `url.parse` would alter. */
function officialEndpoint(url: URL): string {
  const segments = url.pathname.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw new NotRepresentable('malformed percent-encoding in path');
    }
  });
  if (segments.some((segment) => segment.includes('/'))) {
    throw new NotRepresentable('path segment contains an encoded "/"');
  }
  const path = segments.join('/');
  const endpoint = `${url.protocol}//${url.host}${path}`;
  if (legacyUrlParse(endpoint).pathname !== path) {
    throw new NotRepresentable(`path ${JSON.stringify(path)} is altered by url.parse`);
  }
  return endpoint;
}

function officialQuery(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

function officialData(body: string | undefined): OfficialRequest['data'] {
  if (body === undefined || body === '') return undefined;
  const parsed: unknown = JSON.parse(body);
  if (JSON.stringify(parsed) !== body) throw new NotRepresentable('body not canonical JSON');
  return { toJSON: () => parsed };
}

function callOfficial(
  method: string,
  url: URL,
  headers: Record<string, string>,
  data: OfficialRequest['data'],
  ak: string,
  sk: string,
): Record<string, string> {
  const signed = AKSKSigner.sign(
    { method, endpoint: officialEndpoint(url), headers, queryParams: officialQuery(url), data },
    { getAk: () => ak, getSk: () => sk },
  );
  return Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Input of {@link officialSign}; mirrors `RequestToSign` + credentials + a fixed clock. */
export interface OfficialSignInput {
  readonly method: string;
  readonly url: URL;
  /** Extra headers to sign (must not contain host / x-sdk-date). */
  readonly headers: Readonly<Record<string, string>>;
  /** Must be `JSON.stringify` output (or empty/absent); see the module comment. */
  readonly body?: string;
  readonly now: Date;
  readonly ak: string;
  readonly sk: string;
  /** Added as `X-Security-Token` before signing, like the SDK's credentials do. */
  readonly securityToken?: string;
}

/** Signs with the official SDK signer; returns its header set with lower-case names. */
export function officialSign(input: OfficialSignInput): Record<string, string> {
  const headers: Record<string, string> = { ...input.headers };
  if (input.securityToken !== undefined) headers['X-Security-Token'] = input.securityToken;
  // Independent of our formatSdkDate on purpose: 2024-05-01T12:34:56.000Z -> 20240501T123456Z.
  headers['X-Sdk-Date'] = input.now.toISOString().replace(ISO_NOISE, '');
  const data = officialData(input.body);
  return callOfficial(input.method, input.url, headers, data, input.ak, input.sk);
}

/** Request as received by a server (header names lower-case, e.g. Node's `req.headers`). */
export interface ReceivedRequest {
  readonly method: string;
  /** Full URL as received, query included. */
  readonly url: URL;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: Uint8Array;
  readonly credentials: {
    readonly ak: string;
    readonly sk: string;
    readonly securityToken?: string;
  };
  /** Verifier clock, defaults to now. */
  readonly now?: Date;
}

export type VerifyResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const fail = (reason: string): VerifyResult => ({ ok: false, reason });

function sdkDateMillis(value: string): number | undefined {
  const m = SDK_DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const ms = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  return new Date(ms).toISOString().replace(ISO_NOISE, '') === value ? ms : undefined;
}

function verifyBody(body: Uint8Array): OfficialRequest['data'] | string {
  if (body.length === 0) return undefined;
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return 'body not canonical JSON';
  }
  if (!Buffer.from(JSON.stringify(parsed), 'utf8').equals(bytes)) return 'body not canonical JSON';
  return { toJSON: () => parsed };
}

/** Checks SignedHeaders; returns the received values keyed as the official signer expects. */
function signedHeaderValues(
  names: readonly string[],
  request: ReceivedRequest,
): Record<string, string> | string {
  if (names.some((name, i) => i > 0 && name <= (names[i - 1] as string))) {
    return 'SignedHeaders not sorted and unique';
  }
  for (const required of ['host', 'x-sdk-date']) {
    if (!names.includes(required)) return `${required} is not signed`;
  }
  const { credentials, headers } = request;
  if (credentials.securityToken !== undefined) {
    if (!names.includes('x-security-token')) return 'x-security-token is not signed';
    if (headers['x-security-token'] !== credentials.securityToken) return 'wrong security token';
  } else if (headers['x-security-token'] !== undefined) {
    return 'unexpected x-security-token';
  }
  const values: Record<string, string> = Object.create(null);
  for (const name of names) {
    const value = headers[name];
    if (typeof value !== 'string') return `signed header ${name} missing or repeated`;
    values[OFFICIAL_SPELLING[name] ?? name] = value;
  }
  const date = sdkDateMillis(values['X-Sdk-Date'] as string);
  if (date === undefined) return 'malformed x-sdk-date';
  if (Math.abs((request.now ?? new Date()).getTime() - date) > MAX_CLOCK_SKEW_MS) {
    return 'x-sdk-date outside the 15 minute window';
  }
  return values;
}

/**
 * Verifies an `SDK-HMAC-SHA256` signature like the API gateway would (AK, SignedHeaders, 15 min
 * clock window, temporary-credential token), recomputing it with the OFFICIAL signer over exactly
 * the names in `SignedHeaders` and the received values; signatures are compared in constant time.
 * Bodies must be `JSON.stringify` output (or empty), which is all our client sends.
 */
export function verifySignature(request: ReceivedRequest): VerifyResult {
  const { authorization } = request.headers;
  if (typeof authorization !== 'string') return fail('missing or repeated authorization header');
  const match = AUTHORIZATION.exec(authorization);
  if (!match) return fail('malformed authorization header');
  const [, access = '', signedHeaderList = '', signature = ''] = match;
  if (access !== request.credentials.ak) return fail('unknown access key');
  const headers = signedHeaderValues(signedHeaderList.split(';'), request);
  if (typeof headers === 'string') return fail(headers);
  const data = verifyBody(request.body);
  if (typeof data === 'string') return fail(data);
  let expected: RegExpExecArray | null;
  try {
    const { method, url, credentials } = request;
    const official = callOfficial(method, url, headers, data, access, credentials.sk);
    expected = AUTHORIZATION.exec(official.authorization ?? '');
  } catch (error) {
    if (error instanceof NotRepresentable) return fail(error.message);
    throw error;
  }
  if (!expected || expected[2] !== signedHeaderList) {
    return fail('SignedHeaders cannot be reproduced by the official signer');
  }
  const ok = timingSafeEqual(Buffer.from(expected[3] as string), Buffer.from(signature));
  return ok ? { ok: true } : fail('signature mismatch');
}
