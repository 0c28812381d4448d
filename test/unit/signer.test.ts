import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  EMPTY_BODY_SHA256,
  formatSdkDate,
  type RequestToSign,
  SigningError,
  type SigningErrorCode,
  signRequest,
  signString,
  stringToSign,
} from '../../lib/upstream/signer.js';

/** Shape of test/fixtures/huawei-signing-vectors.json (only the fields we use). */
interface Vector {
  readonly id: string;
  readonly input: {
    readonly method: string;
    readonly endpoint?: string;
    readonly resolved_path?: string;
    readonly query: Readonly<Record<string, string | number | readonly string[]>>;
    readonly headers_before_signing?: Readonly<Record<string, string>>;
    readonly sdk_contentType_option?: string;
    readonly project_id?: string;
    readonly security_token?: string | null;
    readonly body_bytes: string | null;
    readonly ak: string;
    readonly sk: string;
    readonly now: string;
  };
  readonly official: {
    readonly headers_after_signing: Readonly<Record<string, string>>;
    readonly canonical_request: string;
    readonly string_to_sign: string;
  };
  readonly standalone_authorization: string;
}

// Produced by the official Huawei Cloud SDK signer and recorded in the repository (see its `about`).
const vectorsPath = fileURLToPath(
  new URL('../fixtures/huawei-signing-vectors.json', import.meta.url),
);
const { vectors } = JSON.parse(readFileSync(vectorsPath, 'utf8')) as { vectors: Vector[] };

/** signRequest's output minus `authorization`: exactly the signed headers. */
function signedOnly(...args: Parameters<typeof signRequest>): Record<string, string> {
  const { authorization: _authorization, ...signed } = signRequest(...args);
  return signed;
}

const lowerKeys = (headers: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** Rebuilds what we would send for a vector: URL, extra headers, body, credentials. */
function vectorRequest(vector: Vector) {
  const { input, official } = vector;
  const host = official.headers_after_signing.host as string;
  const url = new URL(input.endpoint ?? `https://${host}${input.resolved_path}`);
  for (const [key, value] of Object.entries(input.query)) {
    for (const item of Array.isArray(value) ? value : [value])
      url.searchParams.append(key, `${item}`);
  }
  // SDK-pipeline vectors: HcClient normalises application/json...; adds X-Project-Id itself.
  const contentType = input.sdk_contentType_option?.startsWith('application/json')
    ? 'application/json'
    : input.sdk_contentType_option;
  const headers: Record<string, string> = input.headers_before_signing
    ? { ...input.headers_before_signing }
    : { 'content-type': contentType as string, 'x-project-id': input.project_id as string };
  const body = input.body_bytes ?? undefined;
  const request: RequestToSign = { method: input.method, url, headers, body };
  const { ak, sk, security_token: securityToken } = input;
  const credentials = securityToken ? { ak, sk, securityToken } : { ak, sk };
  return { request, credentials, now: new Date(input.now) };
}

describe('signer: official Node SDK vectors (huawei-signing-vectors.json)', () => {
  it('loads all vectors V1-V7', () => {
    // Prepare
    const expectedIds = ['V1', 'V2', 'V3', 'V4', 'V5a', 'V5b', 'V6', 'V7'];

    // Act
    const ids = vectors.map((vector) => vector.id);

    // Assess
    expect(ids).toEqual(expect.arrayContaining(expectedIds));
  });

  describe.each(vectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    it('produces the official header set and Authorization', () => {
      // Prepare
      const { request, credentials, now } = vectorRequest(vector);

      // Act
      const headers = signRequest(request, credentials, now);

      // Assess
      expect(headers).toEqual(lowerKeys(vector.official.headers_after_signing));
      expect(headers.authorization).toBe(vector.standalone_authorization);
    });

    it('produces the official canonical request and string to sign', () => {
      // Prepare
      const { request, credentials, now } = vectorRequest(vector);
      const signedHeaders = signedOnly(request, credentials, now);

      // Act
      const canonical = canonicalRequest({ ...request, headers: signedHeaders });
      const toSign = stringToSign(formatSdkDate(now), canonical);

      // Assess
      expect(canonical).toBe(vector.official.canonical_request);
      expect(toSign).toBe(vector.official.string_to_sign);
    });
  });
});

describe('signer: independent vectors (the Go SDK signer tests)', () => {
  const goHeaders = { 'x-sdk-date': '20060102T150405Z' };

  it.each([
    ['GET /path?limit=1', '', '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624'],
    [
      'POST /path?key=value',
      '{"Name":"test","Id":1}\n',
      'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
    ],
  ])('Go SDK signer_test: %s', (line, body, expected) => {
    // Prepare
    const [method, target] = line.split(' ') as [string, string];
    const url = new URL(target, 'https://example.huaweicloud.com');
    const request: RequestToSign = { method, url, headers: goHeaders, body };

    // Act
    const signature = signString(
      'SecretKey',
      stringToSign('20060102T150405Z', canonicalRequest(request)),
    );

    // Assess
    expect(signature).toBe(expected);
  });

  it('signing guide HMAC example', () => {
    // Prepare
    const toSign =
      'SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a';

    // Act
    const signature = signString('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', toSign);

    // Assess
    expect(signature).toBe('7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe');
  });
});

const credentials = { ak: 'HPUAEXAMPLEAK0000001', sk: 'ExampleSecretKey0123456789abcdefghijABCD' };
const now = new Date('2024-05-01T12:34:56.789Z');
const baseRequest: RequestToSign = {
  method: 'GET',
  url: new URL('https://sdrs.ap-southeast-3.myhuaweicloud.com/v1/p/jobs/j'),
  headers: {},
};
/** Line `index` (0 = method, -1 = payload hash) of the canonical request signRequest used. */
function canonicalLine(request: RequestToSign, index: number): string | undefined {
  return canonicalRequest({ ...request, headers: signedOnly(request, credentials, now) })
    .split('\n')
    .at(index);
}

describe('signer: canonicalisation details', () => {
  it('formats X-Sdk-Date as YYYYMMDDTHHMMSSZ in UTC, dropping milliseconds', () => {
    // Prepare
    const date = new Date('2024-12-31T23:59:59.999-01:00');

    // Act
    const formatted = formatSdkDate(date);

    // Assess
    expect(formatted).toBe('20250101T005959Z');
  });

  it.each([
    ['/v1/a%20b/c', '/v1/a%20b/c/'],
    ['/v1/%7euser/%41', '/v1/~user/A/'],
    ['/v1/a%2Fb/', '/v1/a%2Fb/'],
    ["/v1/!'()*/é", '/v1/%21%27%28%29%2A/%C3%A9/'],
    ['', '/'],
  ])('canonical URI of %j is %j', (pathname, expected) => {
    // Prepare
    const url = new URL(`https://h.example${pathname}`);

    // Act
    const uri = canonicalLine({ ...baseRequest, url }, 1);

    // Assess
    expect(uri).toBe(expected);
  });

  it('decodes the wire query (+ is a space) and sorts keys then values', () => {
    // Prepare
    const url = new URL('https://h.example/x?b=2&a=z&a=y&c&sp=a+b&plus=a%2Bb&star=*');

    // Act
    const query = canonicalLine({ ...baseRequest, url }, 2);

    // Assess
    expect(query).toBe('a=y&a=z&b=2&c=&plus=a%2Bb&sp=a%20b&star=%2A');
  });

  it('signs host with its non-default port and drops the default one', () => {
    // Prepare
    const withPort = { ...baseRequest, url: new URL('http://127.0.0.1:8080/x') };
    const defaultPort = { ...baseRequest, url: new URL('https://h.example:443/x') };

    // Act
    const hosts = [
      signRequest(withPort, credentials, now).host,
      signRequest(defaultPort, credentials, now).host,
    ];

    // Assess
    expect(hosts).toEqual(['127.0.0.1:8080', 'h.example']);
  });

  it('hashes a string body as UTF-8, same as its bytes; empty body = empty hash', () => {
    // Prepare
    const body = '{"name":"保护组"}';

    // Act
    const fromString = signRequest({ ...baseRequest, body }, credentials, now);
    const fromBytes = signRequest({ ...baseRequest, body: Buffer.from(body) }, credentials, now);
    const emptyHash = canonicalLine({ ...baseRequest, body: '' }, -1);

    // Assess
    expect(fromString).toEqual(fromBytes);
    expect(emptyHash).toBe(EMPTY_BODY_SHA256);
  });

  it('lower-cases header names and adds x-security-token for temporary credentials', () => {
    // Prepare
    const request = {
      ...baseRequest,
      headers: { 'X-Project-Id': 'p', 'Content-Type': 'application/json' },
    };

    // Act
    const headers = signRequest(request, { ...credentials, securityToken: 'tok+/=' }, now);

    // Assess
    expect(Object.keys(headers).join(' ')).toBe(
      'x-project-id content-type host x-sdk-date x-security-token authorization',
    );
    expect(headers.authorization).toContain(
      'SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token, Signature=',
    );
  });
});

describe('signer: refused requests', () => {
  it.each<[string, Partial<RequestToSign>, SigningErrorCode]>([
    ['leading space in a value', { headers: { 'x-project-id': ' p' } }, 'HEADER_WHITESPACE'],
    ['trailing tab in a value', { headers: { 'x-project-id': 'p\t' } }, 'HEADER_WHITESPACE'],
    ['newline in a value', { headers: { 'x-project-id': 'p\nq' } }, 'INVALID_HEADER_VALUE'],
    [
      'duplicate names',
      { headers: { 'X-Project-Id': 'p', 'x-project-id': 'p' } },
      'DUPLICATE_HEADER',
    ],
    ['invalid name', { headers: { 'x project': 'p' } }, 'INVALID_HEADER_NAME'],
    ['caller-set host', { headers: { Host: 'h.example' } }, 'RESERVED_HEADER'],
    ['caller-set date', { headers: { 'X-Sdk-Date': '20240501T123456Z' } }, 'RESERVED_HEADER'],
    ['caller-set authorization', { headers: { authorization: 'x' } }, 'RESERVED_HEADER'],
    ['lower-case method', { method: 'get' }, 'INVALID_METHOD'],
    ['malformed path escape', { url: new URL('https://h.example/a%zz') }, 'INVALID_PATH'],
    ['invalid UTF-8 in path', { url: new URL('https://h.example/a%C3') }, 'INVALID_PATH'],
  ])('%s', (_title, override, code) => {
    // Prepare
    const request: RequestToSign = { ...baseRequest, ...override };

    // Act
    const act = () => signRequest(request, credentials, now);

    // Assess
    expect(act).toThrow(expect.objectContaining({ name: 'SigningError', code }));
    expect(act).toThrow(SigningError);
  });

  it.each<[string, typeof credentials & { securityToken?: string }, Date, SigningErrorCode]>([
    ['token twice', { ...credentials, securityToken: 't' }, now, 'DUPLICATE_HEADER'],
    ['empty SK', { ...credentials, sk: '' }, now, 'INVALID_CREDENTIALS'],
    ['AK with a comma', { ...credentials, ak: 'A,B' }, now, 'INVALID_CREDENTIALS'],
    ['invalid date', credentials, new Date(Number.NaN), 'INVALID_DATE'],
    ['year beyond 9999', credentials, new Date('+010000-01-01T00:00:00Z'), 'INVALID_DATE'],
  ])('%s', (_title, creds, date, code) => {
    // Prepare
    const request = { ...baseRequest, headers: { 'X-Security-Token': 't' } };

    // Act
    const act = () => signRequest(request, creds, date);

    // Assess
    expect(act).toThrow(expect.objectContaining({ name: 'SigningError', code }));
  });
});
