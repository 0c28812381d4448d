import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../handlers/list-protection-groups.js';
import { UPSTREAM_PAGE_SIZE } from '../../lib/lookups/protection-groups.js';
import { MAX_PAGE_OFFSET } from '../../schemas/lookups.js';
import { SEED_AZ_SOURCE, SEED_AZ_TARGET, SEED_DOMAIN_ID } from '../../simulator/index.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { invoke } from './support.js';

const list = (query?: Record<string, string>) =>
  invoke(handler, { path: '/protection-groups', ...(query && { query }) });

describe('GET /protection-groups', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    upstream = await startLocalUpstream();
  });
  afterAll(async () => upstream.close());
  beforeEach(() => upstream.sim.reset());

  it('answers the groups in camelCase with ISO timestamps and the default page', async () => {
    // Prepare
    const seeded = upstream.sim.seedGroup({
      name: 'pg-web-01',
      description: 'web tier',
      status: 'protected',
      progress: 37,
      created_at: '2026-05-23 03:51:58.256',
      updated_at: '2026-05-24 10:00:00.000',
    });

    // Act
    const answer = await list();

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toEqual({
      items: [
        {
          id: seeded.id,
          name: 'pg-web-01',
          description: 'web tier',
          status: 'protected',
          progress: 37,
          sourceAvailabilityZone: SEED_AZ_SOURCE,
          targetAvailabilityZone: SEED_AZ_TARGET,
          productionSite: 'source',
          domainId: SEED_DOMAIN_ID,
          domainName: 'ActiveactiveDomain',
          sourceVpcId: seeded.source_vpc_id,
          targetVpcId: seeded.target_vpc_id,
          drType: 'migration',
          protectionStatus: null,
          replicationStatus: null,
          healthStatus: null,
          protectedInstanceCount: 0,
          replicationPairCount: 0,
          drillCount: 0,
          createdAt: '2026-05-23T03:51:58.256Z',
          updatedAt: '2026-05-24T10:00:00.000Z',
        },
      ],
      count: 1,
      limit: 20,
      offset: 0,
      next: null,
      previous: null,
    });
    const [call] = upstream.sim.requests();
    expect(call?.query).toEqual({ limit: '20', offset: '0' });
  });

  it('filters by name (substring) and status, passing both upstream', async () => {
    // Prepare
    upstream.sim.seedGroup({ name: 'pg-web-01', status: 'available' });
    const wanted = upstream.sim.seedGroup({ name: 'pg-web-02', status: 'protected' });
    upstream.sim.seedGroup({ name: 'pg-db-01', status: 'protected' });

    // Act
    const answer = await list({ name: 'web', status: 'protected' });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((g: { id: string }) => g.id)).toEqual([wanted.id]);
    expect(answer.body.count).toBe(1);
    expect(upstream.sim.requests()[0]?.query).toMatchObject({ name: 'web', status: 'protected' });
  });

  it('pages with limit and offset and says where the next and previous pages start', async () => {
    // Prepare
    for (let i = 1; i <= 7; i++) upstream.sim.seedGroup({ name: `pg-${i}` });

    // Act
    const first = await list({ limit: '3' });
    const middle = await list({ limit: '3', offset: '3' });
    const last = await list({ limit: '3', offset: '6' });

    // Assess
    const names = (page: typeof first) => page.body.items.map((g: { name: string }) => g.name);
    expect(names(first)).toEqual(['pg-1', 'pg-2', 'pg-3']);
    expect(names(middle)).toEqual(['pg-4', 'pg-5', 'pg-6']);
    expect(names(last)).toEqual(['pg-7']);
    expect([first.body.next, middle.body.next, last.body.next]).toEqual([3, 6, null]);
    expect([first.body.previous, middle.body.previous, last.body.previous]).toEqual([null, 0, 3]);
    expect(last.body).toMatchObject({ count: 7, limit: 3, offset: 6 });
  });

  it('serves the largest page (100) whole, asking SDRS in pages that fit the answer limit', async () => {
    // Prepare: long names and descriptions make each group ~0.9 KiB of JSON upstream.
    for (let i = 0; i < 130; i++) {
      upstream.sim.seedGroup({
        name: `pg-${String(i).padStart(3, '0')}-`.padEnd(64, 'x'),
        description: '保'.repeat(21),
      });
    }

    // Act
    const answer = await list({ limit: '100', offset: '10' });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(100);
    expect(answer.body.items[0].name.startsWith('pg-010-')).toBe(true);
    expect(answer.body.items[99].name.startsWith('pg-109-')).toBe(true);
    expect(answer.body).toMatchObject({ count: 130, next: 110, previous: 0 });
    const calls = upstream.sim.requests().map((r) => r.query);
    expect(calls).toHaveLength(100 / UPSTREAM_PAGE_SIZE);
    expect(calls).toEqual(
      expect.arrayContaining([
        { limit: String(UPSTREAM_PAGE_SIZE), offset: '10' },
        { limit: String(UPSTREAM_PAGE_SIZE), offset: String(10 + UPSTREAM_PAGE_SIZE) },
      ]),
    );
  });

  it.each([
    ['limit above 100', { limit: '101' }, [['#/limit', 'must be at most 100']]],
    ['limit 0', { limit: '0' }, [['#/limit', 'must be at least 1']]],
    ['a non-integer limit', { limit: '2.5' }, [['#/limit', 'must be an integer']]],
    ['a negative offset', { offset: '-1' }, [['#/offset', 'must be at least 0']]],
    ['a word as offset', { offset: 'ten' }, [['#/offset', 'must be an integer']]],
    [
      'an unknown status',
      { status: 'sleeping' },
      [['#/status', expect.stringMatching(/^must be one of: "[a-z-]+", /)]],
    ],
    [
      '"failed-over-back" (in SDRS error messages only, not on its status page)',
      { status: 'failed-over-back' },
      [['#/status', expect.stringMatching(/^must be one of: "creating", .*"error-failing-over"$/)]],
    ],
    [
      '"error-failing-over-back" (in SDRS error messages only, not on its status page)',
      { status: 'error-failing-over-back' },
      [['#/status', expect.stringMatching(/^must be one of: "creating", .*"error-failing-over"$/)]],
    ],
    [
      '"error-failing-back" (in SDRS error messages only, not on its status page)',
      { status: 'error-failing-back' },
      [['#/status', expect.stringMatching(/^must be one of: "creating", .*"error-failing-over"$/)]],
    ],
    [
      'a repeated status (comma-joined by API Gateway)',
      { status: 'available,error' },
      [['#/status', expect.stringMatching(/^must be one of: "[a-z-]+", /)]],
    ],
    ['an empty name', { name: '' }, [['#/name', 'must not be empty']]],
    [
      'a name over 64 bytes',
      { name: '保'.repeat(22) },
      [['#/name', 'must not be longer than 64 bytes in UTF-8']],
    ],
    ['an unknown parameter', { stauts: 'error' }, [['#/stauts', 'is not an allowed property']]],
    [
      'several problems at once',
      { limit: '1000', offset: '-5', sort: 'name' },
      [
        ['#/sort', 'is not an allowed property'],
        ['#/limit', 'must be at most 100'],
        ['#/offset', 'must be at least 0'],
      ],
    ],
  ])('answers 400 VALIDATION_FAILED for %s without calling SDRS', async (_, query, expected) => {
    // Act
    const answer = await list(query);

    // Assess
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    const errors = answer.body.errors.map((e: { pointer: string; detail: string }) => [
      e.pointer,
      e.detail,
    ]);
    expect(errors).toEqual(expect.arrayContaining(expected));
    expect(errors).toHaveLength(expected.length);
    expect(upstream.sim.requests()).toHaveLength(0);
  });

  it('passes a status SDRS reports through unchanged, even one its status page does not list', async () => {
    // Prepare
    upstream.sim.seedGroup({ name: 'pg-back', status: 'failed-over-back' });

    // Act
    const answer = await list();

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.items).toMatchObject([{ name: 'pg-back', status: 'failed-over-back' }]);
  });

  it('bounds offset so every upstream page offset stays an int32: 400 with a pointer', async () => {
    // Act: the largest page at the largest offset, and one past it.
    const largest = await list({ limit: '100', offset: String(MAX_PAGE_OFFSET) });
    const beyond = await list({ limit: '100', offset: '2147483647' });

    // Assess
    expect(largest.status).toBe(200);
    const sent = upstream.sim.requests().map((call) => Number(call.query?.offset));
    expect(Math.max(...sent) + UPSTREAM_PAGE_SIZE - 1).toBeLessThanOrEqual(2_147_483_647);
    expect(beyond.status).toBe(400);
    expect(beyond.body.errors).toEqual([
      { pointer: '#/offset', detail: `must be at most ${MAX_PAGE_OFFSET}` },
    ]);
    expect(upstream.sim.requests()).toHaveLength(sent.length);
  });

  it('maps an SDRS rejection of the list to 422 problem+json with the upstream code', async () => {
    // Prepare
    upstream.sim.inject({
      route: 'list',
      kind: 'answer',
      status: 400,
      body: { error: { code: 'SDRS.0221', message: 'Invalid limit' } },
    });

    // Act
    const answer = await list();

    // Assess
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      upstream: { status: 400, code: 'SDRS.0221', message: 'Invalid limit' },
    });
  });
});
