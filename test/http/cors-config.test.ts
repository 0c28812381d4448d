import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CORS_EXPOSED_HEADERS } from '../../lib/http/cors.js';

interface GatewayCors {
  allowedOrigins: string[];
  exposedResponseHeaders: string[];
  allowedHeaders: string[];
}
type VariableResolver = { resolveVariable: (address: string) => Promise<unknown> };
const gatewayCors = createRequire(import.meta.url)('../../config/cors.cjs') as (
  serverless: VariableResolver,
) => Promise<GatewayCors>;

/** Answers `param:corsAllowedOrigins` as serverless would from the stage's parameters. */
const withOrigins = (origins: string): VariableResolver => ({
  resolveVariable: async (address) => (address === 'param:corsAllowedOrigins' ? origins : null),
});

describe('API Gateway CORS (config/cors.cjs) and the Lambda CORS headers', () => {
  it('expose the same headers', async () => {
    // Act
    const config = await gatewayCors(withOrigins(''));

    // Assess
    expect(config.exposedResponseHeaders).toEqual(CORS_EXPOSED_HEADERS);
  });

  it('allow the request headers a front end sends, and the origins of corsAllowedOrigins', async () => {
    // Act
    const config = await gatewayCors(withOrigins('https://app.example.com, http://localhost:5173'));

    // Assess
    expect(config.allowedHeaders).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']),
    );
    expect(config.allowedOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
  });

  it('allows no real origin when none is configured', async () => {
    // Act
    const config = await gatewayCors(withOrigins(''));

    // Assess
    expect(config.allowedOrigins).toEqual(['https://cors-disabled.invalid']);
  });

  it('refuses subdomain patterns, which API Gateway would never match', async () => {
    // Act
    const config = gatewayCors(withOrigins('https://app.example.com,https://*.example.com'));

    // Assess
    await expect(config).rejects.toThrow(/exact origins only .*not https:\/\/\*\.example\.com/);
  });
});
