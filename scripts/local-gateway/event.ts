/**
 * Builds the Lambda event (HTTP API payload 2.0) exactly as API Gateway would: headers as sent
 * (names lower-cased, repeats joined by commas), no Content-Type invented, the body as text when
 * its type is textual and its bytes are UTF-8 — else base64 with `isBase64Encoded` — and never
 * decoded. serverless-offline's own events differ on each of these points.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { VerifiedToken } from './authorizer.js';
import type { RouteMatch } from './routes.js';

/** Media types API Gateway hands over as text. */
const TEXT_TYPE = /^(text\/[^;]+|application\/(json|xml|javascript|[^;]+\+(json|xml)))\s*(;|$)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text when it is textual UTF-8, else base64. */
function encodeBody(
  body: Buffer,
  contentType: string | undefined,
): { body?: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { isBase64Encoded: false };
  if (contentType && TEXT_TYPE.test(contentType.trim())) {
    try {
      return { body: utf8.decode(body), isBase64Encoded: false };
    } catch {
      // not UTF-8: handed over as bytes
    }
  }
  return { body: body.toString('base64'), isBase64Encoded: true };
}

/** Header names lower-cased, repeated headers joined with commas (cookies go to `cookies`). */
function eventHeaders(rawHeaders: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    const value = rawHeaders[index + 1] ?? '';
    if (name === 'cookie') continue;
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return headers;
}

function queryOf(search: URLSearchParams): Record<string, string> | undefined {
  const query: Record<string, string> = {};
  for (const [name, value] of search) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }
  return Object.keys(query).length > 0 ? query : undefined;
}

export interface EventInput {
  readonly request: IncomingMessage;
  readonly url: URL;
  readonly body: Buffer;
  readonly match: RouteMatch;
  readonly token?: VerifiedToken;
}

/** The payload-2.0 event API Gateway would send the route's function. */
export function gatewayEvent({
  request,
  url,
  body,
  match,
  token,
}: EventInput): APIGatewayProxyEventV2 {
  const headers = eventHeaders(request.rawHeaders);
  const cookies = request.headers.cookie?.split(/;\s*/).filter(Boolean);
  const now = new Date();
  const method = (request.method ?? 'GET').toUpperCase();
  return {
    version: '2.0',
    routeKey: match.route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies && cookies.length > 0 && { cookies }),
    headers,
    ...(queryOf(url.searchParams) && { queryStringParameters: queryOf(url.searchParams) }),
    ...(match.pathParameters && { pathParameters: match.pathParameters }),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      ...(token && { authorizer: { jwt: { claims: token.claims, scopes: token.scopes } } }),
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: match.route.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...encodeBody(body, headers['content-type']),
  } as APIGatewayProxyEventV2;
}
