import { describe, expect, it } from 'vitest';
import { handler as notFound } from '../../handlers/not-found.js';
import { httpHandler } from '../../lib/http/http-handler.js';
import { httpEvent, lambdaContext } from '../support/events.js';

describe('problem+json at the service’s own edges', () => {
  it('answers an unexpected exception with 500 INTERNAL and no internals', async () => {
    // Prepare
    const route = httpHandler({ auth: 'public' }, async () => {
      const error = new TypeError(
        "Cannot read properties of undefined (reading 'x') in /work/main/lib/secret-path.ts",
      );
      throw error;
    });
    const event = httpEvent({ method: 'GET', path: '/anything' });

    // Act
    const response = await route(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('application/problem+json');
    const body = JSON.parse(response.body ?? '{}');
    expect(Object.keys(body).sort()).toEqual(
      ['code', 'detail', 'instance', 'requestId', 'retryable', 'status', 'title', 'type'].sort(),
    );
    expect(body).toMatchObject({
      status: 500,
      code: 'INTERNAL',
      requestId: event.requestContext.requestId,
    });
    expect(response.body).not.toMatch(/TypeError|secret-path|\/work\/|at .*\.ts/);
  });

  it.each([
    ['an unknown path', 'GET', '/nowhere', 404, 'NOT_FOUND', undefined],
    [
      'a known path with another method',
      'PUT',
      '/protection-groups',
      405,
      'METHOD_NOT_ALLOWED',
      'POST, GET',
    ],
    [
      'a known templated path with another method',
      'DELETE',
      '/jobs/abc123',
      405,
      'METHOD_NOT_ALLOWED',
      'GET',
    ],
  ])('answers %s with %i', async (_case, method, path, status, code, allow) => {
    // Act
    const response = await notFound(httpEvent({ method, path, auth: 'none' }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(status);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ status, code });
    expect(response.headers.allow).toBe(allow);
  });
});
