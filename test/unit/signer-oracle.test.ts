import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SdrsCredentials } from '../../lib/credentials/credentials.js';
import { type RequestToSign, signRequest } from '../../lib/upstream/signer.js';
import {
  officialSign,
  type ReceivedRequest,
  verifySignature,
} from '../../simulator/official-signer.js';

// Path chars: unreserved + reserved/unicode that the official signer's url.parse leaves alone
// (it auto-escapes space, quotes, |, ^, ... and would double-encode them).
const pathChar = fc.constantFrom(...('aZ09-_.~!$&()*+,;=:@%é保😀ß'.match(/./gu) as string[]));
const queryChar = fc.constantFrom(
  ...('aZ09-_.~ !"#$%&\'()*+,/:;<=>?@[\\]^`{|}é保😀\u00a0'.match(/./gu) as string[]),
);
const printable = fc.constantFrom(...' !"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~'.split(''));

const segment = fc.record({
  text: fc.string({ unit: pathChar, maxLength: 6 }),
  style: fc.constantFrom('encoded', 'lower-hex', 'raw'),
});
const pathArb = fc
  .record({ segments: fc.array(segment, { maxLength: 5 }), trailingSlash: fc.boolean() })
  .map(({ segments, trailingSlash }) => {
    const parts = segments.map(({ text, style }) => {
      if (style === 'raw' && !text.includes('%')) return text; // WHATWG URL encodes what it must
      const encoded = encodeURIComponent(text);
      return style === 'lower-hex'
        ? encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())
        : encoded;
    });
    return `/${parts.join('/')}${trailingSlash && parts.length > 0 ? '/' : ''}`;
  });

const queryKey = fc.oneof(
  fc.constantFrom('limit', 'status', 'a key', 'é', '', 'name'),
  fc.string({ unit: queryChar, maxLength: 5 }),
);
const queryArb = fc.record({
  pairs: fc.array(fc.tuple(queryKey, fc.string({ unit: queryChar, maxLength: 8 })), {
    maxLength: 6,
  }),
  viaSearchParams: fc.boolean(),
});

const urlArb = fc
  .record({
    scheme: fc.constantFrom('http', 'https'),
    host: fc.constantFrom(
      'sdrs.ap-southeast-3.myhuaweicloud.com',
      'localhost',
      '127.0.0.1',
      '[::1]',
    ),
    port: fc.option(fc.constantFrom(80, 443, 8080, 65535)),
    path: pathArb,
    query: queryArb,
  })
  .map(({ scheme, host, port, path, query }) => {
    const url = new URL(`${scheme}://${host}${port === null ? '' : `:${port}`}${path}`);
    if (query.viaSearchParams) {
      for (const [key, value] of query.pairs) url.searchParams.append(key, value);
    } else if (query.pairs.length > 0) {
      const enc = encodeURIComponent;
      url.search = query.pairs.map(([key, value]) => `${enc(key)}=${enc(value)}`).join('&');
    }
    return url;
  });

const headerValue = fc.string({ unit: printable, maxLength: 20 }).map((s) => s.trim());
const headersArb = fc
  .record(
    {
      projectId: fc.tuple(
        fc.constantFrom('x-project-id', 'X-Project-Id'),
        fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), headerValue),
      ),
      contentType: fc.tuple(
        fc.constantFrom('content-type', 'Content-Type'),
        fc.constantFrom(
          'application/json',
          'application/json;charset=UTF-8',
          'text/plain; charset=utf-8',
        ),
      ),
      token: fc.tuple(fc.constant('x-security-token'), headerValue),
    },
    { requiredKeys: [] },
  )
  .map((picked) => Object.fromEntries(Object.values(picked)) as Record<string, string>);

const bodyArb = fc.option(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  { nil: undefined },
);

const signingArb = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
    url: urlArb,
    headers: headersArb,
    body: bodyArb,
    bodyAsBytes: fc.boolean(),
    now: fc.date({
      min: new Date('2000-01-01Z'),
      max: new Date('2099-12-31Z'),
      noInvalidDate: true,
    }),
    ak: fc.oneof(fc.constant('HPUAEXAMPLEAK0000001'), fc.stringMatching(/^[A-Z0-9]{20}$/)),
    sk: fc.string({ minLength: 1, maxLength: 40 }),
    securityToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=-]{1,40}$/), { nil: undefined }),
  })
  .map((input) => {
    // The token comes either from the credentials or from a header, never both.
    if (input.securityToken === undefined) return input;
    const { 'x-security-token': _dropped, ...headers } = input.headers;
    return { ...input, headers };
  });
type Signing = typeof signingArb extends fc.Arbitrary<infer T> ? T : never;

function credentialsOf(input: Signing): SdrsCredentials {
  const { ak, sk, securityToken } = input;
  return securityToken === undefined ? { ak, sk } : { ak, sk, securityToken };
}

function ours(input: Signing): Record<string, string> {
  const body = input.body !== undefined && input.bodyAsBytes ? Buffer.from(input.body) : input.body;
  const request: RequestToSign = {
    method: input.method,
    url: input.url,
    headers: input.headers,
    body,
  };
  return signRequest(request, credentialsOf(input), input.now);
}

describe('signer vs official Huawei Node signer (property)', () => {
  it('produces the same headers and Authorization for 1,000 random requests', () => {
    // Prepare
    const property = fc.property(signingArb, (input) => {
      // Act
      const actual = ours(input);
      const expected = officialSign(input);

      // Assess
      expect(actual).toEqual(expected);
    });

    // Act + Assess
    fc.assert(property, { numRuns: 1000 });
  });
});

/** What a server would receive for our signed request (plus unsigned extras). */
function received(input: Signing): ReceivedRequest {
  const headers: Record<string, string> = {
    ...ours(input),
    'user-agent': 'sdrs-bff',
    accept: 'json',
  };
  const body = Buffer.from(input.body ?? '');
  const token = headers['x-security-token']; // from the credentials or sent as a plain header
  const credentials = {
    ...credentialsOf(input),
    ...(token === undefined ? {} : { securityToken: token }),
  };
  return { method: input.method, url: input.url, headers, body, credentials, now: input.now };
}

const mismatch = { ok: false, reason: 'signature mismatch' };

describe('verifySignature (official signer as verifier)', () => {
  it('accepts our signed requests and rejects any tampering', () => {
    // Prepare
    const arb = fc.record({
      input: signingArb,
      pick: fc.nat(),
      byte: fc.integer({ min: 1, max: 255 }),
    });
    const property = fc.property(arb, ({ input, pick, byte }) => {
      const request = received(input);
      const signed = /SignedHeaders=([^,]+)/.exec(request.headers.authorization as string)?.[1];
      const names = (signed as string).split(';');
      const name = names[pick % names.length] as string;
      const value = request.headers[name] as string;
      const tampered =
        name === 'x-sdk-date' ? value.replace(/\d(?=Z$)/, (d) => `${(+d + 1) % 10}`) : `${value}x`;
      const url = new URL(input.url);
      url.searchParams.append('zz', `${pick}`);
      const body = Buffer.from(request.body);
      if (body.length > 0)
        body.writeUInt8(body.readUInt8(pick % body.length) ^ byte, pick % body.length);

      // Act
      const results = [
        verifySignature(request),
        verifySignature({ ...request, headers: { ...request.headers, [name]: tampered } }),
        verifySignature({ ...request, url }),
        verifySignature({
          ...request,
          credentials: { ...request.credentials, sk: `${input.sk}x` },
        }),
        verifySignature({ ...request, body }),
      ];

      // Assess
      const tokenReason = { ok: false, reason: 'wrong security token' };
      const headerResult = name === 'x-security-token' ? tokenReason : mismatch;
      expect(results.slice(0, 4)).toEqual([{ ok: true }, headerResult, mismatch, mismatch]);
      expect(results[4]).toEqual(
        body.length > 0 ? { ok: false, reason: expect.any(String) } : { ok: true },
      );
    });

    // Act + Assess
    fc.assert(property, { numRuns: 300 });
  });

  it('rejects a one-byte change that keeps the body canonical JSON', () => {
    // Prepare
    const input = {
      method: 'POST',
      url: new URL('https://h.example/v1/p/server-groups'),
      headers: {},
    };
    const signed = signRequest({ ...input, body: '{"name":"pg-a"}' }, { ak: 'AK', sk: 'SK' });
    const request = { ...input, headers: signed, credentials: { ak: 'AK', sk: 'SK' } };

    // Act
    const results = ['{"name":"pg-a"}', '{"name":"pg-b"}'].map((body) =>
      verifySignature({ ...request, body: Buffer.from(body) }),
    );

    // Assess
    expect(results).toEqual([{ ok: true }, mismatch]);
  });

  type Change = (request: ReceivedRequest) => Partial<ReceivedRequest>;
  it.each<[string, Change]>([
    ['x-sdk-date outside the 15 minute window', () => ({ now: new Date('2024-05-01T12:50:57Z') })],
    ['unknown access key', (r) => ({ credentials: { ...r.credentials, ak: 'OTHER' } })],
    [
      'missing or repeated authorization header',
      (r) => ({ headers: { ...r.headers, authorization: undefined } }),
    ],
    [
      'malformed authorization header',
      (r) => ({ headers: { ...r.headers, authorization: 'Bearer x' } }),
    ],
    [
      'signed header x-project-id missing or repeated',
      (r) => ({ headers: { ...r.headers, 'x-project-id': ['p', 'p'] } }),
    ],
    ['body not canonical JSON', () => ({ body: Buffer.from('{"name": "pg-a"}') })],
    [
      'x-security-token is not signed',
      (r) => ({ credentials: { ...r.credentials, securityToken: 't' } }),
    ],
  ])('rejects: %s', (reason, change) => {
    // Prepare
    const now = new Date('2024-05-01T12:34:56Z');
    const base = {
      method: 'POST',
      url: new URL('https://h.example/v1/p/server-groups'),
      body: '{"name":"pg-a"}',
    };
    const headers = signRequest(
      { ...base, headers: { 'x-project-id': 'p' } },
      { ak: 'AK', sk: 'SK' },
      now,
    );
    const request: ReceivedRequest = {
      ...base,
      headers,
      body: Buffer.from(base.body),
      credentials: { ak: 'AK', sk: 'SK' },
      now,
    };

    // Act
    const result = verifySignature({ ...request, ...change(request) });

    // Assess
    expect(result).toEqual({ ok: false, reason });
  });

  it('accepts a request 14 minutes early and one signed over host + x-sdk-date only', () => {
    // Prepare
    const now = new Date('2024-05-01T12:34:56Z');
    const url = new URL('http://127.0.0.1:8080/v1/p/jobs/j?limit=2');
    const headers = signRequest({ method: 'GET', url, headers: {} }, { ak: 'AK', sk: 'SK' }, now);
    const request = {
      method: 'GET',
      url,
      headers,
      body: Buffer.alloc(0),
      credentials: { ak: 'AK', sk: 'SK' },
    };

    // Act
    const result = verifySignature({ ...request, now: new Date(now.getTime() - 14 * 60_000) });

    // Assess
    expect(result).toEqual({ ok: true });
  });
});
