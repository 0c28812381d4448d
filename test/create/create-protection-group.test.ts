import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../handlers/create-protection-group.js';
import { sdrsClient } from '../../lib/dependencies.js';
import { SEED_AZ_SOURCE, SEED_AZ_TARGET, SEED_DOMAIN_ID } from '../../simulator/index.js';
import { createRequestBody } from '../support/create-body.js';
import { httpEvent, lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';

const validBody = createRequestBody({ description: 'web tier' });

function create(body: unknown, headers: Record<string, string> = {}) {
  return handler(
    httpEvent({ method: 'POST', path: '/protection-groups', body, headers }),
    lambdaContext(),
  );
}

function json(response: { body?: string }) {
  return JSON.parse(response.body ?? 'null');
}

describe('POST /protection-groups', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    upstream = await startLocalUpstream();
  });
  afterAll(async () => upstream.close());
  beforeEach(() => upstream.sim.reset());

  it('answers 202 with Location and a jobId the upstream knows', async () => {
    // Act
    const response = await create(validBody);

    // Assess
    expect(response.statusCode).toBe(202);
    const body = json(response);
    expect(response.headers?.location).toBe(`/jobs/${body.jobId}`);
    expect(body).toEqual({
      jobId: body.jobId,
      status: 'pending',
      statusUrl: `/jobs/${body.jobId}`,
    });
    expect(upstream.sim.acceptedCreates()).toBe(1);
    const job = await sdrsClient().getJob(body.jobId);
    expect((job.value as { job_type?: string }).job_type).toBe('createProtectionGroupNoCG');
  });

  it('forwards the body as server_group in snake_case with the drType default', async () => {
    // Act
    await create(validBody);

    // Assess
    const [sent] = upstream.sim.requests().filter((r) => r.method === 'POST');
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      server_group: {
        name: 'pg-web-01',
        description: 'web tier',
        source_availability_zone: SEED_AZ_SOURCE,
        target_availability_zone: SEED_AZ_TARGET,
        domain_id: SEED_DOMAIN_ID,
        source_vpc_id: 'vpc-0a1b2c3d',
        dr_type: 'migration',
      },
    });
    expect(sent?.headers['x-project-id']).toBe(upstream.sim.projectId);
  });

  it('forwards the reversed AZ pair as given: SDRS decides, the service claims no rule', async () => {
    // Prepare
    const reversed = createRequestBody({
      sourceAvailabilityZone: SEED_AZ_TARGET,
      targetAvailabilityZone: SEED_AZ_SOURCE,
    });

    // Act
    const response = await create(reversed);

    // Assess
    expect(response.statusCode).toBe(202);
    const [sent] = upstream.sim.requests().filter((r) => r.method === 'POST');
    expect(JSON.parse(sent?.body ?? '').server_group).toMatchObject({
      source_availability_zone: SEED_AZ_TARGET,
      target_availability_zone: SEED_AZ_SOURCE,
    });
  });

  it('puts the same X-Request-Id on the response as in the body and the logs', async () => {
    // Prepare
    const event = httpEvent({ method: 'POST', path: '/protection-groups', body: { name: 'x' } });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.headers?.['x-request-id']).toBe(event.requestContext.requestId);
    expect(json(response).requestId).toBe(event.requestContext.requestId);
  });

  describe('description length is counted in UTF-8 bytes', () => {
    it('rejects 22 × 保 (66 bytes)', async () => {
      // Act
      const response = await create({ ...validBody, description: '保'.repeat(22) });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(json(response).errors).toEqual([
        { pointer: '#/description', detail: 'must not be longer than 64 bytes in UTF-8' },
      ]);
      expect(upstream.sim.requests()).toHaveLength(0);
    });

    it('accepts 21 × 保 (63 bytes)', async () => {
      // Act
      const response = await create({ ...validBody, description: '保'.repeat(21) });

      // Assess
      expect(response.statusCode).toBe(202);
    });
  });

  it('reports every violation at once with JSON Pointers and calls nothing upstream', async () => {
    // Prepare
    const body = {
      name: 'pg web é',
      description: 'a <b>',
      sourceAvailabilityZone: '',
      domainId: 7,
      drType: 'active',
      colour: 'red',
    };

    // Act
    const response = await create(body);

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    const problem = json(response);
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const pointers = problem.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(
      [
        '#/colour',
        '#/description',
        '#/domainId',
        '#/drType',
        '#/name',
        '#/sourceAvailabilityZone',
        '#/sourceVpcId',
        '#/targetAvailabilityZone',
      ].sort(),
    );
    expect(upstream.sim.requests()).toHaveLength(0);
  });

  it.each([
    ['a 65-character name', { name: 'n'.repeat(65) }],
    ['a name with a space', { name: 'pg web' }],
    ['a non-ASCII name', { name: 'pg-保' }],
    ['an empty name', { name: '' }],
  ])('rejects %s', async (_case, override) => {
    // Act
    const response = await create({ ...validBody, ...override });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(json(response).errors.map((e: { pointer: string }) => e.pointer)).toContain('#/name');
  });

  it('accepts a 64-character name of every allowed character class', async () => {
    // Act
    const response = await create({ ...validBody, name: `Aa0._-${'x'.repeat(58)}` });

    // Assess
    expect(response.statusCode).toBe(202);
  });

  it.each([
    ['an unknown availability zone', { sourceAvailabilityZone: 'xx-nowhere-1a' }, 'SDRS.0203'],
    ['an unknown domain', { domainId: 'no-such-domain' }, 'SDRS.0205'],
  ])('maps %s rejected upstream to 422 UPSTREAM_REJECTED', async (_case, override, code) => {
    // Act
    const response = await create({ ...validBody, ...override });

    // Assess
    expect(response.statusCode).toBe(422);
    const problem = json(response);
    expect(problem).toMatchObject({
      status: 422,
      code: 'UPSTREAM_REJECTED',
      upstream: { status: 400, code },
    });
    expect(problem.detail).toMatch(/^SDRS refused the content/);
    expect(problem.upstream.requestId).toEqual(expect.any(String));
    expect(upstream.sim.acceptedCreates()).toBe(0);
  });

  it('answers 502 UPSTREAM_AUTH_FAILED, never 401, when the upstream rejects our signature', async () => {
    // Prepare
    const original = { ...upstream.sim.credentials };
    upstream.sim.setCredentials({ ak: original.ak, sk: 'another-secret-key' });

    // Act
    const response = await create(validBody);

    // Assess
    expect(response.statusCode).toBe(502);
    expect(json(response)).toMatchObject({
      code: 'UPSTREAM_AUTH_FAILED',
      upstream: { code: 'APIGW.0301' },
    });
    upstream.sim.setCredentials(original);
  });
});
