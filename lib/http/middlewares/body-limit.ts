import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ProblemError } from '../../problems/errors.js';
import type { HttpResponse } from '../responses.js';

/** Rejects bodies over `maxBytes` with 413 before anything parses them. */
export function bodyLimit(
  maxBytes: number,
): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  return {
    before: async ({ event }) => {
      if (typeof event.body !== 'string') return;
      const bytes = event.isBase64Encoded
        ? Math.floor((event.body.length * 3) / 4)
        : Buffer.byteLength(event.body, 'utf8');
      if (bytes > maxBytes) {
        throw new ProblemError('PAYLOAD_TOO_LARGE', 'Body too large', {
          detail: `The body has ${bytes} bytes; at most ${maxBytes} are accepted.`,
        });
      }
    },
  };
}
