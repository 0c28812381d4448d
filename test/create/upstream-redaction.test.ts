import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactMessage } from '../../lib/upstream/normalise.js';
import { createRequestBody } from '../support/create-body.js';
import { httpEvent, lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<{ statusCode: number; body?: string }>;

/** Temporary keys: the security token is sent with every call, so SDRS may quote it back. */
const TEMPORARY = {
  ak: 'TEMPAK0000000000000001',
  sk: 'TemporarySecretKey0123456789abcdefghijkl',
  securityToken: 'gQpzZXNzaW9uLXRva2VuLWJvZHktMDEyMzQ1Njc4OWFiY2RlZg',
};

describe('upstream error text never carries our credentials', () => {
  let upstream: LocalUpstream;
  let handler: Handler;

  beforeAll(async () => {
    upstream = await startLocalUpstream({ credentials: TEMPORARY });
    ({ handler } = (await import('../../handlers/create-protection-group.js')) as {
      handler: Handler;
    });
  });
  afterAll(async () => upstream.close());

  it('redacts the access key, secret key and security token wherever SDRS quotes them', async () => {
    // Prepare: an upstream that echoes every credential, labelled and bare.
    const { ak, sk, securityToken } = TEMPORARY;
    upstream.sim.inject({
      route: 'create',
      kind: 'answer',
      status: 400,
      body: {
        error: {
          code: 'SDRS.0201',
          message: `bad request for ${ak}; signed with ${sk}; token=${securityToken} (${securityToken.slice(0, 30)}…)`,
        },
      },
    });

    // Act
    const response = await handler(
      httpEvent({
        method: 'POST',
        path: '/protection-groups',
        body: createRequestBody({ name: 'pg-redact-01' }),
      }),
      lambdaContext(),
    );

    // Assess
    expect(response.statusCode).toBe(422);
    const text = response.body ?? '';
    expect(text).toContain('[redacted]');
    for (const secret of [ak, sk, securityToken]) expect(text).not.toContain(secret);
  });

  it.each([
    ['sk=Ab3dEf6hIj9kLm2oPq5s', 'sk=[redacted]'],
    ['Secret Key: Ab3dEf6hIj9kLm2oPq5s', 'Secret Key: [redacted]'],
    ['X-Security-Token: "gQpzZXNzaW9uLXRva2Vu"', 'X-Security-Token: "[redacted]"'],
    ['security_token gQpzZXNzaW9uLXRva2Vu expired', 'security_token [redacted] expired'],
    ['ak ABCDEFGH12345678 not exist', 'ak [redacted] not exist'],
  ])('redacts a labelled credential: %s', (message, expected) => {
    // Act
    const redacted = redactMessage(message);

    // Assess
    expect(redacted).toBe(expected);
  });
});
