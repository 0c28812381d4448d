/**
 * The one request-context middleware writes the same log lines as Powertools' own
 * `injectLambdaContext` (with `resetKeys`) plus the correlation id did before it: the oracle is
 * that middleware, run on the same invocations with a logger of its own.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestContext } from '../../lib/http/middlewares/request-context.js';
import { requestIdOf } from '../../lib/http/request-id.js';
import type { HttpResponse } from '../../lib/http/responses.js';
import { httpEvent, lambdaContext } from '../support/events.js';

type Line = Record<string, unknown>;

/** A logger that keeps its JSON lines instead of printing them. */
function capturingLogger(): { logger: Logger; lines: Line[] } {
  const lines: Line[] = [];
  const logger = new Logger({ serviceName: 'sdrs-bff', logLevel: 'INFO' });
  const keep = (text: unknown) => {
    lines.push(JSON.parse(String(text)) as Line);
  };
  const target = logger as unknown as { console: Record<string, (text: unknown) => void> };
  for (const level of ['info', 'warn', 'error', 'debug', 'log']) {
    vi.spyOn(target.console, level).mockImplementation(keep);
  }
  return { logger, lines };
}

/**
 * A route that logs one line with a key of its own, then answers — or throws when `fail` is set
 * (the error path: a later middleware answers it, as problemDetails does).
 */
function stackWith(
  logger: Logger,
  outer: middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse>[],
) {
  const handler = middy<APIGatewayProxyEventV2, HttpResponse>();
  for (const middleware of outer) handler.use(middleware);
  return handler
    .use({
      onError: async (request) => {
        request.response = { statusCode: 500, headers: {}, body: 'failed' };
      },
    })
    .handler(async (event) => {
      logger.appendKeys({ route_key: event.routeKey });
      logger.info('route ran', { n: event.headers?.n });
      if (event.headers?.fail) throw new Error('route failed');
      return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
    });
}

/** The oracle: Powertools' middleware, then the correlation id as the old stack set it. */
const powertoolsStack = (logger: Logger) =>
  stackWith(logger, [
    injectLambdaContext(logger, { resetKeys: true }),
    { before: async ({ event }) => logger.setCorrelationId(requestIdOf(event)) },
  ]);

/** Three invocations (the second fails), then one line logged outside any invocation. */
async function invocations(logger: Logger, handler: ReturnType<typeof stackWith>) {
  const events = ['1', '2', '3'].map((n) =>
    httpEvent({ requestId: `req-${n}`, headers: { n, ...(n === '2' && { fail: 'yes' }) } }),
  );
  const contexts: Context[] = events.map((_, i) => ({
    ...lambdaContext(),
    awsRequestId: `aws-${i}`,
  }));
  for (const [i, event] of events.entries()) await handler(event, contexts[i] as Context);
  logger.info('between invocations');
}

const withoutTimestamps = (lines: Line[]) => lines.map(({ timestamp: _, ...rest }) => rest);

describe('requestContext middleware', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env._X_AMZN_TRACE_ID;
    delete process.env.AWS_LAMBDA_INITIALIZATION_TYPE;
  });

  it('writes the same log lines as injectLambdaContext with resetKeys and the correlation id', async () => {
    // Prepare: a trace id and the initialization type, as Lambda sets them; two fresh loggers
    // (each has its own cold start)
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1';
    process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
    const oracle = capturingLogger();
    const ours = capturingLogger();

    // Act
    await invocations(oracle.logger, powertoolsStack(oracle.logger));
    await invocations(
      ours.logger,
      stackWith(ours.logger, [requestContext({ logger: ours.logger })]),
    );

    // Assess: key for key, in the same order; the first line is the cold start, and nothing of
    // an invocation (correlation id, appended keys) is left on the line logged after them
    expect(withoutTimestamps(ours.lines)).toEqual(withoutTimestamps(oracle.lines));
    expect(ours.lines.map((line) => Object.keys(line))).toEqual(
      oracle.lines.map((line) => Object.keys(line)),
    );
    expect(ours.lines[0]).toMatchObject({
      cold_start: true,
      function_name: 'sdrs-bff-test',
      function_request_id: 'aws-0',
      correlation_id: 'req-1',
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
      route_key: 'GET /',
    });
    expect(ours.lines[1]).toMatchObject({ cold_start: false, correlation_id: 'req-2' });
    expect(ours.lines[3]).not.toHaveProperty('correlation_id');
    expect(ours.lines[3]).not.toHaveProperty('route_key');
  });

  it('stamps X-Request-Id on answers and errors, and extra headers unless the route set them', async () => {
    // Prepare
    const { logger } = capturingLogger();
    const handler = stackWith(logger, [
      requestContext({ logger, extraHeaders: { 'x-extra': 'on', 'content-type': 'not used' } }),
    ]);

    // Act
    const ok = await handler(httpEvent({ requestId: 'req-ok' }), lambdaContext());
    const failed = await handler(
      httpEvent({ requestId: 'req-failed', headers: { fail: 'yes' } }),
      lambdaContext(),
    );

    // Assess
    expect(ok.headers).toEqual({
      'content-type': 'text/plain',
      'x-extra': 'on',
      'x-request-id': 'req-ok',
    });
    expect(failed.headers).toEqual({
      'x-extra': 'on',
      'content-type': 'not used',
      'x-request-id': 'req-failed',
    });
  });
});
