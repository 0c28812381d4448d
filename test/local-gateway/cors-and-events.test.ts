import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALLOWED_ORIGIN, type GatewayUnderTest, startGatewayUnderTest } from './support.js';

/** The local gateway with authentication off: CORS and the events it hands the functions. */
describe('local gateway: CORS and API Gateway events', () => {
  let t: GatewayUnderTest;
  const send = (path: string, init: RequestInit = {}) => fetch(`${t.gateway.url}${path}`, init);

  beforeAll(async () => {
    t = await startGatewayUnderTest(false);
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    t.invocations.length = 0;
    t.answerWith({
      functionError: false,
      payload: {
        statusCode: 202,
        headers: { 'Access-Control-Allow-Origin': 'https://evil.test', location: '/jobs/1' },
        body: '{}',
      },
    });
  });

  it('answers a preflight from an allowed origin with the HTTP API CORS settings', async () => {
    // Act
    const response = await send('/protection-groups', {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST' },
    });

    // Assess
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(t.invocations).toHaveLength(0);
  });

  it.each(['https://evil.test', 'constructor', '__proto__', 'null'])(
    'grants nothing to Origin %s, on a preflight or on the answer',
    async (origin) => {
      // Act
      const preflight = await send('/protection-groups', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      const answer = await send('/protection-groups', {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: '{}',
      });

      // Assess
      for (const response of [preflight, answer]) {
        const cors = [...response.headers.keys()].filter((name) =>
          name.startsWith('access-control-'),
        );
        expect(cors).toEqual([]);
      }
    },
  );

  it('replaces the function’s CORS headers with its own for an allowed origin', async () => {
    // Act
    const response = await send('/protection-groups', {
      method: 'POST',
      headers: { origin: ALLOWED_ORIGIN, 'content-type': 'application/json' },
      body: '{}',
    });

    // Assess
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toContain('location');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('says once that the answer varies by Origin, and lists the exposed headers once', async () => {
    // Prepare: a function that already says `Vary: Origin` (as Middy's http-cors does).
    t.answerWith({
      functionError: false,
      payload: {
        statusCode: 200,
        headers: { Vary: 'Origin', 'access-control-expose-headers': 'location' },
        body: '{}',
      },
    });

    // Act
    const response = await send('/jobs/1', { headers: { origin: ALLOWED_ORIGIN } });

    // Assess
    expect(response.headers.get('vary')).toBe('origin');
    const exposed = response.headers.get('access-control-expose-headers')?.split(',') ?? [];
    expect(exposed).toEqual([...new Set(exposed)]);
  });

  it('grants nothing to a disallowed origin on a failed function either (500)', async () => {
    // Prepare
    t.answerWith({ functionError: true, payload: { errorMessage: 'boom' } });

    // Act
    const evil = await send('/jobs/1', { headers: { origin: 'https://evil.test' } });
    const allowed = await send('/jobs/1', { headers: { origin: ALLOWED_ORIGIN } });

    // Assess
    expect(evil.status).toBe(500);
    expect(await evil.json()).toEqual({ message: 'Internal Server Error' });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  });

  it('invents no Content-Type and hands a JSON string over undecoded', async () => {
    // Prepare
    const jsonString = JSON.stringify(JSON.stringify({ name: 'pg-1' }));

    // Act
    await send('/protection-groups', { method: 'POST', body: new Blob(['{"name":"pg-1"}']) });
    await send('/protection-groups', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: jsonString,
    });

    // Assess
    const [typeless, stringBody] = t.invocations.map((call) => call.event);
    expect(typeless?.headers['content-type']).toBeUndefined();
    expect(typeless?.isBase64Encoded).toBe(true);
    expect(Buffer.from(typeless?.body ?? '', 'base64').toString()).toBe('{"name":"pg-1"}');
    expect(stringBody?.body).toBe(jsonString);
    expect(stringBody?.isBase64Encoded).toBe(false);
  });

  it('hands non-UTF-8 bytes over as base64, never as U+FFFD', async () => {
    // Prepare
    const latin1 = Buffer.from('{"description":"caf\u00e9"}', 'latin1');

    // Act
    await send('/protection-groups', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=ISO-8859-1' },
      body: latin1,
    });

    // Assess
    const event = t.invocations[0]?.event;
    expect(event?.isBase64Encoded).toBe(true);
    expect(Buffer.from(event?.body ?? '', 'base64').equals(latin1)).toBe(true);
  });

  it('routes as the HTTP API: path parameters, repeated query values, $default', async () => {
    // Act
    await send('/jobs/abc%2Ddef?x=1&x=2');
    await send('/webhooks/jira-cloud', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await send('/protection-groups', { method: 'DELETE' });

    // Assess
    const calls = t.invocations.map(({ functionKey, event }) => ({
      functionKey,
      routeKey: event.routeKey,
      pathParameters: event.pathParameters,
      query: event.queryStringParameters,
    }));
    expect(calls).toEqual([
      {
        functionKey: 'getJob',
        routeKey: 'GET /jobs/{jobId}',
        pathParameters: { jobId: 'abc-def' },
        query: { x: '1,2' },
      },
      {
        functionKey: 'webhook',
        routeKey: 'POST /webhooks/{source}',
        pathParameters: { source: 'jira-cloud' },
        query: undefined,
      },
      {
        functionKey: 'notFound',
        routeKey: '$default',
        pathParameters: undefined,
        query: undefined,
      },
    ]);
  });

  it('passes no authorizer context when authentication is off, whatever the request says', async () => {
    // Act
    await send('/protection-groups', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'sls-offline-authorizer-override': '{"jwt":{"claims":{"sub":"mallory"}}}',
      },
      body: '{}',
    });

    // Assess
    expect(t.invocations[0]?.event.requestContext).not.toHaveProperty('authorizer');
  });
});
