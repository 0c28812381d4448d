import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { beforeChain } from '../../lib/http/middlewares/before-chain.js';
import type { HttpResponse } from '../../lib/http/responses.js';

type Request = middy.Request<APIGatewayProxyEventV2, HttpResponse>;
const request = {} as Request;

describe('beforeChain', () => {
  it('runs synchronous and asynchronous hooks in the order given, stopping at an early answer', async () => {
    // Prepare
    const ran: string[] = [];
    const early = { statusCode: 204, headers: {} };
    const chain = beforeChain()
      .use({ before: () => void ran.push('sync') })
      .use({ before: async () => void ran.push('async') })
      .use({
        before: () => {
          ran.push('answers');
          return early;
        },
      })
      .use({ before: () => void ran.push('never') });

    // Act
    const result = await chain.before?.(request);

    // Assess
    expect(ran).toEqual(['sync', 'async', 'answers']);
    expect(result).toBe(early);
  });

  it('passes on a hook’s error, thrown or rejected, and runs nothing after it', async () => {
    // Prepare
    const ran: string[] = [];
    const thrown = beforeChain()
      .use({
        before: () => {
          throw new Error('refused');
        },
      })
      .use({ before: () => void ran.push('never') });
    const rejected = beforeChain()
      .use({ before: async () => Promise.reject(new Error('rejected')) })
      .use({ before: () => void ran.push('never') });

    // Act + Assess
    await expect(thrown.before?.(request)).rejects.toThrow('refused');
    await expect(rejected.before?.(request)).rejects.toThrow('rejected');
    expect(ran).toEqual([]);
  });

  it('refuses a middleware with an after or onError hook', () => {
    // Act + Assess
    expect(() => beforeChain().use({ before: () => undefined, after: () => undefined })).toThrow(
      TypeError,
    );
    expect(() => beforeChain().use({ onError: () => undefined })).toThrow(TypeError);
  });
});
