import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestBody } from '../support/create-body.js';
import { useCreateHandlerWithUpstream } from '../support/create-handler.js';
import { httpEvent, lambdaContext } from '../support/events.js';

const WRITE = 'sdrs-bff/protection-groups.write';

/** The claims the authorizer verified, as the create handler reads them. */
describe('caller claims on the create route', () => {
  const create = useCreateHandlerWithUpstream();
  afterEach(() => {
    delete process.env.IS_OFFLINE;
    delete process.env.LOCAL_GATEWAY_ONLY;
  });

  const postWith = (claims: Record<string, unknown>, scopes?: string[]) => {
    const event = httpEvent({
      method: 'POST',
      path: '/protection-groups',
      body: createRequestBody({ name: 'pg-claims-01' }),
      auth: 'none',
    });
    const requestContext = { ...event.requestContext, authorizer: { jwt: { claims, scopes } } };
    return create.handler()(
      { ...event, requestContext } as APIGatewayProxyEventV2,
      lambdaContext(),
    );
  };

  it.each([
    ['`scp` as a list', { sub: 'alice', scp: [WRITE] }],
    ['`scp` as a string', { sub: 'alice', scp: `openid ${WRITE}` }],
    ['`scope`', { sub: 'alice', scope: `openid ${WRITE}` }],
  ])('grants the write scope from %s', async (_case, claims) => {
    // Act
    const response = await postWith(claims);

    // Assess
    expect(response.statusCode, response.body).toBe(202);
  });

  it.each([
    ['an empty sub', { sub: '', scope: WRITE }],
    ['a blank sub', { sub: '  ', scope: WRITE }],
    ['no sub', { scope: WRITE }],
    ['a numeric sub', { sub: 42, scope: WRITE }],
  ])('answers %s with 401, never as the shared anonymous caller', async (_case, claims) => {
    // Act
    const response = await postWith(claims);

    // Assess
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body ?? '{}').code).toBe('UNAUTHENTICATED');
    expect(create.upstream().sim.requests()).toHaveLength(0);
  });

  it('answers 403 when neither scope nor scp grants the write scope', async () => {
    // Act
    const response = await postWith({ sub: 'alice', scp: ['sdrs-bff/protection-groups.read'] });

    // Assess
    expect(response.statusCode).toBe(403);
  });

  it('under serverless-offline trusts claims only behind the local gateway', async () => {
    // Prepare: claims as serverless-offline decodes them (or a direct invoke writes them).
    process.env.IS_OFFLINE = 'true';
    const claims = { sub: 'mallory', scope: WRITE };

    // Act
    const direct = await postWith(claims);
    process.env.LOCAL_GATEWAY_ONLY = 'true';
    const behindGateway = await postWith(claims);

    // Assess
    expect(direct.statusCode).toBe(401);
    expect(behindGateway.statusCode, behindGateway.body).toBe(202);
  });
});
