import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

export interface EventOptions {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly pathParameters?: Record<string, string>;
  /** An object is JSON-encoded; a string is sent as is. */
  readonly body?: unknown;
  readonly requestId?: string;
  /**
   * Verified JWT claims as the API Gateway authorizer passes them; defaults to a user holding
   * both scopes. `'none'` = no authorizer context at all.
   */
  readonly auth?: { readonly sub: string; readonly scopes: readonly string[] } | 'none';
}

const defaultAuth = {
  sub: 'user-0001',
  scopes: ['sdrs-bff/protection-groups.write', 'sdrs-bff/protection-groups.read'],
};

/** An API Gateway HTTP API (payload v2) event as the gateway would deliver it. */
export function httpEvent(options: EventOptions = {}): APIGatewayProxyEventV2 {
  const method = options.method ?? 'GET';
  const path = options.path ?? '/';
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const rawQueryString = new URLSearchParams(options.query ?? {}).toString();
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.query && { queryStringParameters: options.query }),
    ...(options.pathParameters && { pathParameters: options.pathParameters }),
    requestContext: {
      ...authorizer(options.auth ?? defaultAuth),
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: options.requestId ?? randomUUID(),
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    ...(body !== undefined && { body }),
    isBase64Encoded: false,
  };
}

/** A Lambda context good enough for Middy and Powertools. */
export function lambdaContext(remainingMs = 29_000): Context {
  const deadline = Date.now() + remainingMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'sdrs-bff-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:sdrs-bff-test',
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/sdrs-bff-test',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function authorizer(auth: EventOptions['auth']) {
  if (auth === 'none' || auth === undefined) return {};
  return {
    authorizer: {
      jwt: {
        claims: { sub: auth.sub, scope: auth.scopes.join(' '), iss: 'https://issuer.test/' },
        scopes: [...auth.scopes],
      },
    },
  };
}
