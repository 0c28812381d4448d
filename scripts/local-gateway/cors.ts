/**
 * CORS as the HTTP API answers it, from the same settings (config/cors.cjs): the gateway answers
 * preflights itself, and on every other response it drops whatever CORS headers the function set
 * and adds its own — only for an allowed origin. A page on any other origin reads nothing.
 */
import { createRequire } from 'node:module';
import { corsOriginMatcher } from '../../lib/http/cors.js';

/** The HTTP API's `cors` block (config/cors.cjs). */
export interface CorsSettings {
  readonly allowedOrigins: readonly string[];
  readonly allowedHeaders: readonly string[];
  readonly allowedMethods: readonly string[];
  readonly exposedResponseHeaders: readonly string[];
  readonly maxAge: number;
}

type CorsConfigModule = (context: {
  resolveVariable: (name: string) => Promise<unknown>;
}) => Promise<CorsSettings>;

/** Runs config/cors.cjs as serverless.yml does, with `corsAllowedOrigins` = `origins`. */
export async function corsSettings(origins: string): Promise<CorsSettings> {
  const load = createRequire(import.meta.url)('../../config/cors.cjs') as CorsConfigModule;
  return load({ resolveVariable: async () => origins });
}

/** The allowed origin for `origin`, matched as the functions match it (lib/http/cors.ts). */
function allowedOrigin(settings: CorsSettings, origin: string | undefined): string | undefined {
  return corsOriginMatcher(settings.allowedOrigins)(origin) || undefined;
}

/** The answer to a preflight: 204, with the CORS headers only for an allowed origin. */
export function preflightHeaders(
  settings: CorsSettings,
  origin: string | undefined,
): Record<string, string> {
  const allowed = allowedOrigin(settings, origin);
  if (!allowed) return { vary: 'origin' };
  return {
    'access-control-allow-origin': allowed,
    'access-control-allow-methods': settings.allowedMethods.join(','),
    'access-control-allow-headers': settings.allowedHeaders.join(','),
    'access-control-max-age': String(settings.maxAge),
    vary: 'origin',
  };
}

/** The function's headers without its CORS headers, plus the gateway's for an allowed origin. */
export function withCorsHeaders(
  settings: CorsSettings,
  origin: string | undefined,
  headers: Record<string, string>,
): Record<string, string> {
  const kept = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !/^(access-control-|vary$)/i.test(name)),
  );
  // The answer depends on Origin whenever origins are configured: say so once, so a browser
  // cache never serves one origin's answer to another (not `Origin,origin`).
  const varies = Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === 'vary')
    .flatMap(([, value]) => value.split(','))
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value !== '' && value !== 'origin');
  const vary = [...new Set(varies), ...(settings.allowedOrigins.length > 0 ? ['origin'] : [])];
  const base = vary.length > 0 ? { ...kept, vary: vary.join(', ') } : kept;
  const allowed = allowedOrigin(settings, origin);
  if (!allowed) return base;
  return {
    ...base,
    'access-control-allow-origin': allowed,
    'access-control-expose-headers': settings.exposedResponseHeaders.join(','),
  };
}
