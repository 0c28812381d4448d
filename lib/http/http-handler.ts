import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { CompiledValidator } from '../validation/types.js';
import { allowedOrigins, CORS_EXPOSED_HEADERS, corsOriginMatcher } from './cors.js';
import { beforeChain } from './middlewares/before-chain.js';
import { bodyLimit } from './middlewares/body-limit.js';
import { parseJsonBody, requireJsonContentType } from './middlewares/json-body.js';
import { lowerCaseHeaders } from './middlewares/lower-case-headers.js';
import { problemDetails } from './middlewares/problem-details.js';
import { requestContext } from './middlewares/request-context.js';
import { requireScope } from './middlewares/require-scope.js';
import { validateBody } from './middlewares/validate-body.js';
import { validateQuery } from './middlewares/validate-query.js';
import { requestIdOf } from './request-id.js';
import type { HttpResponse } from './responses.js';

/** What a route receives: the event (lower-case headers), the valid body and the valid query. */
export interface HttpRequest<TBody, TQuery = undefined> {
  readonly event: APIGatewayProxyEventV2;
  readonly context: Context;
  readonly body: TBody;
  /** The validated, coerced query (defaults applied); `undefined` without a `query` option. */
  readonly query: TQuery;
  readonly requestId: string;
}

export interface HttpHandlerOptions<TBody, TQuery = undefined> {
  /** The JWT scope this route needs, or `'public'` for routes open to anyone. */
  readonly auth: { readonly scope: string } | 'public';
  /** A JSON body validated by this build-time validator; omit for routes without a body. */
  readonly body?: { readonly validator: CompiledValidator<TBody>; readonly maxBytes: number };
  /** A query string validated by this build-time validator (compiled with coercion). */
  readonly query?: { readonly validator: CompiledValidator<TQuery> };
}

export type HttpRoute<TBody, TQuery = undefined> = (
  request: HttpRequest<TBody, TQuery>,
) => Promise<HttpResponse>;

/** Read once per container: the origins allowed to call the API from a browser. */
const corsOrigins = allowedOrigins();

/**
 * Without allowed origins Middy's CORS middleware added only this header (no origin matches):
 * stamping it with `X-Request-Id` keeps every answer identical without running that middleware
 * (a response copy through `structuredClone` per request).
 */
const HEADERS_WITHOUT_CORS =
  corsOrigins.length === 0
    ? { 'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(',') }
    : undefined;

/**
 * Wraps a route in the standard middleware stack, outermost first: invocation context (log keys,
 * correlation id, `X-Request-Id`), CORS headers when origins are configured (also on errors and
 * replays), lower-case header names, caller scope check, query validation, content type (415
 * before the size check), body limit, JSON decoding, body validation, and our problem+json error
 * handler registered last.
 */
export function httpHandler<TBody = undefined, TQuery = undefined>(
  options: HttpHandlerOptions<TBody, TQuery>,
  route: HttpRoute<TBody, TQuery>,
): middy.MiddyfiedHandler<APIGatewayProxyEventV2, HttpResponse> {
  const handler = middy<APIGatewayProxyEventV2, HttpResponse>().use(
    requestContext({ extraHeaders: HEADERS_WITHOUT_CORS }),
  );
  if (corsOrigins.length > 0) {
    handler.use(
      httpCors({
        origins: corsOrigins,
        getOrigin: corsOriginMatcher(corsOrigins),
        exposeHeaders: CORS_EXPOSED_HEADERS.join(','),
      }),
    );
  }
  // The checks before the route run as one Middy middleware (lib/http/middlewares/before-chain.ts).
  const checks = beforeChain().use(lowerCaseHeaders());
  if (options.auth !== 'public') checks.use(requireScope(options.auth.scope));
  if (options.query) checks.use(validateQuery(options.query.validator));
  if (options.body) {
    checks
      .use(requireJsonContentType())
      .use(bodyLimit(options.body.maxBytes))
      .use(parseJsonBody())
      .use(validateBody(options.body.validator));
  }
  handler.use(checks);
  return handler.use(problemDetails()).handler((event, context) =>
    route({
      event,
      context,
      body: event.body as TBody,
      query: (options.query ? event.queryStringParameters : undefined) as TQuery,
      requestId: requestIdOf(event),
    }),
  );
}
