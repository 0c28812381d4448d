import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Group,
  type SdrsSimulator,
  SEED_AZ_SOURCE,
  SEED_AZ_TARGET,
  SEED_DOMAIN_ID,
  SOLD_OUT_DOMAIN_ID,
  startSimulator,
} from '../../simulator/index.js';
import { send } from './client.js';

let sim: SdrsSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  sim.seedGroup({ name: 'pg-web-01' });
  sim.seedGroup({ name: 'pg-web-02', status: 'error' });
  sim.seedGroup({ name: 'db-01', priority_station: 'target' });
  sim.seedGroup({ name: 'PG-WEB-03', status: 'protected' });
});

type ListBody = { server_groups: Group[]; count: number };

async function list(query: Record<string, string> = {}) {
  const res = await send(sim, { path: '/server-groups', query });
  return { res, body: res.json as ListBody };
}

describe('GET /server-groups', () => {
  it('lists every group with the full snake_case record and the total count', async () => {
    // Act
    const { res, body } = await list();

    // Assess
    expect(res.status).toBe(200);
    expect(body.count).toBe(4);
    expect(body.server_groups.map((g) => g.name)).toEqual([
      'pg-web-01',
      'pg-web-02',
      'db-01',
      'PG-WEB-03',
    ]);
    expect(Object.keys(body.server_groups[0] ?? {}).sort()).toEqual(
      [
        'id',
        'name',
        'description',
        'status',
        'progress',
        'source_availability_zone',
        'target_availability_zone',
        'domain_id',
        'domain_name',
        'priority_station',
        'protected_instance_num',
        'replication_num',
        'disaster_recovery_drill_num',
        'protected_status',
        'replication_status',
        'health_status',
        'source_vpc_id',
        'target_vpc_id',
        'test_vpc_id',
        'dr_type',
        'created_at',
        'updated_at',
        'protection_type',
        'replication_model',
        'server_type',
      ].sort(),
    );
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['status', { status: 'error' }, ['pg-web-02']],
    ['name (case-sensitive substring)', { name: 'web' }, ['pg-web-01', 'pg-web-02']],
    ['availability_zone (current production AZ)', { availability_zone: SEED_AZ_TARGET }, ['db-01']],
    ['name and status together', { name: 'pg', status: 'available' }, ['pg-web-01']],
    ['query_type status_abnormal', { query_type: 'status_abnormal' }, ['pg-web-02']],
  ])('filters by %s', async (_label, query, names) => {
    // Act
    const { body } = await list(query);

    // Assess
    expect(body.server_groups.map((g) => g.name)).toEqual(names);
    expect(body.count).toBe(names.length);
  });

  it('pages with limit and offset; count stays the filtered total', async () => {
    // Act
    const first = await list({ limit: '2', offset: '0' });
    const second = await list({ limit: '2', offset: '2' });
    const beyond = await list({ limit: '2', offset: '10' });
    const zero = await list({ limit: '0' });

    // Assess
    expect(first.body.server_groups.map((g) => g.name)).toEqual(['pg-web-01', 'pg-web-02']);
    expect(second.body.server_groups.map((g) => g.name)).toEqual(['db-01', 'PG-WEB-03']);
    expect(beyond.body).toEqual({ server_groups: [], count: 4 });
    expect(zero.body).toEqual({ server_groups: [], count: 4 });
  });

  it.each([
    ['SDRS.0221', { limit: '1001' }],
    ['SDRS.0221', { limit: '-1' }],
    ['SDRS.0221', { limit: 'ten' }],
    ['SDRS.0222', { offset: '-1' }],
    ['SDRS.0222', { offset: '1.5' }],
  ])('rejects bad paging with 400 %s (%o)', async (code, query) => {
    // Act
    const { res } = await list(query);

    // Assess
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code, message: expect.any(String) } });
  });
});

describe('GET /server-groups/{id}', () => {
  it('returns the group under server_group', async () => {
    // Prepare
    const group = sim.seedGroup({ name: 'pg-show', description: 'shown' });

    // Act
    const res = await send(sim, { path: `/server-groups/${group.id}` });

    // Assess
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ server_group: group });
  });

  it('answers an unknown id 400 SDRS.1013 (not 404)', async () => {
    // Act
    const res = await send(sim, { path: '/server-groups/11111111-2222-3333-4444-555555555555' });

    // Assess
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: 'SDRS.1013', message: expect.any(String) } });
  });
});

describe('GET /active-domains', () => {
  it('lists the available and the sold-out seed domain', async () => {
    // Act
    const res = await send(sim, { path: '/active-domains' });

    // Assess
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      domains: [
        {
          id: SEED_DOMAIN_ID,
          name: expect.any(String),
          description: expect.any(String),
          sold_out: false,
          local_replication_cluster: { availability_zone: SEED_AZ_SOURCE },
          remote_replication_cluster: { availability_zone: SEED_AZ_TARGET },
        },
        expect.objectContaining({ id: SOLD_OUT_DOMAIN_ID, sold_out: true }),
      ],
    });
  });
});
