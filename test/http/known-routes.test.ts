import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_ROUTES } from '../../lib/http/known-routes.js';
import { routes } from '../../lib/openapi/routes.js';

/**
 * The catch-all keeps its own small route list so its bundle does not carry every schema; these
 * checks keep that list, the OpenAPI route table and serverless.yml from drifting apart.
 */
describe('the catch-all route list', () => {
  it('equals the routes of the OpenAPI document', () => {
    // Act
    const documented = routes.map((route) => `${route.method.toUpperCase()} ${route.path}`);

    // Assess
    expect([...KNOWN_ROUTES].sort()).toEqual(documented.sort());
  });

  it('equals the httpApi routes deployed in serverless.yml', () => {
    // Prepare
    const yml = readFileSync(join(import.meta.dirname, '../../serverless.yml'), 'utf8');

    // Act
    const deployed = [
      ...yml.matchAll(/method: (GET|POST)\s*,?\s*\n?\s*path: '?([\w/{}.-]+)'?/g),
    ].map(([, method, path]) => `${method} ${path}`);

    // Assess
    expect(deployed.sort()).toEqual([...KNOWN_ROUTES].sort());
  });
});
