/**
 * The small AWS JSON client against real HTTP endpoints on loopback: what it sends (checked with
 * the AWS SDK's own SigV4 signer, so AWS would accept it), where it sends it, and how it fails.
 */
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsRequestError, AwsServiceError, AwsSettingsError } from '../../lib/aws/errors.js';
import { AwsJsonClient, DYNAMODB, SECRETS_MANAGER } from '../../lib/aws/json-client.js';
import {
  type ReceivedRequest,
  replyJson,
  type ScriptedEndpoint,
  startScriptedEndpoint,
} from './endpoint.js';

const bytes = (data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

/** node:crypto in the shape the SDK's signer takes (`new Sha256(secret?)`). */
class NodeSha256 {
  readonly #hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.#hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
}

const CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/** The Authorization header the AWS SDK's signer computes for the request as received. */
async function sdkSignature(request: ReceivedRequest, service: string, sessionToken?: string) {
  const authorization = String(request.headers.authorization);
  const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const headers = Object.fromEntries(
    signedNames.map((name) => [name, String(request.headers[name])]),
  );
  const amzDate = String(request.headers['x-amz-date']);
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const signer = new SignatureV4({
    service,
    region: 'eu-west-1',
    credentials: {
      accessKeyId: CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: CREDENTIALS.AWS_SECRET_ACCESS_KEY,
      ...(sessionToken && { sessionToken }),
    },
    sha256: NodeSha256,
    applyChecksum: false, // JSON services sign no payload-hash header (nor does the SDK for them)
  });
  const [hostname, port] = String(request.headers.host).split(':');
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: hostname as string,
      port: Number(port),
      path: request.path,
      query: {},
      headers,
      body: request.body,
    },
    { signingDate },
  );
  return signed.headers.authorization;
}

let endpoint: ScriptedEndpoint | undefined;
let client: AwsJsonClient | undefined;
afterEach(async () => {
  client?.destroy();
  await endpoint?.close();
  endpoint = undefined;
});

function clientFor(
  url: string,
  env: NodeJS.ProcessEnv = {},
  options: { timeoutMs?: number; service?: typeof DYNAMODB } = {},
) {
  const service = options.service ?? DYNAMODB;
  client = new AwsJsonClient(service, {
    env: {
      AWS_REGION: 'eu-west-1',
      [`AWS_ENDPOINT_URL_${service.endpointId}`]: url,
      ...CREDENTIALS,
      ...env,
    },
    ...(options.timeoutMs && {
      connectTimeoutMs: options.timeoutMs,
      requestTimeoutMs: options.timeoutMs,
    }),
  });
  return client;
}

describe('AwsJsonClient', () => {
  it('sends the JSON protocol request signed exactly as the AWS SDK signs it', async () => {
    // Prepare
    endpoint = await startScriptedEndpoint((_, res) =>
      replyJson(res, 200, { Item: { id: { S: 'k' } } }),
    );
    const dynamodb = clientFor(endpoint.url, { AWS_SESSION_TOKEN: 'session-token-1' });

    // Act
    const answer = await dynamodb.call('GetItem', { TableName: 't', Key: { id: { S: 'k' } } });

    // Assess
    expect(answer).toEqual({ Item: { id: { S: 'k' } } });
    const [request] = endpoint.requests as [ReceivedRequest];
    expect(request.method).toBe('POST');
    expect(request.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(request.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(request.headers['x-amz-security-token']).toBe('session-token-1');
    expect(JSON.parse(request.body)).toEqual({ TableName: 't', Key: { id: { S: 'k' } } });
    expect(request.headers.authorization).toContain('/eu-west-1/dynamodb/aws4_request');
    expect(request.headers.authorization).toBe(
      await sdkSignature(request, 'dynamodb', 'session-token-1'),
    );
  });

  it('speaks JSON 1.1 to Secrets Manager, found through the general AWS_ENDPOINT_URL', async () => {
    // Prepare
    endpoint = await startScriptedEndpoint((_, res) => replyJson(res, 200, { SecretString: 'x' }));
    client = new AwsJsonClient(SECRETS_MANAGER, {
      env: { AWS_DEFAULT_REGION: 'eu-west-1', AWS_ENDPOINT_URL: endpoint.url, ...CREDENTIALS },
    });

    // Act
    await client.call('GetSecretValue', { SecretId: 'a/b' });

    // Assess
    const [request] = endpoint.requests as [ReceivedRequest];
    expect(request.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(request.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(request.headers.authorization).toBe(await sdkSignature(request, 'secretsmanager'));
  });

  it('names service errors as the SDK does and keeps the rest of the error body', async () => {
    // Prepare
    endpoint = await startScriptedEndpoint((_, res) =>
      replyJson(res, 400, {
        __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
        message: 'The conditional request failed',
        Item: { id: { S: 'k' } },
      }),
    );

    // Act
    const error = await clientFor(endpoint.url)
      .call('PutItem', {})
      .catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(AwsServiceError);
    expect(error).toMatchObject({
      name: 'ConditionalCheckFailedException',
      message: 'The conditional request failed',
      statusCode: 400,
      details: { Item: { id: { S: 'k' } } },
    });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('sends again once after a 5xx or throttling, never after a client error', async () => {
    // Prepare: answers in the order requests arrive.
    const internal = [500, { __type: 'InternalServerError', message: 'try again' }] as const;
    const throttled = [400, { __type: 'ThrottlingException', message: 'slow down' }] as const;
    const noTable = [400, { __type: 'ResourceNotFoundException', message: 'no table' }] as const;
    const script = [internal, internal, throttled, throttled, noTable];
    endpoint = await startScriptedEndpoint((_, res, index) => {
      const [status, body] = script[index] ?? [200, {}];
      replyJson(res, status, body);
    });
    const dynamodb = clientFor(endpoint.url);

    // Act
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      names.push(
        await dynamodb.call('PutItem', {}).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      );
    }

    // Assess: two sends each for the 5xx and the throttling, one for the missing table.
    expect(names).toEqual([
      'InternalServerError',
      'ThrottlingException',
      'ResourceNotFoundException',
    ]);
    expect(endpoint.requests).toHaveLength(5);
  });

  it('gives up with TimeoutError when no answer comes, after two attempts', async () => {
    // Prepare: an endpoint that reads the request and never answers.
    endpoint = await startScriptedEndpoint(() => undefined);

    // Act
    const error = await clientFor(endpoint.url, {}, { timeoutMs: 50 })
      .call('GetItem', {})
      .catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(AwsRequestError);
    expect(error).toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' });
    expect(endpoint.requests).toHaveLength(2);
  });

  it('fails with the connection error when nothing listens', async () => {
    // Prepare: a port that was just freed.
    const closed = await startScriptedEndpoint(() => undefined);
    await closed.close();

    // Act
    const error = await clientFor(closed.url)
      .call('GetItem', {})
      .catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(AwsRequestError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('refuses to send without a region or credentials, naming the variable', async () => {
    // Prepare
    const noRegion = new AwsJsonClient(DYNAMODB, { env: { ...CREDENTIALS } });
    const noKeys = new AwsJsonClient(DYNAMODB, { env: { AWS_REGION: 'eu-west-1' } });

    // Act
    const errors = await Promise.all([
      noRegion.call('GetItem', {}).catch((e: unknown) => e),
      noKeys.call('GetItem', {}).catch((e: unknown) => e),
    ]);

    // Assess
    expect(errors[0]).toBeInstanceOf(AwsSettingsError);
    expect((errors[0] as Error).message).toContain('AWS_REGION');
    expect(errors[1]).toBeInstanceOf(AwsSettingsError);
    expect((errors[1] as Error).message).toContain('AWS_ACCESS_KEY_ID');
  });
});
