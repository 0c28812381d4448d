import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResponse } from '../responses.js';

type HttpMiddleware = middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse>;

/** A Middy middleware that runs the `before` hooks given to its `use`, in that order. */
export interface BeforeChain extends HttpMiddleware {
  /** Adds a `before`-only middleware's hook at the end; returns the chain, as Middy's `use` does. */
  use(middleware: HttpMiddleware): BeforeChain;
}

/**
 * Several `before`-only middlewares as one Middy middleware: the same hooks in the same order,
 * and a hook's value still ends the chain as Middy's early response. One hop through Middy's
 * middleware loop instead of one per check (each hop is an awaited call plus Middy's plugin and
 * early-response bookkeeping, on every request). A middleware with an `after` or `onError` hook
 * does not fit: it would lose its place on the way back, so it is refused.
 */
export function beforeChain(): BeforeChain {
  const hooks: NonNullable<HttpMiddleware['before']>[] = [];
  const chain: BeforeChain = {
    use(middleware) {
      if (!middleware.before || middleware.after || middleware.onError) {
        throw new TypeError('beforeChain takes middlewares with a before hook only');
      }
      hooks.push(middleware.before);
      return chain;
    },
    before: async (request) => {
      for (const hook of hooks) {
        // Most checks are synchronous: awaiting only a promise saves a microtask turn per check.
        const result = hook(request);
        const early = result instanceof Promise ? await result : result;
        if (early !== undefined) return early;
      }
    },
  };
  return chain;
}
