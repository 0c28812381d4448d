import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../handlers/create-protection-group.js';
import { problemCatalogue } from '../../lib/problems/catalogue.js';
import { createRequestBody } from '../support/create-body.js';
import { httpEvent, lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';

const validBody = createRequestBody({ name: 'pg-prop-01' });

/** Bodies from wild to almost valid: random JSON, raw text, and valid bodies with one field changed. */
const body = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .record({
      key: fc.constantFrom(...Object.keys(validBody), 'description', 'drType', 'extra'),
      value: fc.jsonValue(),
    })
    .map(({ key, value }) => JSON.stringify({ ...validBody, [key]: value })),
);

const headers = fc.dictionary(
  fc.oneof(
    fc.constantFrom('content-type', 'Content-Type', 'origin', 'accept', 'x-request-id'),
    fc.string({ minLength: 1, maxLength: 20 }),
  ),
  fc.oneof(
    fc.constantFrom('application/json', 'text/plain', 'application/problem+json', ''),
    fc.string({ maxLength: 40 }),
  ),
);

describe('create route on arbitrary input', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    upstream = await startLocalUpstream();
  });
  afterAll(async () => upstream.close());

  it('never answers 5xx; every failure is a valid problem+json; invalid input reaches nothing upstream', async () => {
    await fc.assert(
      fc.asyncProperty(body, headers, fc.boolean(), async (rawBody, rawHeaders, base64) => {
        // Prepare
        const requestHeaders = Object.fromEntries(
          Object.entries(rawHeaders).filter(
            ([name]) => !/^(idempotency-key|authorization)$/i.test(name),
          ),
        );
        const event = httpEvent({
          method: 'POST',
          path: '/protection-groups',
          body: rawBody,
          headers: requestHeaders,
        });
        if (base64)
          Object.assign(event, {
            body: Buffer.from(rawBody).toString('base64'),
            isBase64Encoded: true,
          });
        const before = upstream.sim.requests().length;

        // Act
        const response = await handler(event, lambdaContext());

        // Assess
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode === 202) return;
        expect(response.headers?.['content-type']).toBe('application/problem+json');
        const problem = JSON.parse(response.body ?? '');
        expect(problem.status).toBe(response.statusCode);
        expect(Object.keys(problemCatalogue)).toContain(problem.code);
        expect(problem.requestId).toBe(response.headers?.['x-request-id']);
        if (problem.code !== 'UPSTREAM_REJECTED')
          expect(upstream.sim.requests().length).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
