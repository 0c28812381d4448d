/**
 * `npm start`'s local API gateway: the only listening port of the local stack. It does what the
 * deployed HTTP API does before and after a function — route, CORS, the JWT authorizer, the
 * payload-2.0 event, the response mapping — and calls the functions through serverless-offline's
 * invoke API on a private Unix socket.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AuthorizerRejection, type JwtAuthorizer, type VerifiedToken } from './authorizer.js';
import { type CorsSettings, preflightHeaders, withCorsHeaders } from './cors.js';
import { gatewayEvent } from './event.js';
import type { Invoke } from './invoke.js';
import { matchRoute } from './routes.js';

/** API Gateway's payload limit for HTTP APIs. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export interface LocalGatewayOptions {
  readonly host: string;
  /** 0 = any free port. */
  readonly port: number;
  readonly invoke: Invoke;
  readonly cors: CorsSettings;
  /** The JWT authorizer of the protected routes; absent = authentication off. */
  readonly authorizer?: JwtAuthorizer;
  /** Receives one line per refused token (never the token). */
  readonly log?: (line: string) => void;
}

export interface LocalGateway {
  readonly url: string;
  close(): Promise<void>;
}

interface GatewayAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  /** A preflight answer already carries its CORS headers. */
  readonly preflight?: true;
}

const json = (status: number, message: string, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: Buffer.from(JSON.stringify({ message })),
});

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A function's payload-2.0 answer as HTTP (a bare value is a 200 JSON body, as deployed). */
function httpAnswerOf(payload: unknown): GatewayAnswer {
  const result = payload as {
    statusCode?: unknown;
    headers?: Record<string, unknown>;
    cookies?: unknown;
    body?: unknown;
    isBase64Encoded?: unknown;
  } | null;
  if (!result || typeof result !== 'object' || typeof result.statusCode !== 'number') {
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(payload)),
    };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]},${String(value)}` : String(value);
  }
  const body = typeof result.body === 'string' ? result.body : '';
  return {
    status: result.statusCode,
    headers,
    body: Buffer.from(body, result.isBase64Encoded === true ? 'base64' : 'utf8'),
  };
}

async function answer(
  options: LocalGatewayOptions,
  request: IncomingMessage,
): Promise<GatewayAnswer> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = (request.method ?? 'GET').toUpperCase();
  const origin = request.headers.origin;
  if (
    method === 'OPTIONS' &&
    origin !== undefined &&
    request.headers['access-control-request-method']
  ) {
    const headers = preflightHeaders(options.cors, origin);
    return { status: 204, headers, body: Buffer.alloc(0), preflight: true };
  }
  const body = await readBody(request);
  if (!body) return json(413, 'Request Entity Too Large');
  const match = matchRoute(method, url.pathname);
  let token: VerifiedToken | undefined;
  if (options.authorizer && match.route.scope) {
    try {
      token = await options.authorizer(request.headers.authorization, match.route.scope);
    } catch (error) {
      if (!(error instanceof AuthorizerRejection)) throw error;
      options.log?.(`${error.status} ${method} ${url.pathname}: ${error.message}`);
      return error.status === 401
        ? json(401, 'Unauthorized', { 'www-authenticate': 'Bearer' })
        : json(403, 'Forbidden');
    }
  }
  const event = gatewayEvent({ request, url, body, match, token });
  const result = await options.invoke(match.route.functionKey, event);
  if (result.functionError) return json(500, 'Internal Server Error');
  return httpAnswerOf(result.payload);
}

async function serve(
  options: LocalGatewayOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let result: GatewayAnswer;
  try {
    result = await answer(options, request);
  } catch (error) {
    options.log?.(`500 ${request.method} ${request.url}: ${(error as Error).message}`);
    result = json(500, 'Internal Server Error');
  }
  const headers = result.preflight
    ? result.headers
    : withCorsHeaders(options.cors, request.headers.origin, result.headers);
  response.writeHead(result.status, { ...headers, 'content-length': String(result.body.length) });
  response.end(result.body);
}

/** Starts the gateway on `host:port`. */
export async function startLocalGateway(options: LocalGatewayOptions): Promise<LocalGateway> {
  const server: Server = createServer(
    (request, response) => void serve(options, request, response),
  );
  await new Promise<void>((done) => server.listen(options.port, options.host, done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
