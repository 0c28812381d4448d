import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_AZ_SOURCE, SEED_AZ_TARGET, SEED_DOMAIN_ID } from '../../simulator/index.js';
import { type LocalApi, startLocalApi } from '../support/local-api.js';

const body = {
  name: 'pg-smoke-01',
  sourceAvailabilityZone: SEED_AZ_SOURCE,
  targetAvailabilityZone: SEED_AZ_TARGET,
  domainId: SEED_DOMAIN_ID,
  sourceVpcId: 'vpc-1',
};

describe('npm start: serverless-offline in front of the embedded simulator', () => {
  let api: LocalApi;

  beforeAll(async () => {
    api = await startLocalApi();
  }, 120_000);
  afterAll(async () => api?.stop());

  it('creates a protection group: 202, Location and a jobId', async () => {
    // Act
    const response = await fetch(`${api.url}/protection-groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

    // Assess
    expect(response.status, api.output()).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    expect(response.headers.get('location')).toBe(`/jobs/${jobId}`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an invalid create with 400 problem+json listing every violation', async () => {
    // Act
    const response = await fetch(`${api.url}/protection-groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bad name', extra: true }),
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { errors: { pointer: string }[]; requestId: string };
    expect(problem.errors.map((e) => e.pointer).sort()).toEqual(
      [
        '#/domainId',
        '#/extra',
        '#/name',
        '#/sourceAvailabilityZone',
        '#/sourceVpcId',
        '#/targetAvailabilityZone',
      ].sort(),
    );
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
  });

  it.each([
    ['an unknown route', 'GET', '/nothing-here', 404, 'NOT_FOUND'],
    [
      'a known route with the wrong method',
      'DELETE',
      '/protection-groups',
      405,
      'METHOD_NOT_ALLOWED',
    ],
  ])('answers %s with problem+json', async (_case, method, path, status, code) => {
    // Act
    const response = await fetch(`${api.url}${path}`, { method });

    // Assess
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ status, code });
  });
});
