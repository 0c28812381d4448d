import { ROUTES, routeKey } from '../routes.js';

/**
 * Every route the HTTP API serves, as `METHOD /path/{param}` (from lib/routes.ts). The catch-all
 * handler uses it to tell an unknown path (404) from a known path with the wrong method (405 +
 * Allow).
 */
export const KNOWN_ROUTES: readonly string[] = Object.values(ROUTES).map(routeKey);

const compiled = Object.values(ROUTES).map(({ method, path }) => {
  const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+').replaceAll('.', '\\.')}/?$`);
  return { method, pattern };
});

/** The methods the API serves at `path` (empty when the path is unknown). */
export function methodsAllowedAt(path: string): string[] {
  return compiled.filter((route) => route.pattern.test(path)).map((route) => route.method);
}
