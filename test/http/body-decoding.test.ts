import { describe, expect, it } from 'vitest';
import { createRequestBody } from '../support/create-body.js';
import { type CreateHandler, useCreateHandlerWithUpstream } from '../support/create-handler.js';
import { httpEvent, lambdaContext } from '../support/events.js';

const validBody = createRequestBody({ name: 'pg-decode-01' });
const validJson = JSON.stringify(validBody);

/**
 * Content type and body decoding as API Gateway hands them to the create handler: only
 * `application/json` (any case, any parameters, UTF-8) is read, and the body is decoded once.
 */
describe('the create route reads JSON bodies and nothing else', () => {
  const create = useCreateHandlerWithUpstream();

  const post = (body: string, contentType: string | undefined, isBase64Encoded = false) => {
    const event = httpEvent({ method: 'POST', path: '/protection-groups', body });
    const headers: Record<string, string> = {};
    if (contentType !== undefined) headers['content-type'] = contentType;
    return create.handler()({ ...event, headers, isBase64Encoded }, lambdaContext());
  };
  const answer = async (response: Awaited<ReturnType<CreateHandler>>) => ({
    status: response.statusCode,
    code: JSON.parse(response.body ?? '{}').code as string | undefined,
  });

  it.each([
    'application/json',
    'APPLICATION/JSON',
    'Application/Json; charset=UTF-8',
    'application/json;charset="utf-8"',
    'application/json; version=1',
  ])('accepts %s', async (contentType) => {
    // Act
    const response = await post(validJson, contentType);

    // Assess
    expect(response.statusCode, response.body).toBe(202);
  });

  it.each([
    ['no Content-Type', undefined],
    ['an empty Content-Type', ''],
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['XML', 'application/xml'],
    ['a JSON patch', 'application/json-patch+json'],
    ['another +json type', 'application/vnd.api+json'],
    ['a Latin-1 charset', 'application/json; charset=ISO-8859-1'],
    ['a UTF-16 charset', 'application/json; charset=utf-16'],
  ])('answers %s with 415 and sends nothing upstream', async (_case, contentType) => {
    // Act
    const response = await post(validJson, contentType);

    // Assess
    expect(await answer(response)).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(create.upstream().sim.requests()).toHaveLength(0);
  });

  it.each([
    ['text/plain', 'The content type `text/plain` is not accepted; send `application/json`.'],
    ['text/<script>', 'The content type is not accepted; send `application/json`.'],
    [
      'application/json; charset=latin1',
      'The charset `latin1` is not accepted; send JSON in UTF-8.',
    ],
  ])('says why %s is refused, quoting only a well-formed name', async (contentType, detail) => {
    // Act
    const response = await post(validJson, contentType);

    // Assess
    expect(JSON.parse(response.body ?? '{}').detail).toBe(detail);
  });

  it('refuses a 16 KiB binary body for its type (415), not its base64 length (413)', async () => {
    // Prepare
    const binary = Buffer.alloc(16 * 1024, 0xff).toString('base64');

    // Act
    const response = await post(binary, 'application/octet-stream', true);

    // Assess
    expect(await answer(response)).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('counts a base64-encoded JSON body by its decoded bytes', async () => {
    // Prepare: exactly 16,384 bytes of JSON (the limit), 21,848 characters once encoded.
    const padded = `{${' '.repeat(16 * 1024 - validJson.length)}${validJson.slice(1)}`;
    const encoded = Buffer.from(padded).toString('base64');

    // Act
    const response = await post(encoded, 'application/json', true);

    // Assess
    expect(Buffer.byteLength(padded)).toBe(16 * 1024);
    expect(response.statusCode, response.body).toBe(202);
  });

  it('decodes a JSON string once: a body that is JSON inside a string is a 400', async () => {
    // Act
    const response = await post(JSON.stringify(validJson), 'application/json');

    // Assess
    expect(await answer(response)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(JSON.parse(response.body ?? '{}').errors).toEqual([
      { pointer: '#', detail: 'must be an object' },
    ]);
    expect(create.upstream().sim.requests()).toHaveLength(0);
  });

  it('answers bytes that are not UTF-8 with 400, never a U+FFFD create', async () => {
    // Prepare: "é" in Latin-1 inside a JSON body, sent base64 as a gateway would pass raw bytes.
    const latin1 = Buffer.from(
      JSON.stringify({ ...validBody, description: 'caf\u00e9' }),
      'latin1',
    );

    // Act
    const response = await post(latin1.toString('base64'), 'application/json', true);

    // Assess
    expect(await answer(response)).toEqual({ status: 400, code: 'MALFORMED_JSON' });
    expect(create.upstream().sim.requests()).toHaveLength(0);
  });

  it.each([
    ['description', 'NUL', 'a\u0000b'],
    ['description', 'CR/LF', 'line\r\nbreak'],
    ['description', 'a right-to-left override', 'abc\u202Etxt.exe'],
    ['description', 'a left-to-right isolate', 'x\u2066y'],
    ['description', 'a lone high surrogate', 'x\uD800y'],
    ['description', 'a lone low surrogate', '\uDC00'],
    ['description', 'fullwidth brackets', '＜script＞'],
    ['description', 'ASCII brackets', '<b>'],
    ['domainId', 'CR/LF', 'd\r\nX-Injected: 1'],
    ['sourceVpcId', 'NUL', 'vpc\u0000'],
    ['sourceAvailabilityZone', 'a bidi override', '\u202Eaz'],
    ['targetAvailabilityZone', 'DEL', 'az\u007F'],
  ])('refuses %s with %s: 400 with its pointer and a sentence', async (field, _what, value) => {
    // Act
    const response = await post(
      JSON.stringify({ ...validBody, [field]: value }),
      'application/json',
    );

    // Assess
    const problem = JSON.parse(response.body ?? '{}');
    expect(response.statusCode).toBe(400);
    expect(problem.errors).toEqual([
      {
        pointer: `#/${field}`,
        detail: expect.stringMatching(/^must not contain control characters/),
      },
    ]);
    expect(create.upstream().sim.requests()).toHaveLength(0);
  });

  it('accepts any other Unicode text, emoji (surrogate pairs) included', async () => {
    // Act
    const response = await post(
      JSON.stringify({ ...validBody, description: 'Tier 1 — 保护 ✓ 😀 (a/b)' }),
      'application/json',
    );

    // Assess
    expect(response.statusCode, response.body).toBe(202);
  });
});
