import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type SdrsSimulator,
  SEED_AZ_SOURCE,
  SEED_AZ_TARGET,
  SOLD_OUT_AZ_SOURCE,
  SOLD_OUT_AZ_TARGET,
  SOLD_OUT_DOMAIN_ID,
  startSimulator,
} from '../../simulator/index.js';
import { createBody, send } from './client.js';

let sim: SdrsSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

function create(body: string | object) {
  return send(sim, { method: 'POST', path: '/server-groups', body });
}

describe('POST /server-groups', () => {
  it('accepts a valid create: 200 {job_id}, counted, group creating', async () => {
    // Act
    const res = await create(createBody());

    // Assess
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ job_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(sim.acceptedCreates()).toBe(1);
    const list = await send(sim, { path: '/server-groups' });
    expect(list.json).toMatchObject({
      count: 1,
      server_groups: [
        {
          name: 'pg-web-01',
          description: 'web tier',
          status: 'creating',
          source_availability_zone: SEED_AZ_SOURCE,
          target_availability_zone: SEED_AZ_TARGET,
          dr_type: 'migration',
          server_type: 'ECS',
        },
      ],
    });
  });

  it.each([
    ['a 64-byte name', { name: 'a'.repeat(64) }],
    ['a name with . _ -', { name: 'A.b_c-9' }],
    ['no description and no dr_type', { description: undefined, dr_type: undefined }],
    ['a 64-byte description', { description: 'é'.repeat(32) }],
    [
      'the AZ pair reversed',
      { source_availability_zone: SEED_AZ_TARGET, target_availability_zone: SEED_AZ_SOURCE },
    ],
  ])('accepts %s', async (_label, overrides) => {
    // Act
    const res = await create(createBody(overrides));

    // Assess
    expect(res.status).toBe(200);
    expect(sim.acceptedCreates()).toBe(1);
  });

  const sg = (overrides: Record<string, unknown>) => createBody(overrides);
  it.each<[string, string, string | object]>([
    ['SDRS.0201', 'a body that is not JSON', '{"server_group": {"name": '],
    ['SDRS.0201', 'a body without server_group', { name: 'pg' }],
    ['SDRS.0201', 'an unknown top-level field', { ...sg({}), extra: 1 }],
    ['SDRS.0201', 'an unknown field in server_group', sg({ server_type: 'ECS' })],
    ['SDRS.0201', 'a dr_type other than migration', sg({ dr_type: 'replication' })],
    ['SDRS.0202', 'a missing name', sg({ name: undefined })],
    ['SDRS.0202', 'an empty name', sg({ name: '' })],
    ['SDRS.0202', 'a 65-byte name', sg({ name: 'a'.repeat(65) })],
    ['SDRS.0202', 'a name with a space', sg({ name: 'pg web' })],
    ['SDRS.0202', 'a name with multi-byte characters', sg({ name: 'pg-é' })],
    ['SDRS.0202', 'a numeric name', sg({ name: 42 })],
    ['SDRS.0212', 'a 65-byte description', sg({ description: `${'é'.repeat(32)}x` })],
    ['SDRS.0212', 'a description with <', sg({ description: 'a<b' })],
    ['SDRS.0212', 'a description with >', sg({ description: 'a>b' })],
    ['SDRS.0203', 'an empty source AZ', sg({ source_availability_zone: '' })],
    ['SDRS.0203', 'a missing target AZ', sg({ target_availability_zone: undefined })],
    ['SDRS.0203', 'an unknown AZ', sg({ target_availability_zone: 'ap-southeast-3z' })],
    ['SDRS.0203', 'an AZ of another domain', sg({ target_availability_zone: SOLD_OUT_AZ_TARGET })],
    ['SDRS.0203', 'the same AZ twice', sg({ target_availability_zone: SEED_AZ_SOURCE })],
    ['SDRS.0205', 'an empty domain id', sg({ domain_id: '' })],
    [
      'SDRS.0205',
      'an unknown domain id',
      sg({ domain_id: '00000000-0000-0000-0000-000000000000' }),
    ],
    ['SDRS.0204', 'an empty VPC id', sg({ source_vpc_id: '' })],
    [
      'SDRS.0233',
      'a sold-out domain',
      sg({
        domain_id: SOLD_OUT_DOMAIN_ID,
        source_availability_zone: SOLD_OUT_AZ_SOURCE,
        target_availability_zone: SOLD_OUT_AZ_TARGET,
      }),
    ],
  ])('rejects with 400 %s: %s', async (code, _label, body) => {
    // Act
    const res = await create(body);

    // Assess
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code, message: expect.any(String) } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(sim.acceptedCreates()).toBe(0);
  });

  it('checks the signature before the body (bad signature + bad body → 401)', async () => {
    // Act
    const res = await send(sim, {
      method: 'POST',
      path: '/server-groups',
      body: sg({ name: '' }),
      credentials: { ak: sim.credentials.ak, sk: 'nope' },
    });

    // Assess
    expect(res.status).toBe(401);
  });

  it('counts each accepted create once and gives each its own job', async () => {
    // Act
    const a = await create(createBody({ name: 'pg-a' }));
    const b = await create(createBody({ name: 'pg-b' }));

    // Assess
    expect(sim.acceptedCreates()).toBe(2);
    expect((a.json as { job_id: string }).job_id).not.toBe((b.json as { job_id: string }).job_id);
    expect(sim.requests().map((r) => [r.route, r.accepted])).toEqual([
      ['create', true],
      ['create', true],
    ]);
  });

  it('answers a body over 12 MB with 413 APIGW.0201 and does not count it', async () => {
    // Act
    const res = await create(createBody({ description: 'x'.repeat(12 * 1024 * 1024) }));

    // Assess
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ error_code: 'APIGW.0201' });
    expect(sim.acceptedCreates()).toBe(0);
  });
});
