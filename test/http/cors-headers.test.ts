/**
 * Middy's CORS middleware runs only when origins are configured; the answers stay what they were
 * when it ran on every request. The oracle is that middleware, always attached, in the old order.
 */

import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CORS_EXPOSED_HEADERS, corsOriginMatcher } from '../../lib/http/cors.js';
import type { HttpRoute } from '../../lib/http/http-handler.js';
import { problemDetails } from '../../lib/http/middlewares/problem-details.js';
import { requestIdOf } from '../../lib/http/request-id.js';
import { type HttpResponse, jsonResponse } from '../../lib/http/responses.js';
import { ProblemError } from '../../lib/problems/errors.js';
import { httpEvent, lambdaContext } from '../support/events.js';

const ALLOWED = 'http://localhost:5173';

/**
 * Answers 200, or a 404 problem when the request says `x-fail` (thrown as the `ProblemError` of
 * the module graph the handler was loaded from).
 */
const routeWith =
  (Problem: typeof ProblemError): HttpRoute<undefined> =>
  async ({ event }) => {
    if (event.headers['x-fail']) throw new Problem('NOT_FOUND', 'Not found', { detail: 'no' });
    return jsonResponse(200, { ok: true }, { location: '/jobs/1' });
  };

/** The stack as it was: CORS on every request, then X-Request-Id stamped around it. */
function oracleHandler(origins: string[]) {
  return middy<APIGatewayProxyEventV2, HttpResponse>()
    .use({
      after: async (request) => {
        request.response = {
          ...(request.response as HttpResponse),
          headers: {
            ...request.response?.headers,
            'x-request-id': requestIdOf(request.event),
          },
        };
      },
      onError: async (request) => {
        if (request.response) {
          request.response.headers = {
            ...request.response.headers,
            'x-request-id': requestIdOf(request.event),
          };
        }
      },
    })
    .use(
      httpCors({
        origins,
        getOrigin: corsOriginMatcher(origins),
        exposeHeaders: CORS_EXPOSED_HEADERS.join(','),
      }),
    )
    .use(problemDetails())
    .handler((event, context) =>
      routeWith(ProblemError)({
        event,
        context,
        body: undefined,
        query: undefined,
        requestId: requestIdOf(event),
      }),
    );
}

/** `httpHandler` as a handler module builds it: origins are read when the module loads. */
async function currentHandler(origins: string) {
  vi.resetModules();
  process.env.CORS_ALLOWED_ORIGINS = origins;
  const { httpHandler } = await import('../../lib/http/http-handler.js');
  const errors = await import('../../lib/problems/errors.js');
  return httpHandler({ auth: 'public' }, routeWith(errors.ProblemError));
}

const requests: Array<{ name: string; headers: Record<string, string> }> = [
  { name: 'no Origin', headers: {} },
  { name: 'an allowed Origin', headers: { origin: ALLOWED } },
  { name: 'another Origin', headers: { origin: 'https://elsewhere.example' } },
  { name: 'no Origin, failing', headers: { 'x-fail': '1' } },
  { name: 'an allowed Origin, failing', headers: { origin: ALLOWED, 'x-fail': '1' } },
];

describe.each([{ configured: '' }, { configured: ALLOWED }])(
  'answers with CORS_ALLOWED_ORIGINS=$configured',
  ({ configured }) => {
    afterEach(() => {
      delete process.env.CORS_ALLOWED_ORIGINS;
    });

    it.each(requests)('carry the same headers as before, in the same order: $name', async (req) => {
      // Prepare
      const handler = await currentHandler(configured);
      const oracle = oracleHandler(configured === '' ? [] : [configured]);
      const event = () => httpEvent({ requestId: 'req-1', headers: req.headers });

      // Act
      const ours = await handler(event(), lambdaContext());
      const theirs = await oracle(event(), lambdaContext());

      // Assess
      expect(ours).toEqual(theirs);
      expect(Object.keys(ours.headers)).toEqual(Object.keys(theirs.headers));
      expect(ours.headers['Access-Control-Expose-Headers']).toBe(CORS_EXPOSED_HEADERS.join(','));
    });
  },
);
