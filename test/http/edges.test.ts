import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRequestBody } from '../support/create-body.js';
import { httpEvent, lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<{
  statusCode: number;
  headers?: Record<string, unknown>;
  body?: string;
}>;

const validBody = createRequestBody({ name: 'pg-edge-01' });
const ALLOWED_ORIGIN = 'http://localhost:5173';

describe('the create route at its own edges', () => {
  let upstream: LocalUpstream;
  let handler: Handler;

  beforeAll(async () => {
    upstream = await startLocalUpstream(
      {},
      { CORS_ALLOWED_ORIGINS: `${ALLOWED_ORIGIN},https://*.example.com` },
    );
    // Imported after the environment is set: CORS origins are read once per container.
    ({ handler } = (await import('../../handlers/create-protection-group.js')) as {
      handler: Handler;
    });
  });
  afterAll(async () => upstream.close());
  beforeEach(() => {
    upstream.sim.reset();
    delete process.env.AUTH_DISABLED;
    delete process.env.IS_OFFLINE;
    delete process.env.LOCAL_GATEWAY_ONLY;
  });

  const post = (options: Parameters<typeof httpEvent>[0]) =>
    handler(httpEvent({ method: 'POST', path: '/protection-groups', ...options }), lambdaContext());
  const problemOf = (response: { headers?: Record<string, unknown>; body?: string }) => {
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    return JSON.parse(response.body ?? '{}');
  };

  it.each([
    [
      'a wrong content type',
      { body: 'name=x', headers: { 'content-type': 'text/plain' } },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a missing content type',
      { body: JSON.stringify(validBody), headers: { 'content-type': '' } },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['malformed JSON', { body: '{"name": "x",' }, 400, 'MALFORMED_JSON'],
    ['an empty body', { body: '' }, 400, 'MALFORMED_JSON'],
    ['a JSON array', { body: [validBody] }, 400, 'VALIDATION_FAILED'],
    ['a JSON null', { body: 'null' }, 400, 'VALIDATION_FAILED'],
    [
      'a body over 16 KiB',
      { body: { ...validBody, description: 'x'.repeat(17 * 1024) } },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])(
    'answers %s with problem+json and calls nothing upstream',
    async (_case, options, status, code) => {
      // Act
      const response = await post(options);

      // Assess
      expect(response.statusCode).toBe(status);
      expect(problemOf(response)).toMatchObject({ status, code });
      expect(response.headers?.['x-request-id']).toEqual(expect.any(String));
      expect(upstream.sim.requests()).toHaveLength(0);
    },
  );

  it.each([
    ['no body', undefined],
    ['an empty body', ''],
    ['a blank body', ' \n'],
  ])('says the body is empty when there is %s', async (_case, body) => {
    // Act
    const response = await post({ body, headers: { 'content-type': 'application/json' } });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(problemOf(response)).toMatchObject({
      code: 'MALFORMED_JSON',
      detail: 'The body is empty: send a JSON object.',
    });
    expect(upstream.sim.requests()).toHaveLength(0);
  });

  describe('caller authentication', () => {
    it('answers 401 without verified claims and creates nothing', async () => {
      // Act
      const response = await post({ body: validBody, auth: 'none' });

      // Assess
      expect(response.statusCode).toBe(401);
      expect(problemOf(response).code).toBe('UNAUTHENTICATED');
      expect(response.headers?.['www-authenticate']).toBe('Bearer');
      expect(upstream.sim.requests()).toHaveLength(0);
    });

    it('answers 403 when the token lacks the write scope', async () => {
      // Act
      const response = await post({
        body: validBody,
        auth: { sub: 'reader', scopes: ['sdrs-bff/protection-groups.read'] },
      });

      // Assess
      expect(response.statusCode).toBe(403);
      expect(problemOf(response).code).toBe('FORBIDDEN');
      expect(upstream.sim.requests()).toHaveLength(0);
    });

    it('ignores AUTH_DISABLED outside serverless-offline', async () => {
      // Prepare
      process.env.AUTH_DISABLED = 'true';

      // Act
      const response = await post({ body: validBody, auth: 'none' });

      // Assess
      expect(response.statusCode).toBe(401);
    });

    it('lets anonymous callers through only when AUTH_DISABLED=true behind the npm start gateway', async () => {
      // Prepare
      process.env.AUTH_DISABLED = 'true';
      process.env.IS_OFFLINE = 'true';

      // Act
      const direct = await post({ body: validBody, auth: 'none' });
      process.env.LOCAL_GATEWAY_ONLY = 'true'; // npm start: reachable only through its gateway
      const behindGateway = await post({ body: validBody, auth: 'none' });

      // Assess
      expect(direct.statusCode).toBe(401);
      expect(behindGateway.statusCode).toBe(202);
    });
  });

  describe('CORS', () => {
    it('allows a configured origin on success and exposes Location and X-Request-Id', async () => {
      // Act
      const response = await post({ body: validBody, headers: { origin: ALLOWED_ORIGIN } });

      // Assess
      expect(response.statusCode).toBe(202);
      expect(response.headers?.['Access-Control-Allow-Origin']).toBe(ALLOWED_ORIGIN);
      expect(String(response.headers?.['Access-Control-Expose-Headers'])).toContain('location');
      expect(String(response.headers?.['Access-Control-Expose-Headers'])).toContain('x-request-id');
    });

    it('allows a configured origin on errors too', async () => {
      // Act
      const response = await post({ body: { name: '' }, headers: { origin: ALLOWED_ORIGIN } });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(response.headers?.['Access-Control-Allow-Origin']).toBe(ALLOWED_ORIGIN);
    });

    it.each([
      'https://app.example.com', // a subdomain pattern is not an origin (API Gateway takes exact ones)
      'constructor', // Object.prototype members that a plain-object lookup found
      '__proto__',
      'toString',
    ])('grants nothing to the Origin %s', async (origin) => {
      // Act
      const response = await post({ body: validBody, headers: { origin } });

      // Assess
      expect(response.headers?.['Access-Control-Allow-Origin']).toBeUndefined();
    });

    it('grants nothing to an origin that is not configured', async () => {
      // Act
      const response = await post({ body: validBody, headers: { origin: 'https://evil.test' } });

      // Assess
      expect(response.headers?.['Access-Control-Allow-Origin']).toBeUndefined();
    });
  });
});
