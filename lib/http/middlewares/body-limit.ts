import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ProblemError } from '../../problems/errors.js';
import { bodyByteLength } from '../media-type.js';
import type { HttpResponse } from '../responses.js';

/**
 * Rejects bodies over `maxBytes` with 413 before anything parses them. A base64-encoded body
 * (API Gateway's form for bodies it does not treat as text) counts by its decoded bytes.
 */
export function bodyLimit(
  maxBytes: number,
): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  return {
    before: ({ event }) => {
      if (typeof event.body !== 'string') return;
      const bytes = bodyByteLength(event.body, event.isBase64Encoded === true);
      if (bytes > maxBytes) {
        throw new ProblemError('PAYLOAD_TOO_LARGE', 'Body too large', {
          detail: `The body has ${bytes} bytes; at most ${maxBytes} are accepted.`,
        });
      }
    },
  };
}
