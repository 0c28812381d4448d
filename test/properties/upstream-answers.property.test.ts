import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUpstreamConfig } from '../../lib/config.js';
import { CachedCredentialsProvider } from '../../lib/credentials/provider.js';
import { fileSecretFetcher } from '../../lib/credentials/sources.js';
import { problemCatalogue } from '../../lib/problems/catalogue.js';
import { UpstreamError } from '../../lib/problems/errors.js';
import { SdrsClient } from '../../lib/upstream/sdrs-client.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';

describe('arbitrary upstream answers over real HTTP', () => {
  let upstream: LocalUpstream;
  let client: SdrsClient;

  beforeAll(async () => {
    upstream = await startLocalUpstream();
    client = new SdrsClient({
      config: { ...readUpstreamConfig(), timeoutMs: 1_000, maxAttempts: 1 },
      credentials: new CachedCredentialsProvider(fileSecretFetcher(upstream.secretFile), 60_000),
    });
  });
  afterAll(async () => upstream.close());

  it('always resolve to the documented success or a catalogued problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 599 }),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        fc.constantFrom(
          'application/json',
          'text/html',
          'text/plain',
          'application/octet-stream',
          null,
        ),
        async (status, body, contentType) => {
          // Prepare
          upstream.sim.clearFaults();
          upstream.sim.inject({
            route: 'domains',
            kind: 'answer',
            status,
            body,
            headers: { 'content-type': contentType },
            times: 5, // a resend (after a rejected signature) meets the same answer
          });

          // Act
          const outcome = await client.listActiveDomains().then(
            (result) => ({ ok: true as const, result }),
            (error: unknown) => ({ ok: false as const, error }),
          );

          // Assess
          if (outcome.ok) {
            expect(status).toBeLessThan(300);
            return;
          }
          expect(outcome.error).toBeInstanceOf(UpstreamError);
          const error = outcome.error as UpstreamError;
          expect(Object.keys(problemCatalogue)).toContain(error.code);
          expect(error.code.startsWith('UPSTREAM_')).toBe(true);
          expect(error.upstream?.message ?? '').not.toMatch(/[<>]/);
        },
      ),
      { numRuns: 150 },
    );
  });
});
