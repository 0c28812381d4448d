import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { logger } from '../../observability/logger.js';
import { requestIdOf } from '../request-id.js';
import type { HttpResponse } from '../responses.js';

/**
 * Puts `X-Request-Id` on every response, successful or not, and makes it the logger's correlation
 * id. Register it after the logger middleware and before `problemDetails`.
 */
export function requestIdHeader(): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  const stamp = async (request: middy.Request<APIGatewayProxyEventV2, HttpResponse>) => {
    if (request.response) {
      request.response.headers = {
        ...request.response.headers,
        'x-request-id': requestIdOf(request.event),
      };
    }
  };
  return {
    // The logger's correlation id is the same id, so a log search by X-Request-Id finds the request.
    before: async (request) => {
      logger.setCorrelationId(requestIdOf(request.event));
    },
    after: stamp,
    onError: stamp,
  };
}
