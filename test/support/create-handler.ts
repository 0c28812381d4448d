import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type LocalUpstream, startLocalUpstream } from './local-upstream.js';

/** The create handler as a test calls it. */
export type CreateHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<{ statusCode: number; headers?: Record<string, unknown>; body?: string }>;

/**
 * Registers hooks that start the simulator before the file's tests (reset before each, closed
 * after all) and import the create handler once the environment points at it.
 */
export function useCreateHandlerWithUpstream(): {
  readonly upstream: () => LocalUpstream;
  readonly handler: () => CreateHandler;
} {
  let upstream: LocalUpstream | undefined;
  let handler: CreateHandler | undefined;
  beforeAll(async () => {
    upstream = await startLocalUpstream();
    ({ handler } = (await import('../../handlers/create-protection-group.js')) as {
      handler: CreateHandler;
    });
  });
  afterAll(async () => upstream?.close());
  beforeEach(() => upstream?.sim.reset());
  const required = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('used before beforeAll ran');
    return value;
  };
  return { upstream: () => required(upstream), handler: () => required(handler) };
}
