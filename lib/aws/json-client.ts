/**
 * A small client for AWS's JSON protocols (DynamoDB, Secrets Manager): SigV4 by `aws4`, the
 * request by the project's node-fetch. It replaces the AWS SDK clients in the functions that serve
 * requests: the SDK was most of their bundles and of their cold start (docs/benchmarks.md, "Cold
 * start without the AWS SDK", says what was measured and which options lost). What the SDK clients
 * did and callers rely on is kept: the endpoint, region and credentials from the usual
 * environment variables, bounded time per attempt, one resend of what may be resent, and errors
 * named as the SDK names them.
 */
import type { ClientRequestArgs } from 'node:http';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import aws4 from 'aws4';
import fetch, { FetchError } from 'node-fetch';
import { AwsRequestError, AwsServiceError, AwsSettingsError } from './errors.js';

/** One AWS service spoken to in JSON. */
export interface AwsJsonService {
  /** SigV4 signing name and endpoint host prefix: `dynamodb`, `secretsmanager`. */
  readonly signingName: string;
  /** Its service-specific endpoint variable: `AWS_ENDPOINT_URL_<endpointId>`. */
  readonly endpointId: string;
  /** The `X-Amz-Target` prefix: `DynamoDB_20120810`, `secretsmanager`. */
  readonly targetPrefix: string;
  /** `application/x-amz-json-<jsonVersion>`. */
  readonly jsonVersion: '1.0' | '1.1';
}

/** DynamoDB (AWS JSON 1.0): idempotency and outcome records. */
export const DYNAMODB: AwsJsonService = {
  signingName: 'dynamodb',
  endpointId: 'DYNAMODB',
  targetPrefix: 'DynamoDB_20120810',
  jsonVersion: '1.0',
};

/** Secrets Manager (AWS JSON 1.1): `GetSecretValue` for the SDRS and webhook secrets. */
export const SECRETS_MANAGER: AwsJsonService = {
  signingName: 'secretsmanager',
  endpointId: 'SECRETS_MANAGER',
  targetPrefix: 'secretsmanager',
  jsonVersion: '1.1',
};

export interface AwsJsonClientOptions {
  /** A new connection must be up within this (default 1 s, as the SDK clients had). */
  readonly connectTimeoutMs?: number;
  /** The answer must be complete within this after connecting (default 3 s). */
  readonly requestTimeoutMs?: number;
  /** Sends in all, the first included (default 2). Only what may be resent is. */
  readonly maxAttempts?: number;
  /** Where the settings come from (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Errors AWS documents as "try again": throttling, and the service's own failures (5xx). */
const RESENDABLE = new Set([
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
]);

function resendable(error: unknown): boolean {
  if (error instanceof AwsRequestError) return true;
  return (
    error instanceof AwsServiceError && (error.statusCode >= 500 || RESENDABLE.has(error.name))
  );
}

/**
 * Keep-alive agent whose new connections must connect within `timeoutMs`: a dead endpoint fails
 * the attempt in 1 s instead of waiting out the whole request timeout.
 */
function agentWithConnectTimeout(agent: HttpAgent, timeoutMs: number): HttpAgent {
  type Create = (options: ClientRequestArgs, callback: unknown) => Duplex;
  const target = agent as unknown as { createConnection: Create };
  const create = target.createConnection.bind(agent);
  target.createConnection = (options, callback) => {
    const socket = create(options, callback);
    const timer = setTimeout(() => {
      const reason = `no connection within ${timeoutMs} ms`;
      socket.destroy(new AwsRequestError(reason, { name: 'TimeoutError', code: 'ETIMEDOUT' }));
    }, timeoutMs);
    socket.once('connect', () => clearTimeout(timer));
    socket.once('close', () => clearTimeout(timer));
    return socket;
  };
  return agent;
}

/** The endpoint as the AWS SDK finds it: service-specific variable, then the general one. */
function endpointOf(service: AwsJsonService, env: NodeJS.ProcessEnv, region: string): URL {
  const configured =
    env[`AWS_ENDPOINT_URL_${service.endpointId}`]?.trim() || env.AWS_ENDPOINT_URL?.trim();
  if (configured) return new URL(configured);
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return new URL(`https://${service.signingName}.${region}.${domain}/`);
}

function credentialsOf(env: NodeJS.ProcessEnv): aws4.Credentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new AwsSettingsError(
      'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set (Lambda sets them from the function role; elsewhere export them, e.g. `aws configure export-credentials --format env`)',
    );
  }
  return { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined };
}

/** The error a non-2xx answer stands for; its body's own words, never the request's. */
function serviceError(status: number, text: string, typeHeader: string | null): AwsServiceError {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const { __type, message, Message, ...details } = body;
  const type = String(__type ?? typeHeader?.split(':')[0] ?? `Http${status}Error`);
  const name = type.slice(type.lastIndexOf('#') + 1);
  return new AwsServiceError(name, String(message ?? Message ?? `HTTP ${status}`), status, details);
}

/**
 * A successful answer's JSON. A body that is not JSON fails without the parser's message: that
 * quotes the body, which may be a secret's value.
 */
function parseAnswer(text: string, status: number): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AwsServiceError('InvalidAnswerError', 'the answer was not JSON', status);
  }
}

function requestError(error: unknown, timedOut: boolean): AwsRequestError {
  const code = error instanceof FetchError ? error.code : undefined;
  if (timedOut || code === 'ETIMEDOUT') {
    return new AwsRequestError('no answer within the timeout', {
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new AwsRequestError(`the request failed: ${reason}`, { code, cause: error });
}

/** Calls one AWS JSON service; one instance (and its warm connections) per container. */
export class AwsJsonClient {
  readonly #service: AwsJsonService;
  readonly #env: NodeJS.ProcessEnv;
  readonly #requestTimeoutMs: number;
  readonly #connectTimeoutMs: number;
  readonly #maxAttempts: number;
  readonly #agents: { readonly http: HttpAgent; readonly https: HttpAgent };

  /** A client of `service`; settings are read from `options.env` at each call. */
  constructor(service: AwsJsonService, options: AwsJsonClientOptions = {}) {
    this.#service = service;
    this.#env = options.env ?? process.env;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 1_000;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? 3_000;
    this.#maxAttempts = options.maxAttempts ?? 2;
    this.#agents = {
      http: agentWithConnectTimeout(new HttpAgent({ keepAlive: true }), this.#connectTimeoutMs),
      https: agentWithConnectTimeout(new HttpsAgent({ keepAlive: true }), this.#connectTimeoutMs),
    };
  }

  /**
   * Sends `operation` (e.g. `PutItem`) with `input` and returns the parsed answer. Resends once
   * what AWS says may be resent (no answer, throttling, 5xx) after a short random pause.
   *
   * @throws `AwsServiceError` (named as the SDK names the exception), `AwsRequestError`
   *   (`TimeoutError` or a broken connection), `AwsSettingsError` (no region or credentials).
   */
  async call<T = Record<string, unknown>>(operation: string, input: object): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.#send(operation, JSON.stringify(input))) as T;
      } catch (error) {
        if (attempt >= this.#maxAttempts || !resendable(error)) throw error;
        await sleep(Math.random() * 100);
      }
    }
  }

  /** Closes the warm connections (tests, scripts). */
  destroy(): void {
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  async #send(operation: string, body: string): Promise<unknown> {
    const env = this.#env;
    const region = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim();
    if (!region) throw new AwsSettingsError('AWS_REGION is not set');
    const url = endpointOf(this.#service, env, region);
    const signed = aws4.sign(
      {
        host: url.host,
        path: url.pathname,
        method: 'POST',
        service: this.#service.signingName,
        region,
        body,
        headers: {
          'Content-Type': `application/x-amz-json-${this.#service.jsonVersion}`,
          'X-Amz-Target': `${this.#service.targetPrefix}.${operation}`,
        },
      },
      credentialsOf(env),
    );
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#connectTimeoutMs + this.#requestTimeoutMs);
    try {
      const response = await fetch(url.href, {
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        body,
        agent: url.protocol === 'http:' ? this.#agents.http : this.#agents.https,
        signal: controller.signal,
        redirect: 'manual',
      });
      const text = await response.text();
      if (response.status < 200 || response.status >= 300) {
        throw serviceError(response.status, text, response.headers.get('x-amzn-errortype'));
      }
      return parseAnswer(text, response.status);
    } catch (error) {
      if (error instanceof AwsServiceError) throw error;
      throw requestError(error, timedOut);
    } finally {
      clearTimeout(timer);
    }
  }
}
