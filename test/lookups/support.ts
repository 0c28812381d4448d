import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { type EventOptions, httpEvent, lambdaContext } from '../support/events.js';

/** A handler as the tests call it (any of the Middy-wrapped route handlers). */
export type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<{ statusCode: number; headers?: Record<string, unknown>; body?: string }>;

/** A handler's answer with its JSON body parsed. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON members
  readonly body: any;
}

/** Invokes a handler with an API Gateway v2 event built from `options`. */
export async function invoke(handler: Handler, options: EventOptions = {}): Promise<Answer> {
  const response = await handler(httpEvent({ method: 'GET', ...options }), lambdaContext());
  return {
    status: response.statusCode,
    headers: response.headers ?? {},
    body: response.body === undefined ? undefined : JSON.parse(response.body),
  };
}
