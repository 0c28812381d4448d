import middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { ROUTES } from '../routes.js';
import type { WebhookDelivery } from '../webhooks/deliver.js';
import { bodyBytesOf } from './media-type.js';
import { bodyLimit } from './middlewares/body-limit.js';
import { requireJsonContentType } from './middlewares/json-body.js';
import { lowerCaseHeaders } from './middlewares/lower-case-headers.js';
import { problemDetails } from './middlewares/problem-details.js';
import { requestContext } from './middlewares/request-context.js';
import { requestIdOf } from './request-id.js';
import type { HttpResponse } from './responses.js';

/** The delivery carried by an API Gateway event for `POST /webhooks/{source}`. */
function deliveryOf(event: APIGatewayProxyEventV2, context: Context): WebhookDelivery {
  return {
    source: event.pathParameters?.source ?? '',
    headers: event.headers ?? {},
    // The body exactly as sent: API Gateway base64-encodes non-text bodies (`isBase64Encoded`).
    rawBody: bodyBytesOf(event.body, event.isBase64Encoded === true),
    requestId: requestIdOf(event),
    lambdaContext: context,
  };
}

/**
 * The webhook route's middleware stack, outermost first: invocation context (log keys, correlation
 * id, `X-Request-Id`), lower-case header names (for the signature lookups), JSON content type (415 first, so a
 * large body of another type is refused for its type), body limit and problem+json. Unlike
 * `httpHandler` it never parses the body: the signature is checked on the raw bytes first.
 */
export function webhookHttpHandler(
  route: (delivery: WebhookDelivery) => Promise<HttpResponse>,
  maxBodyBytes: number = ROUTES.webhook.maxBodyBytes,
): middy.MiddyfiedHandler<APIGatewayProxyEventV2, HttpResponse> {
  return middy<APIGatewayProxyEventV2, HttpResponse>()
    .use(requestContext())
    .use(lowerCaseHeaders())
    .use(requireJsonContentType())
    .use(bodyLimit(maxBodyBytes))
    .use(problemDetails())
    .handler((event, context) => route(deliveryOf(event, context)));
}
