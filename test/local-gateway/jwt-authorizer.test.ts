import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCOPES } from '../../lib/routes.js';
import { type IssuerState, mintToken } from '../../scripts/local-gateway/issuer.js';
import { type GatewayUnderTest, startGatewayUnderTest } from './support.js';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The local gateway with authentication on: the deployed JWT authorizer's checks, for real. */
describe('local gateway: JWT authorizer', () => {
  let t: GatewayUnderTest;
  let state: IssuerState;
  let foreignKey: JWK;

  beforeAll(async () => {
    t = await startGatewayUnderTest(true);
    if (!t.issuer) throw new Error('no issuer');
    state = t.issuer;
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    // Same kid as the issuer's: only the signature can tell the keys apart.
    foreignKey = { ...(await exportJWK(privateKey)), kid: state.privateJwk.kid, alg: 'RS256' };
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    t.invocations.length = 0;
  });

  const create = (headers: Record<string, string>) =>
    fetch(`${t.gateway.url}/protection-groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  /** A token with the issuer's claims, changed by `claims`, signed with `key`. */
  const signed = async (claims: Record<string, unknown>, key: JWK = state.privateJwk) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: state.issuer,
      aud: state.audience,
      sub: 'alice',
      scope: SCOPES.write,
      iat: now,
      exp: now + 300,
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .sign(await importJWK(key, 'RS256'));
  };

  it('passes a minted token’s verified claims and scopes to the function', async () => {
    // Prepare
    const token = await mintToken(state, { scopes: ['write'], sub: 'alice' });

    // Act
    const response = await create(bearer(token));

    // Assess
    expect(response.status).toBe(200);
    const jwt = t.invocations[0]?.event.requestContext as unknown as {
      authorizer: { jwt: { claims: Record<string, unknown>; scopes: string[] } };
    };
    expect(jwt.authorizer.jwt.claims).toMatchObject({ sub: 'alice', iss: state.issuer });
    expect(jwt.authorizer.jwt.scopes).toEqual([SCOPES.write]);
  });

  it.each([
    ['`scp` as a list', { scope: undefined, scp: [SCOPES.write] }],
    ['a Cognito access token: client_id, no aud', { aud: undefined, client_id: 'sdrs-bff' }],
  ])('accepts %s', async (_case, claims) => {
    // Act
    const response = await create(bearer(await signed(claims)));

    // Assess
    expect(response.status).toBe(200);
  });

  it.each([
    ['no token', async () => ({})],
    ['a token that is not a JWT', async () => bearer('not-a-token')],
    [
      'alg none',
      async () => {
        const now = Math.floor(Date.now() / 1000);
        const claims = {
          iss: state.issuer,
          aud: 'sdrs-bff',
          sub: 'x',
          scope: SCOPES.write,
          exp: now + 60,
        };
        return bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`);
      },
    ],
    [
      'HS256 with an attacker’s key',
      async () => {
        const now = Math.floor(Date.now() / 1000);
        const token = await new SignJWT({ sub: 'x', scope: SCOPES.write })
          .setProtectedHeader({ alg: 'HS256', kid: state.privateJwk.kid })
          .setIssuer(state.issuer)
          .setAudience('sdrs-bff')
          .setExpirationTime(now + 60)
          .sign(new TextEncoder().encode('attacker-secret-attacker-secret!'));
        return bearer(token);
      },
    ],
    ['another RSA key under the same kid', async () => bearer(await signed({}, foreignKey))],
    [
      'an expired token',
      async () => bearer(await signed({ exp: Math.floor(Date.now() / 1000) - 5 })),
    ],
    [
      'a token not yet valid (nbf)',
      async () => bearer(await signed({ nbf: Math.floor(Date.now() / 1000) + 600 })),
    ],
    ['no exp', async () => bearer(await signed({ exp: undefined }))],
    ['the wrong issuer', async () => bearer(await signed({ iss: 'https://issuer.example' }))],
    ['the wrong audience', async () => bearer(await signed({ aud: 'someone-else' }))],
    [
      'expired, wrong issuer and audience at once',
      async () => bearer(await signed({ exp: 1, iss: 'https://evil.test', aud: 'evil' })),
    ],
    [
      'only the serverless-offline override header',
      async () => ({
        'sls-offline-authorizer-override': JSON.stringify({
          jwt: { claims: { sub: 'mallory', scope: SCOPES.write } },
        }),
      }),
    ],
  ])('answers %s with 401 and calls no function', async (_case, headersOf) => {
    // Act
    const response = await create(await headersOf());

    // Assess
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(t.invocations).toHaveLength(0);
  });

  it('answers a valid token without the route’s scope with 403 and calls no function', async () => {
    // Act
    const response = await create(bearer(await mintToken(state, { scopes: ['read'], sub: 'bob' })));

    // Assess
    expect(response.status).toBe(403);
    expect(t.invocations).toHaveLength(0);
  });

  it('leaves a public route open: the OpenAPI document needs no token', async () => {
    // Act
    const document = await fetch(`${t.gateway.url}/openapi.json`);

    // Assess
    expect(document.status).toBe(200);
    expect(t.invocations.map((call) => call.functionKey)).toEqual(['getOpenApi']);
  });
});
