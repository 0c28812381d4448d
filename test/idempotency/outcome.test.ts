import { describe, expect, it } from 'vitest';
import { keptAnswer } from '../../lib/http/idempotent-answer.js';
import type { ProblemCode } from '../../lib/problems/catalogue.js';
import {
  ProblemError,
  UpstreamError,
  type UpstreamErrorOptions,
} from '../../lib/problems/errors.js';
import { sdrsDidNotAct } from '../../lib/upstream/resend.js';

function upstreamError(code: ProblemCode, options: UpstreamErrorOptions): UpstreamError {
  return new UpstreamError(code, 'test', options);
}

describe('sdrsDidNotAct', () => {
  it.each<[string, UpstreamError, boolean]>([
    ['connection refused', upstreamError('UPSTREAM_UNAVAILABLE', { kind: 'refused' }), true],
    ['name not resolved', upstreamError('UPSTREAM_UNAVAILABLE', { kind: 'dns' }), true],
    [
      '429',
      upstreamError('UPSTREAM_THROTTLED', { kind: 'answered', upstream: { status: 429 } }),
      true,
    ],
    [
      '503',
      upstreamError('UPSTREAM_UNAVAILABLE', {
        kind: 'answered',
        status: 503,
        upstream: { status: 503 },
      }),
      true,
    ],
    [
      'signature rejected',
      upstreamError('UPSTREAM_AUTH_FAILED', {
        kind: 'answered',
        credentialsRejected: true,
        upstream: { status: 401, code: 'APIGW.0301' },
      }),
      true,
    ],
    [
      'gateway 404 (API not found)',
      upstreamError('UPSTREAM_UNAVAILABLE', {
        kind: 'answered',
        upstream: { status: 404, code: 'APIG.0101' },
      }),
      true,
    ],
    ['timeout', upstreamError('UPSTREAM_TIMEOUT', { kind: 'timeout' }), false],
    ['reset', upstreamError('UPSTREAM_UNAVAILABLE', { kind: 'reset' }), false],
    [
      'gateway 504 (backend timeout)',
      upstreamError('UPSTREAM_UNAVAILABLE', {
        kind: 'answered',
        upstream: { status: 504, code: 'APIGW.0201' },
      }),
      false,
    ],
    [
      'SDRS 400',
      upstreamError('UPSTREAM_REJECTED', {
        kind: 'answered',
        upstream: { status: 400, code: 'SDRS.0203' },
      }),
      false,
    ],
    [
      '200 without job_id',
      upstreamError('UPSTREAM_UNAVAILABLE', { kind: 'answered', upstream: { status: 200 } }),
      false,
    ],
  ])('%s → %s', (_name, error, expected) => {
    // Act
    const notActed = sdrsDidNotAct(error);

    // Assess
    expect(notActed).toBe(expected);
  });
});

describe('keptAnswer', () => {
  it('rethrows what is not an upstream error (nothing was sent)', () => {
    // Prepare
    const error = new Error('secret file missing');

    // Act
    const decide = () => keptAnswer(error, 'req-1');

    // Assess
    expect(decide).toThrow(error);
  });

  it('stores a rejection as its problem, without the "may exist" note', () => {
    // Prepare
    const error = upstreamError('UPSTREAM_REJECTED', {
      kind: 'answered',
      upstream: { status: 400, code: 'SDRS.0203', message: 'Invalid availability zone' },
    });

    // Act
    const response = keptAnswer(error, 'req-1');

    // Assess
    expect(response.statusCode).toBe(422);
    expect(response.headers).toMatchObject({
      'content-type': 'application/problem+json',
      'x-request-id': 'req-1',
    });
    expect(JSON.parse(response.body)).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      requestId: 'req-1',
      upstream: { code: 'SDRS.0203' },
    });
    expect(response.body).not.toContain('may exist');
  });

  it('keeps a problem that is not an upstream error out of the store', () => {
    // Prepare
    const error = new ProblemError('INTERNAL', 'boom');

    // Act
    const decide = () => keptAnswer(error, 'req-1');

    // Assess
    expect(decide).toThrow(error);
  });
});
