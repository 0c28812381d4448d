/**
 * Huawei Cloud API-gateway AK/SK signing ("SDK-HMAC-SHA256"), written from Huawei's published
 * algorithm on top of node:crypto only. We do not use the official
 * `@huaweicloud/huaweicloud-sdk-core` signer at runtime: it drags in ~44 transitive packages
 * (~23 MB: axios, log4js, moment, lodash, ...) for ~150 lines of hashing. The official signer is a
 * devDependency and serves as the test oracle (test/unit/signer-oracle.test.ts).
 *
 * The algorithm: canonical request = method, URI-encoded path ending in `/`, sorted query, the
 * signed headers (`name:value` lines, lower-case names), their names joined by `;`, and the hex
 * SHA-256 of the body; string to sign = `SDK-HMAC-SHA256`, `X-Sdk-Date`, hex SHA-256 of the
 * canonical request; signature = hex HMAC-SHA256 keyed with the SK.
 *
 * Deliberate choices where the SDKs disagree: path segments are decoded before being
 * re-encoded (gateway/Go/Python behaviour), header values with outer whitespace are refused
 * (Node does not trim, the others do), header names are sorted in plain code-unit order.
 */
import { createHmac, hash } from 'node:crypto';
import type { SdrsCredentials } from '../credentials/credentials.js';

/** Everything about one outgoing request that goes into its signature. */
export interface RequestToSign {
  /** HTTP method, upper-case (`GET`, `POST`, ...). */
  readonly method: string;
  /** Full URL; host (with non-default port), path and query are read from it. */
  readonly url: URL;
  /** Extra headers to sign, e.g. `{'content-type': 'application/json', 'x-project-id': '...'}`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Exact bytes that will be sent (a string is hashed as UTF-8); absent means empty. */
  readonly body?: string | Uint8Array;
}

/** Machine-readable reason of a {@link SigningError}. */
export type SigningErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'INVALID_METHOD'
  | 'INVALID_DATE'
  | 'INVALID_PATH'
  | 'INVALID_HEADER_NAME'
  | 'INVALID_HEADER_VALUE'
  | 'HEADER_WHITESPACE'
  | 'DUPLICATE_HEADER'
  | 'RESERVED_HEADER';

/** Thrown when a request cannot be signed safely; never carries the secret key. */
export class SigningError extends Error {
  override readonly name = 'SigningError';
  /** Why signing was refused. */
  readonly code: SigningErrorCode;

  constructor(code: SigningErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Algorithm name; first token of `Authorization` and first line of the string to sign. */
export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
/** SHA-256 of the empty string: payload hash of a request without body. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
/** Characters `encodeURIComponent` leaves alone but the signing rule encodes. */
const ENCODE_EXTRA = /[!'()*]/g;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting CTLs (not HTAB) is the point
const CONTROL_CHARS = /[\0-\x08\x0a-\x1f\x7f]/;
const METHOD = /^[A-Z]+$/;
const ACCESS_KEY = /^[^\s,=]+$/;
/** Names the signer sets itself; callers may not supply them. */
const RESERVED_HEADERS: ReadonlySet<string> = new Set(['authorization', 'host', 'x-sdk-date']);
const CONTENT_SHA256_HEADER = 'x-sdk-content-sha256';

const hexEscape = (char: string): string => `%${char.charCodeAt(0).toString(16).toUpperCase()}`;

/** UTF-8, keep `A-Z a-z 0-9 - _ . ~`, everything else `%XX` upper-case. */
function percentEncode(value: string): string {
  if (UNRESERVED.test(value)) return value;
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    throw new SigningError('INVALID_PATH', 'Cannot percent-encode a string with lone surrogates');
  }
  return encoded.replace(ENCODE_EXTRA, hexEscape);
}

/** decode then re-encode each segment; the result always ends with `/`. */
function canonicalUri(pathname: string): string {
  if (pathname === '' || pathname === '/') return '/';
  const segments = pathname.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    let decoded = segment;
    if (segment.includes('%')) {
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        throw new SigningError('INVALID_PATH', 'Malformed percent-encoding in path segment');
      }
    }
    segments[i] = percentEncode(decoded);
  }
  const uri = segments.join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** decoded pairs; keys sorted, then each key's values; `k=v` joined by `&`. */
function canonicalQuery(url: URL): string {
  if (url.search === '') return '';
  const byKey = new Map<string, string[]>();
  for (const [key, value] of url.searchParams) {
    const values = byKey.get(key);
    if (values) values.push(value);
    else byKey.set(key, [value]);
  }
  const parts: string[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const encodedKey = percentEncode(key);
    for (const value of (byKey.get(key) as string[]).sort()) {
      parts.push(`${encodedKey}=${percentEncode(value)}`);
    }
  }
  return parts.join('&');
}

type HeaderEntry = [name: string, value: string];

/** Validates one header and returns it lower-cased; `seen` catches case-insensitive duplicates. */
function headerEntry(name: string, value: string, seen: Set<string>): HeaderEntry {
  if (!HEADER_NAME.test(name)) {
    throw new SigningError('INVALID_HEADER_NAME', `Invalid header name ${JSON.stringify(name)}`);
  }
  const lower = name.toLowerCase();
  if (seen.has(lower)) {
    throw new SigningError('DUPLICATE_HEADER', `Header ${lower} is given more than once`);
  }
  seen.add(lower);
  if (typeof value !== 'string' || CONTROL_CHARS.test(value)) {
    throw new SigningError('INVALID_HEADER_VALUE', `Header ${lower} has an invalid value`);
  }
  if (value.trim() !== value) {
    throw new SigningError('HEADER_WHITESPACE', `Header ${lower} has leading/trailing whitespace`);
  }
  return [lower, value];
}

const byName = (a: HeaderEntry, b: HeaderEntry): number => (a[0] < b[0] ? -1 : 1);

function payloadHash(body: string | Uint8Array | undefined, contentSha256: string | undefined) {
  if (contentSha256 !== undefined) return contentSha256;
  if (body === undefined || body.length === 0) return EMPTY_BODY_SHA256;
  return hash('sha256', body, 'hex');
}

interface CanonicalParts {
  readonly canonicalRequest: string;
  readonly signedHeaders: string;
}

/** Canonical request over exactly `headers` (validated, lower-case names, any order). */
function buildCanonical(request: RequestToSign, headers: readonly HeaderEntry[]): CanonicalParts {
  if (!METHOD.test(request.method)) {
    throw new SigningError(
      'INVALID_METHOD',
      `Method must be upper-case letters: ${request.method}`,
    );
  }
  let block = '';
  let signedHeaders = '';
  let contentSha256: string | undefined;
  for (const [name, value] of [...headers].sort(byName)) {
    block += `${name}:${value}\n`;
    signedHeaders = signedHeaders === '' ? name : `${signedHeaders};${name}`;
    if (name === CONTENT_SHA256_HEADER) contentSha256 = value;
  }
  const canonicalRequest = [
    request.method,
    canonicalUri(request.url.pathname),
    canonicalQuery(request.url),
    block,
    signedHeaders,
    payloadHash(request.body, contentSha256),
  ].join('\n');
  return { canonicalRequest, signedHeaders };
}

/**
 * The canonical request. Unlike {@link signRequest}, `request.headers` must be
 * the COMPLETE set of headers to sign, `host` and `x-sdk-date` included (as a verifier sees it).
 */
export function canonicalRequest(request: RequestToSign): string {
  const seen = new Set<string>();
  const entries = Object.keys(request.headers).map((name) =>
    headerEntry(name, request.headers[name] as string, seen),
  );
  return buildCanonical(request, entries).canonicalRequest;
}

/** `SDK-HMAC-SHA256\n<x-sdk-date>\n<hex sha256 of the canonical request>`. */
export function stringToSign(sdkDate: string, canonical: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${hash('sha256', canonical, 'hex')}`;
}

/** lower-case hex HMAC-SHA256 keyed directly with the SK (UTF-8). */
export function signString(sk: string, toSign: string): string {
  return createHmac('sha256', sk).update(toSign).digest('hex');
}

/** Formats a date as the `X-Sdk-Date` value `YYYYMMDDTHHMMSSZ` (UTC, milliseconds dropped). */
export function formatSdkDate(date: Date): string {
  const iso = Number.isFinite(date.getTime()) ? date.toISOString() : '';
  if (iso.length !== 24) {
    throw new SigningError('INVALID_DATE', 'Signing date must be a valid date in years 0-9999');
  }
  // 2024-05-01T12:34:56.789Z -> 20240501T123456Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/**
 * Signs a request. Returns the complete set of headers to send (names lower-case): the given
 * headers + `host` + `x-sdk-date` (+ `x-security-token` when the credentials have one) +
 * `authorization`. Every returned header except `authorization` is signed.
 *
 * @param now signing time, defaults to the current clock (the gateway allows ±15 minutes).
 * @throws {SigningError} on duplicate (case-insensitive) or reserved header names
 *   (`host`, `x-sdk-date`, `authorization`; `x-security-token` when the credentials carry one),
 *   header values with outer whitespace or control characters, a non-upper-case method,
 *   malformed percent-encoding in the path, an invalid date or empty credentials.
 */
export function signRequest(
  request: RequestToSign,
  credentials: SdrsCredentials,
  now: Date = new Date(),
): Record<string, string> {
  const { ak, sk, securityToken } = credentials;
  if (!ACCESS_KEY.test(ak) || sk === '') {
    throw new SigningError('INVALID_CREDENTIALS', 'AK and SK must be non-empty (AK without , =)');
  }
  const sdkDate = formatSdkDate(now);
  const seen = new Set<string>();
  const entries: HeaderEntry[] = [];
  for (const name of Object.keys(request.headers)) {
    const entry = headerEntry(name, request.headers[name] as string, seen);
    if (RESERVED_HEADERS.has(entry[0])) {
      throw new SigningError('RESERVED_HEADER', `Header ${entry[0]} is set by the signer`);
    }
    entries.push(entry);
  }
  entries.push(headerEntry('host', request.url.host, seen));
  entries.push(headerEntry('x-sdk-date', sdkDate, seen));
  // A token in both the headers and the credentials is reported as DUPLICATE_HEADER here.
  if (securityToken !== undefined) {
    entries.push(headerEntry('x-security-token', securityToken, seen));
  }
  const { canonicalRequest: canonical, signedHeaders } = buildCanonical(request, entries);
  const signature = signString(sk, stringToSign(sdkDate, canonical));
  const result = Object.fromEntries(entries);
  result.authorization = `${SIGNING_ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return result;
}
