/**
 * The routes of serverless.yml as the local gateway serves them: which function answers, and the
 * scope its JWT authorizer requires — read from the one declaration in lib/routes.ts
 * (test/local-gateway/routes.test.ts keeps it in step with serverless.yml). Anything else goes to the `$default` route's function, as deployed.
 */
import { ROUTES, type Route, routeKey } from '../../lib/routes.js';

export interface GatewayRoute {
  /** `METHOD /path/{param}`, the HTTP API's route key. */
  readonly routeKey: string;
  /** The function's key under `functions:` in serverless.yml. */
  readonly functionKey: string;
  /** The scope the route's JWT authorizer requires; absent = no authorizer. */
  readonly scope?: string;
}

/** Every declared route (lib/routes.ts; its keys are the functions' keys in serverless.yml). */
export const GATEWAY_ROUTES: readonly GatewayRoute[] = Object.entries(ROUTES).map(
  ([functionKey, route]: [string, Route]) => ({
    routeKey: routeKey(route),
    functionKey,
    ...(typeof route.auth === 'object' && { scope: route.auth.scope }),
  }),
);

/** The catch-all: every request no route matches. */
const DEFAULT_ROUTE: GatewayRoute = { routeKey: '$default', functionKey: 'notFound' };

/** A matched route with its path parameters (percent-decoded, as API Gateway passes them). */
export interface RouteMatch {
  readonly route: GatewayRoute;
  readonly pathParameters?: Record<string, string>;
}

const compiled = GATEWAY_ROUTES.map((route) => {
  const [method, template = ''] = route.routeKey.split(' ');
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (name) names.push(name);
      return name ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { route, method, names, pattern: new RegExp(`^${source}/?$`) };
});

/** The route for `method` and `path` (the `$default` route when none matches). */
export function matchRoute(method: string, path: string): RouteMatch {
  for (const candidate of compiled) {
    const found = candidate.method === method ? candidate.pattern.exec(path) : null;
    if (!found) continue;
    if (candidate.names.length === 0) return { route: candidate.route };
    const pathParameters: Record<string, string> = {};
    candidate.names.forEach((name, index) => {
      const raw = found[index + 1] ?? '';
      let value = raw;
      try {
        value = decodeURIComponent(raw);
      } catch {
        // a malformed escape stays as sent
      }
      pathParameters[name] = value;
    });
    return { route: candidate.route, pathParameters };
  }
  return { route: DEFAULT_ROUTE };
}
