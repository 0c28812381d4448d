import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../handlers/get-active-domains.js';
import {
  DEFAULT_CREDENTIALS,
  SEED_AZ_SOURCE,
  SEED_AZ_TARGET,
  SEED_DOMAIN_ID,
  SOLD_OUT_AZ_SOURCE,
  SOLD_OUT_AZ_TARGET,
  SOLD_OUT_DOMAIN_ID,
} from '../../simulator/index.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { invoke } from './support.js';

describe('GET /active-domains', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    upstream = await startLocalUpstream();
  });
  afterAll(async () => upstream.close());
  beforeEach(() => {
    upstream.sim.reset();
    upstream.sim.setCredentials(DEFAULT_CREDENTIALS);
  });

  it('answers the domains in camelCase with their source and target AZ', async () => {
    // Act
    const answer = await invoke(handler, { path: '/active-domains' });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['cache-control']).toBe('private, max-age=60');
    expect(answer.headers['x-request-id']).toEqual(expect.any(String));
    expect(answer.body).toEqual({
      domains: [
        {
          id: SEED_DOMAIN_ID,
          name: 'ActiveactiveDomain',
          description: 'Active-active domain ap-southeast-3a/ap-southeast-3b',
          soldOut: false,
          availabilityZones: { source: SEED_AZ_SOURCE, target: SEED_AZ_TARGET },
        },
        {
          id: SOLD_OUT_DOMAIN_ID,
          name: 'ActiveactiveDomainSoldOut',
          description: 'Active-active domain ap-southeast-3c/ap-southeast-3d (sold out)',
          soldOut: true,
          availabilityZones: { source: SOLD_OUT_AZ_SOURCE, target: SOLD_OUT_AZ_TARGET },
        },
      ],
    });
    const [call] = upstream.sim.requests();
    expect(call?.path).toBe(`/v1/${upstream.sim.projectId}/active-domains`);
    expect(call?.verifiedBy).toBeDefined();
  });

  it('leaves out a domain SDRS sends without its availability zones', async () => {
    // Prepare
    upstream.sim.inject({
      route: 'domains',
      kind: 'answer',
      status: 200,
      body: {
        domains: [
          {
            id: 'd-1',
            name: 'complete',
            description: null,
            sold_out: false,
            local_replication_cluster: { availability_zone: 'az-1' },
            remote_replication_cluster: { availability_zone: 'az-2' },
          },
          { id: 'd-2', name: 'no-remote', sold_out: false, local_replication_cluster: null },
        ],
      },
    });

    // Act
    const answer = await invoke(handler, { path: '/active-domains' });

    // Assess
    expect(answer.body).toEqual({
      domains: [
        {
          id: 'd-1',
          name: 'complete',
          description: null,
          soldOut: false,
          availabilityZones: { source: 'az-1', target: 'az-2' },
        },
      ],
    });
  });

  it('answers 502 problem+json when SDRS sends a 200 without a domains array', async () => {
    // Prepare
    upstream.sim.inject({ route: 'domains', kind: 'answer', status: 200, body: { items: [] } });

    // Act
    const answer = await invoke(handler, { path: '/active-domains' });

    // Assess
    expect(answer.status).toBe(502);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 502 });
  });

  it('answers 502 UPSTREAM_AUTH_FAILED, never 401, when SDRS rejects the credentials', async () => {
    // Prepare
    upstream.sim.setCredentials({ ak: 'ROTATEDAK00000000001', sk: 'a-completely-new-secret-key' });

    // Act
    const answer = await invoke(handler, { path: '/active-domains' });

    // Assess
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED', upstream: { status: 401 } });
  });
});
