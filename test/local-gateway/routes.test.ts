import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GATEWAY_ROUTES } from '../../scripts/local-gateway/routes.js';

/** `functionKey method path scope?` for every httpApi event of serverless.yml's functions. */
function deployedRoutes(): string[] {
  const yml = readFileSync(join(import.meta.dirname, '../../serverless.yml'), 'utf8');
  const functions = yml.slice(yml.indexOf('\nfunctions:'), yml.indexOf('\nresources:'));
  const routes: string[] = [];
  let current = '';
  let method: string | undefined;
  for (const line of functions.split('\n')) {
    current = /^ {2}(\w+):\s*$/.exec(line)?.[1] ?? current;
    method = /method: (\w+)/.exec(line)?.[1] ?? method;
    const path = /path: '?([\w/{}.-]+)'?/.exec(line)?.[1];
    const scopes = /scopes: \[([^\]]*)\]/.exec(line)?.[1];
    if (method && path) {
      routes.push(`${current} ${method} ${path}`);
      method = undefined;
    }
    if (scopes) routes[routes.length - 1] += ` ${scopes.trim()}`;
  }
  return routes;
}

describe('the local gateway’s routes', () => {
  it('are serverless.yml’s httpApi routes, functions and authorizer scopes', () => {
    // Act
    const served = GATEWAY_ROUTES.map(({ functionKey, routeKey, scope }) =>
      [functionKey, routeKey, scope].filter(Boolean).join(' '),
    );

    // Assess
    expect(served.sort()).toEqual(deployedRoutes().sort());
  });
});
