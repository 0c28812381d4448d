/**
 * CORS settings shared by the Lambda responses (`@middy/http-cors`) and the API Gateway preflight
 * configuration (`config/cors.cjs` reads the same `corsAllowedOrigins` parameter and lists).
 */
/** Headers a browser script may read: the job location, ids, retry hints, replay marker. */
export const CORS_EXPOSED_HEADERS = [
  'location',
  'retry-after',
  'x-request-id',
  'idempotent-replayed',
  'original-request-id',
];

/**
 * `CORS_ALLOWED_ORIGINS`: comma-separated exact origins (or `*`, `https://*`, `http://*`); empty =
 * none. Subdomain patterns such as `*.example.com` are refused at package time (config/cors.cjs):
 * API Gateway's own CORS would never match them.
 */
export function allowedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.CORS_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}

/**
 * The `Access-Control-Allow-Origin` value for a request's `Origin` under `origins` (exact origins,
 * `*`, `https://*`, `http://*`, as API Gateway takes them), or `''` for none. A `Set`, not a plain
 * object: Middy's own lookup found `Object.prototype` members, so `Origin: constructor` or
 * `__proto__` was echoed back.
 */
export function corsOriginMatcher(
  origins: readonly string[],
): (incoming: string | undefined) => string {
  const allowed = new Set(origins);
  return (incoming) => {
    if (allowed.has('*')) return '*';
    if (incoming === undefined) return '';
    const scheme = /^(https?):\/\/[^/]+$/.exec(incoming)?.[1];
    return allowed.has(incoming) || (scheme && allowed.has(`${scheme}://*`)) ? incoming : '';
  };
}
