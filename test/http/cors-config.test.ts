import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CORS_EXPOSED_HEADERS } from '../../lib/http/cors.js';

const gatewayCors = createRequire(import.meta.url)('../../config/cors.cjs') as () => {
  allowedOrigins: string[];
  exposedResponseHeaders: string[];
  allowedHeaders: string[];
};

describe('API Gateway CORS (config/cors.cjs) and the Lambda CORS headers', () => {
  it('expose the same headers', () => {
    // Act
    const config = gatewayCors();

    // Assess
    expect(config.exposedResponseHeaders).toEqual(CORS_EXPOSED_HEADERS);
  });

  it('allow the request headers a front end sends, and the origins of CORS_ALLOWED_ORIGINS', () => {
    // Prepare
    process.env.CORS_ALLOWED_ORIGINS = 'https://app.example.com, http://localhost:5173';

    // Act
    const config = gatewayCors();

    // Assess
    expect(config.allowedHeaders).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']),
    );
    expect(config.allowedOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
  });
});
