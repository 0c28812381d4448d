/**
 * Every route the HTTP API serves, as `METHOD /path/{param}`. The catch-all handler uses it to
 * tell an unknown path (404) from a known path with the wrong method (405 + Allow). Kept here
 * rather than derived from the OpenAPI route table so the catch-all bundle carries no schemas;
 * test/http/known-routes.test.ts keeps both (and serverless.yml) in step.
 */
export const KNOWN_ROUTES = [
  'POST /protection-groups',
  'GET /protection-groups',
  'GET /jobs/{jobId}',
  'GET /active-domains',
  'GET /openapi.json',
  'POST /webhooks/{source}',
] as const;

const compiled = KNOWN_ROUTES.map((route) => {
  const [method, path] = route.split(' ') as [string, string];
  const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+').replaceAll('.', '\\.')}/?$`);
  return { method, pattern };
});

/** The methods the API serves at `path` (empty when the path is unknown). */
export function methodsAllowedAt(path: string): string[] {
  return compiled.filter((route) => route.pattern.test(path)).map((route) => route.method);
}
