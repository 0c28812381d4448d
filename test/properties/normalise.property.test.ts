import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemCatalogue } from '../../lib/problems/catalogue.js';
import { normaliseUpstreamAnswer } from '../../lib/upstream/normalise.js';

const ERROR_STATUSES = [409, 422, 429, 502, 503];

const envelopeBody = fc.oneof(
  fc.record({ error: fc.record({ code: fc.string(), message: fc.string() }) }),
  fc.dictionary(
    fc.string({ maxLength: 12 }),
    fc.record({ code: fc.string(), message: fc.string() }),
  ),
  fc.record({ error_code: fc.string(), error_msg: fc.string(), request_id: fc.string() }),
  fc.record({ error: fc.record({ code: fc.integer(), message: fc.string(), title: fc.string() }) }),
  fc.jsonValue(),
);

const bodyBytes = fc.oneof(
  envelopeBody.map((value) => Buffer.from(JSON.stringify(value))),
  fc.string({ unit: 'binary' }).map((text) => Buffer.from(text)),
  fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(Buffer.from('<html><script>alert(1)</script></html>'), Buffer.alloc(0)),
);

describe('normaliseUpstreamAnswer on arbitrary upstream answers', () => {
  it('always yields a catalogued code with a consistent status and sanitised text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 999 }),
        bodyBytes,
        fc.boolean(),
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        (status, body, truncated, contentType, retryAfter, requestId) => {
          // Act
          const error = normaliseUpstreamAnswer({
            status,
            body,
            truncated,
            contentType,
            retryAfter,
            requestId,
          });

          // Assess
          expect(Object.keys(problemCatalogue)).toContain(error.code);
          expect(ERROR_STATUSES).toContain(error.status);
          expect(error.status === problemCatalogue[error.code].status || error.status === 503).toBe(
            true,
          );
          const text = `${error.upstream?.message ?? ''}${error.upstream?.code ?? ''}`;
          // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting control characters are gone
          expect(text).not.toMatch(/[<>\u0000-\u001f]/);
          expect(error.upstream?.message?.length ?? 0).toBeLessThanOrEqual(200);
          if (error.retryAfterSeconds !== undefined) {
            expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
            expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('normaliseUpstreamAnswer on gateway messages naming our access key', () => {
  it('keeps the access key id out of the message', () => {
    // Prepare
    const body = Buffer.from(
      JSON.stringify({
        error_code: 'APIGW.0301',
        error_msg: 'ak SIMULATORAK000000001 not exist',
        request_id: 'r1',
      }),
    );

    // Act
    const error = normaliseUpstreamAnswer({
      status: 401,
      body,
      truncated: false,
      contentType: 'application/json',
      retryAfter: undefined,
      requestId: undefined,
    });

    // Assess
    expect(error.upstream?.message).toBe('ak [redacted] not exist');
  });
});
