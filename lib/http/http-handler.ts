import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { logger } from '../observability/logger.js';
import type { CompiledValidator } from '../validation/types.js';
import { bodyLimit } from './middlewares/body-limit.js';
import { problemDetails } from './middlewares/problem-details.js';
import { requestIdHeader } from './middlewares/request-id-header.js';
import { validateBody } from './middlewares/validate-body.js';
import { requestIdOf } from './request-id.js';
import type { HttpResponse } from './responses.js';

/** What a route receives: the event with normalised (lower-case) headers and the valid body. */
export interface HttpRequest<TBody> {
  readonly event: APIGatewayProxyEventV2;
  readonly context: Context;
  readonly body: TBody;
  readonly requestId: string;
}

export interface HttpHandlerOptions<TBody> {
  /** A JSON body validated by this build-time validator; omit for routes without a body. */
  readonly body?: { readonly validator: CompiledValidator<TBody>; readonly maxBytes: number };
}

export type HttpRoute<TBody> = (request: HttpRequest<TBody>) => Promise<HttpResponse>;

/**
 * Wraps a route in the standard middleware stack, outermost first: logger context (correlation
 * id), `X-Request-Id` stamping, header normalisation, body limit, JSON parsing, schema validation,
 * and our problem+json error handler registered last.
 */
export function httpHandler<TBody = undefined>(
  options: HttpHandlerOptions<TBody>,
  route: HttpRoute<TBody>,
): middy.MiddyfiedHandler<APIGatewayProxyEventV2, HttpResponse> {
  const handler = middy<APIGatewayProxyEventV2, HttpResponse>()
    .use(
      injectLambdaContext(logger, {
        correlationIdPath: 'requestContext.requestId',
        resetKeys: true,
      }),
    )
    .use(requestIdHeader())
    .use(httpHeaderNormalizer());
  if (options.body) {
    handler
      .use(bodyLimit(options.body.maxBytes))
      .use(httpJsonBodyParser())
      .use(validateBody(options.body.validator));
  }
  return handler
    .use(problemDetails())
    .handler((event, context) =>
      route({ event, context, body: event.body as TBody, requestId: requestIdOf(event) }),
    );
}
