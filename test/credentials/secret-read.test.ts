/**
 * Reading a secret without the AWS SDK: a failed read names the secret and what went wrong, and
 * never carries the secret's value (not in the message, not in a cause, not when logged whole).
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSecretString, SecretReadError } from '../../lib/secrets/secrets-manager.js';
import { replyJson, type ScriptedEndpoint, startScriptedEndpoint } from '../aws/endpoint.js';

const VALUE = '{"ak":"AKSECRETVALUE0000001","sk":"SkSecretValue-do-not-leak"}';

/** What an error shows anywhere it could end up: its message, its causes, its logged form. */
function everythingShown(error: unknown): string {
  return `${inspect(error, { depth: 10 })} ${JSON.stringify(error)}`;
}

let endpoint: ScriptedEndpoint;
beforeAll(async () => {
  endpoint = await startScriptedEndpoint((request, res) => {
    const { SecretId } = JSON.parse(request.body) as { SecretId: string };
    if (SecretId === 'cut-off') {
      // Not JSON, yet it holds the value (something in between answered with the bare value):
      // a JSON parser's own message would quote its start.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('AKSECRETVALUE0000001 SkSecretValue-do-not-leak');
    } else if (SecretId === 'binary') {
      replyJson(res, 200, { Name: 'binary', SecretBinary: 'AAEC' });
    } else if (SecretId === 'current') {
      replyJson(res, 200, { Name: 'current', SecretString: VALUE });
    } else {
      replyJson(res, 400, {
        __type: 'ResourceNotFoundException',
        message: "Secrets Manager can't find the specified secret.",
      });
    }
  });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint.url,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  });
});
afterAll(() => endpoint.close());

describe('readSecretString (GetSecretValue without the AWS SDK)', () => {
  it('reads the current value on every call (no cache of its own)', async () => {
    // Prepare
    const before = endpoint.requests.length;

    // Act
    const values = [await readSecretString('current'), await readSecretString('current')];

    // Assess
    expect(values).toEqual([VALUE, VALUE]);
    expect(endpoint.requests.length - before).toBe(2);
  });

  it('fails on a broken answer without quoting it', async () => {
    // Act
    const error = await readSecretString('cut-off').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(SecretReadError);
    expect((error as Error).message).toBe(
      'Cannot read secret cut-off from Secrets Manager (InvalidAnswerError)',
    );
    expect(everythingShown(error)).not.toContain('SkSecretValue');
    expect(everythingShown(error)).not.toContain('AKSECRETVA');
  });

  it('names the missing secret and the service error', async () => {
    // Act
    const error = await readSecretString('sdrs-bff/absent').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(SecretReadError);
    expect((error as Error).message).toBe(
      'Cannot read secret sdrs-bff/absent from Secrets Manager (ResourceNotFoundException)',
    );
  });

  it('refuses a secret that has no string value', async () => {
    // Act
    const error = await readSecretString('binary').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(SecretReadError);
    expect((error as Error).message).toBe('Secret binary has no SecretString');
  });
});
