/**
 * Every route the HTTP API serves, declared once: method, path, who may call it, and the largest
 * body it takes, keyed by the function that serves it in serverless.yml. The handlers, the
 * catch-all (404/405), the OpenAPI route table and `npm start`'s local gateway all read it;
 * test/http/known-routes.test.ts keeps serverless.yml in step with it. Kept free of schemas so the
 * catch-all bundle stays small.
 */

/** Scope names the JWT authorizer and the handlers require (documented in the README). */
export const SCOPES = {
  write: 'sdrs-bff/protection-groups.write',
  read: 'sdrs-bff/protection-groups.read',
} as const;

/** Who may call: a JWT scope, anyone, or a webhook sender that signs its deliveries. */
export type RouteAuth = { readonly scope: string } | 'public' | 'webhook';

export interface Route {
  readonly method: 'GET' | 'POST';
  /** Path template, e.g. `/jobs/{jobId}`. */
  readonly path: string;
  readonly auth: RouteAuth;
  /** Bodies over this many bytes are refused with 413 before they are parsed. */
  readonly maxBodyBytes?: number;
}

export const ROUTES = {
  createProtectionGroup: {
    method: 'POST',
    path: '/protection-groups',
    auth: { scope: SCOPES.write },
    maxBodyBytes: 16 * 1024,
  },
  listProtectionGroups: {
    method: 'GET',
    path: '/protection-groups',
    auth: { scope: SCOPES.read },
  },
  getJob: { method: 'GET', path: '/jobs/{jobId}', auth: { scope: SCOPES.read } },
  getActiveDomains: { method: 'GET', path: '/active-domains', auth: { scope: SCOPES.read } },
  getOpenApi: { method: 'GET', path: '/openapi.json', auth: 'public' },
  getLatestReconcileRun: {
    method: 'GET',
    path: '/reconcile/runs/latest',
    auth: { scope: SCOPES.read },
  },
  webhook: {
    method: 'POST',
    path: '/webhooks/{source}',
    auth: 'webhook',
    // Jira issue payloads with a changelog run to tens of KB.
    maxBodyBytes: 1024 * 1024,
  },
} as const satisfies Record<string, Route>;

/** `METHOD /path`, e.g. `POST /protection-groups`: how logs, records and serverless.yml name a route. */
export function routeKey(route: Route): string {
  return `${route.method} ${route.path}`;
}
