import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResponse } from '../responses.js';

type HeaderMap<T> = Record<string, T | undefined>;

/**
 * The same map with lower-case names, as `@middy/http-header-normalizer` makes it (when two names
 * differ only in case, the later one wins), or the map itself when every name is lower case
 * already — as API Gateway's payload 2.0 delivers them, so the usual request copies nothing.
 */
export function withLowerCaseNames<T>(headers: HeaderMap<T>): HeaderMap<T> {
  for (const name in headers) {
    if (name !== name.toLowerCase()) return rebuilt(headers);
  }
  return headers;
}

function rebuilt<T>(headers: HeaderMap<T>): HeaderMap<T> {
  const lower: HeaderMap<T> = {};
  for (const name of Object.keys(headers)) lower[name.toLowerCase()] = headers[name];
  return lower;
}

/**
 * Lower-case header names (`event.headers`, and `multiValueHeaders` of a payload 1.0 event) for
 * every lookup after it, e.g. `headers['content-type']`.
 */
export function lowerCaseHeaders(): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  return {
    before: ({ event }) => {
      if (event.headers) event.headers = withLowerCaseNames(event.headers);
      const v1 = event as { multiValueHeaders?: HeaderMap<string[]> };
      if (v1.multiValueHeaders) v1.multiValueHeaders = withLowerCaseNames(v1.multiValueHeaders);
    },
  };
}
