import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ProblemError } from '../../problems/errors.js';
import { decodeUtf8, parseJsonText } from '../../validation/json-text.js';
import { bodyBytesOf, jsonMediaTypeProblem } from '../media-type.js';
import type { HttpResponse } from '../responses.js';

/**
 * 415 unless `Content-Type` is `application/json` (any case, any parameters, UTF-8 only). Runs
 * before the size check, so a large body of the wrong type is refused for its type. Expects the
 * header normaliser's lower-case names.
 */
export function requireJsonContentType(): middy.MiddlewareObj<
  APIGatewayProxyEventV2,
  HttpResponse
> {
  return {
    before: async ({ event }) => {
      const problem = jsonMediaTypeProblem(event.headers?.['content-type']);
      if (problem) {
        throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type', {
          detail: problem,
        });
      }
    },
  };
}

/**
 * Decodes the body exactly once, as the deployed handler does: bytes (base64 when API Gateway
 * encoded them) → strict UTF-8 → `JSON.parse`. A body that is a JSON string stays a string (and
 * fails the schema); it is never parsed a second time.
 */
export function parseJsonBody(): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  return {
    before: async ({ event }) => {
      const text = decodeUtf8(bodyBytesOf(event.body, event.isBase64Encoded === true));
      event.body = parseJsonText(text) as string;
      event.isBase64Encoded = false;
    },
  };
}
