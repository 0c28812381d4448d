import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { importJWK, SignJWT } from 'jose';
import { expect, it } from 'vitest';
import { SCOPES } from '../../lib/routes.js';
import { readIssuerState } from '../../scripts/local-gateway/issuer.js';
import { createRequestBody } from '../support/create-body.js';
import { runProcess } from '../support/run-process.js';
import { call, type SmokeStack } from './stack.js';

const validJson = JSON.stringify(createRequestBody({ name: 'pg-attack-01' }));
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** The reported attacks on `npm start`, each answered as the deployed stack answers it. */
export function attackerReproTests(stack: () => SmokeStack): void {
  const post = (headers: Record<string, string>, body = validJson) =>
    fetch(`${stack().api.url}/protection-groups`, { method: 'POST', headers, body });

  it('answers a type-less POST from another origin with 415 and no CORS grant', async () => {
    // Act: curl -H 'Origin: https://evil.test' -H 'Content-Type:' --data-binary '<valid body>'
    const response = await call(stack(), '/protection-groups', {
      method: 'POST',
      headers: { origin: 'https://evil.test', 'content-type': '' },
      body: validJson,
    });

    // Assess
    expect(response.status).toBe(415);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a JSON string holding a valid body with 400, decoding it once', async () => {
    // Act
    const response = await call(stack(), '/protection-groups', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validJson),
    });

    // Assess
    expect(response.status).toBe(400);
  });

  it('refuses alg:none, a forged override header and an expired token of another issuer (401)', async () => {
    // Prepare
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'mallory', scope: SCOPES.write, aud: 'sdrs-bff', exp: now + 600 };
    const state = await readIssuerState();
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: state.issuer })}.`;
    const stale = await new SignJWT({
      ...claims,
      iss: 'https://evil.test',
      aud: 'evil',
      exp: now - 60,
    })
      .setProtectedHeader({ alg: 'RS256', kid: state.privateJwk.kid })
      .sign(await importJWK(state.privateJwk, 'RS256'));
    const json = { 'content-type': 'application/json' };
    const override = JSON.stringify({ jwt: { claims: { sub: 'mallory', scope: SCOPES.write } } });

    // Act
    const answers = await Promise.all([
      post({ ...json, authorization: `Bearer ${unsigned}` }),
      post({ ...json, 'sls-offline-authorizer-override': override }),
      post({ ...json, authorization: `Bearer ${stale}` }),
    ]);

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
  });

  it('answers a token without the write scope 403, and one with an empty sub 401', async () => {
    // Prepare
    const minted = await runProcess(
      'npx',
      ['tsx', 'scripts/token.ts', '--scope', 'write', '--sub', ''],
      {},
    );
    const json = { 'content-type': 'application/json' };

    // Act
    const readOnly = await post({ ...json, authorization: `Bearer ${stack().readOnlyToken}` });
    const noSubject = await post({ ...json, authorization: `Bearer ${minted.stdout.trim()}` });

    // Assess
    expect(readOnly.status).toBe(403);
    expect(noSubject.status).toBe(401);
    expect(((await noSubject.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
  });

  it('answers an offset past what SDRS takes with 400 and a pointer', async () => {
    // Act
    const response = await call(stack(), '/protection-groups?limit=100&offset=2147483647');

    // Assess
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { pointer: string }[] };
    expect(problem.errors.map((error) => error.pointer)).toEqual(['#/offset']);
  });

  it('keeps serverless-offline off the network: Unix sockets in a folder only we can enter', () => {
    // Act
    const ready = /Server ready: http:\/\/127\.0\.0\.1:(\/\S+\/http\.sock)/.exec(
      stack().api.output(),
    );

    // Assess
    expect(ready, stack().api.output()).not.toBeNull();
    const folder = dirname(ready?.[1] ?? '');
    expect(modeOf(folder)).toBe('700');
    expect(statSync(`${folder}/lambda.sock`).isSocket()).toBe(true);
  });

  it('leaves .local at 700 and its files at 600, though they were looser before the start', () => {
    // Assess
    expect(modeOf('.local')).toBe('700');
    expect(modeOf('.local/simulator-credentials.json')).toBe('600');
    expect(modeOf('.local/dev-issuer.json')).toBe('600');
  });
}
