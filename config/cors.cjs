// API Gateway HTTP API CORS (preflight answered by the gateway) from the `corsAllowedOrigins`
// parameter, which is also the functions' CORS_ALLOWED_ORIGINS. Kept in step with
// lib/http/cors.ts, which sets the same headers on Lambda responses.
module.exports = async ({ resolveVariable }) => {
  const origins = String((await resolveVariable('param:corsAllowedOrigins')) ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  // The gateway answers CORS itself (and then ignores the functions' CORS headers); it accepts
  // exact origins, `*`, `https://*` and `http://*` only, so a subdomain pattern would silently
  // never match a browser: refuse it here, at package time.
  const unsupported = origins.filter(
    (origin) => origin.includes('*') && !['*', 'https://*', 'http://*'].includes(origin),
  );
  if (unsupported.length > 0) {
    throw new Error(
      `corsAllowedOrigins: API Gateway accepts exact origins only (or *, https://*, http://*); not ${unsupported.join(', ')}`,
    );
  }
  return {
    allowedOrigins: origins.length > 0 ? origins : ['https://cors-disabled.invalid'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id'],
    allowedMethods: ['GET', 'POST', 'OPTIONS'],
    exposedResponseHeaders: [
      'location',
      'retry-after',
      'x-request-id',
      'idempotent-replayed',
      'original-request-id',
    ],
    maxAge: 600,
  };
};
