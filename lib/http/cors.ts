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
