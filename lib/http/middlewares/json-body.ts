import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ProblemError } from '../../problems/errors.js';
import { bodyBytesOf, jsonMediaTypeProblem } from '../media-type.js';
import type { HttpResponse } from '../responses.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

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

/** Strict UTF-8: malformed bytes are a 400, never silently turned into U+FFFD. */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ProblemError('MALFORMED_JSON', 'Body is not UTF-8', {
      detail: 'The body is not valid UTF-8.',
    });
  }
}

/** `JSON.parse` whose failure is a 400 problem (the parser's message is not echoed). */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') {
    throw new ProblemError('MALFORMED_JSON', 'Empty body', {
      detail: 'The body is empty: send a JSON object.',
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError('MALFORMED_JSON', 'Body is not JSON', {
      detail: 'The body is not valid JSON.',
    });
  }
}
