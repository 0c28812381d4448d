import type middy from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ProblemError } from '../../problems/errors.js';
import { decodeUtf8, malformedJson, refuseEmptyText } from '../../validation/json-text.js';
import { bodyBytesOf, jsonMediaTypeProblem } from '../media-type.js';
import type { HttpResponse } from '../responses.js';

/**
 * 415 unless `Content-Type` is `application/json` (any case, any parameters, UTF-8 only). Runs
 * before the size check, so a large body of the wrong type is refused for its type. Expects the
 * lower-case header names (`lowerCaseHeaders`).
 */
export function requireJsonContentType(): middy.MiddlewareObj<
  APIGatewayProxyEventV2,
  HttpResponse
> {
  return {
    before: ({ event }) => {
      const problem = jsonMediaTypeProblem(event.headers?.['content-type']);
      if (problem) {
        throw new ProblemError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type', {
          detail: problem,
        });
      }
    },
  };
}

const BYTE_ORDER_MARK = 0xfeff;

/** `String.prototype.isWellFormed` (Node 20+; not in the ES2023 type library). */
type MaybeWellFormed = string & { isWellFormed(): boolean };

/**
 * The body as strict UTF-8 text. A text body (API Gateway's usual form) that is well formed and
 * has no byte-order mark is already what encoding it and decoding it again would give, so it is
 * taken as it is; anything else (base64, lone surrogates, a BOM) goes through the bytes.
 */
export function jsonBodyText(body: string | undefined, isBase64Encoded: boolean): string {
  if (
    !isBase64Encoded &&
    typeof body === 'string' &&
    body.charCodeAt(0) !== BYTE_ORDER_MARK &&
    (body as MaybeWellFormed).isWellFormed()
  ) {
    return body;
  }
  return decodeUtf8(bodyBytesOf(body, isBase64Encoded));
}

/**
 * Decodes the body exactly once, as the deployed handler does: bytes (base64 when API Gateway
 * encoded them) → strict UTF-8 → `JSON.parse` by Middy's JSON body parser. A body that is a JSON
 * string stays a string (and fails the schema); it is never parsed a second time.
 *
 * We decode the bytes ourselves first because the parser would turn invalid UTF-8 into U+FFFD
 * and count nothing; its content-type check is off because `requireJsonContentType` has already
 * answered that (exact media type, charset). Middy 6 reports malformed JSON as a 415: it becomes
 * our 400 `MALFORMED_JSON`.
 */
export function parseJsonBody(): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  // `disableContentTypeCheck` is in the parser's code but not in its 6.4.5 type declarations.
  const options = { disableContentTypeCheck: true, reviver: undefined };
  const parser = httpJsonBodyParser<APIGatewayProxyEventV2>(options);
  return {
    before: async (request) => {
      const { event } = request;
      const text = jsonBodyText(event.body, event.isBase64Encoded === true);
      refuseEmptyText(text);
      event.body = text;
      event.isBase64Encoded = false;
      try {
        await parser.before?.(request);
      } catch (error) {
        throw malformedJson(error);
      }
    },
  };
}
