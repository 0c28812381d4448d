/**
 * `Idempotency-Key` on `POST /protection-groups`, end to end: the real handler, the SDRS simulator
 * over HTTP and Powertools idempotency on dynalite through lib/aws's signed JSON client.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resetIdempotencyStore } from '../../lib/idempotency/index.js';
import {
  create,
  createsReceived,
  json,
  newKey,
  untilCreatesReceived,
  useKeyedCreateBackends,
  validBody,
} from './support.js';

const backends = useKeyedCreateBackends({ SDRS_MAX_RETRIES: '0' });

describe('a completed create with a key', () => {
  it('answers a retry with the first 202 (same jobId, replay headers) and creates once', async () => {
    // Prepare
    const key = newKey();
    const first = await create(validBody, { key });

    // Act
    const retry = await create(validBody, { key });

    // Assess
    expect(first.statusCode).toBe(202);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.statusCode).toBe(202);
    expect(retry.body).toBe(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['original-request-id']).toBe(first.headers['x-request-id']);
    expect(retry.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(backends.sim.acceptedCreates()).toBe(1);
    expect(createsReceived(backends.sim)).toBe(1);
  });

  it('treats the quoted and the bare form of a key as the same key', async () => {
    // Prepare
    const key = newKey();
    const first = await create(validBody, { key: `"${key}"` });

    // Act
    const retry = await create(validBody, { key });

    // Assess
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(json(retry).jobId).toBe(json(first).jobId);
    expect(backends.sim.acceptedCreates()).toBe(1);
  });

  it('treats key order and the drType default as the same request', async () => {
    // Prepare
    const key = newKey();
    const { drType: _omitted, ...withoutDrType } = { ...validBody, drType: 'migration' };
    const reordered = Object.fromEntries(Object.entries(validBody).reverse());
    const first = await create(withoutDrType, { key });

    // Act
    const explicitDefault = await create({ ...reordered, drType: 'migration' }, { key });

    // Assess
    expect(explicitDefault.statusCode).toBe(202);
    expect(explicitDefault.headers['idempotent-replayed']).toBe('true');
    expect(json(explicitDefault).jobId).toBe(json(first).jobId);
  });

  it('refuses the key with a different body (422) and still replays the original after', async () => {
    // Prepare
    const key = newKey();
    const first = await create(validBody, { key });

    // Act
    const reused = await create({ ...validBody, name: 'pg-web-02' }, { key });
    const retry = await create(validBody, { key });

    // Assess
    expect(reused.statusCode).toBe(422);
    expect(reused.headers['content-type']).toBe('application/problem+json');
    expect(json(reused)).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 422 });
    expect(json(retry).jobId).toBe(json(first).jobId);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(backends.sim.acceptedCreates()).toBe(1);
  });

  it('keeps keys of different callers apart (scope = route + JWT sub)', async () => {
    // Prepare
    const key = newKey();

    // Act
    const alice = await create(validBody, { key, sub: 'alice' });
    const bob = await create({ ...validBody, name: 'pg-bob' }, { key, sub: 'bob' });

    // Assess
    expect(alice.statusCode).toBe(202);
    expect(bob.statusCode).toBe(202);
    expect(bob.headers['idempotent-replayed']).toBeUndefined();
    expect(json(bob).jobId).not.toBe(json(alice).jobId);
    expect(backends.sim.acceptedCreates()).toBe(2);
  });

  it('runs again once the record has expired', async () => {
    // Prepare
    const key = newKey();
    const first = await create(validBody, { key });
    const [record] = await backends.db.records();
    await backends.db.expire(String(record?.id));

    // Act
    const later = await create(validBody, { key });

    // Assess
    expect(later.statusCode).toBe(202);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(json(later).jobId).not.toBe(json(first).jobId);
    expect(backends.sim.acceptedCreates()).toBe(2);
  });
});

describe('while the first create is in flight', () => {
  it('answers 409 with Retry-After; rejected duplicates (409, 422) never erase the record', async () => {
    // Prepare
    const key = newKey();
    backends.sim.inject({ route: 'create', kind: 'latency', ms: 1_000 });
    const pending = create(validBody, { key });
    await untilCreatesReceived(backends.sim, 1);

    // Act
    const duplicate = await create(validBody, { key });
    const reused = await create({ ...validBody, name: 'pg-web-02' }, { key });
    const again = await create(validBody, { key });
    const inFlight = await backends.db.records();
    const first = await pending;
    const retry = await create(validBody, { key });

    // Assess
    for (const refused of [duplicate, again]) {
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['retry-after']).toBe('1');
      expect(json(refused)).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS', retryable: true });
    }
    expect(json(reused)).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 422 });
    expect(inFlight.map((r) => r.status)).toEqual(['INPROGRESS']);
    expect(first.statusCode).toBe(202);
    expect(json(retry).jobId).toBe(json(first).jobId);
    expect(backends.sim.acceptedCreates()).toBe(1);
    expect(createsReceived(backends.sim)).toBe(1);
  });

  it('lets exactly one of twenty parallel requests with one key create; the others get 409 or the 202', async () => {
    // Prepare
    const key = newKey();
    backends.sim.inject({ route: 'create', kind: 'latency', ms: 300 });

    // Act
    const answers = await Promise.all(Array.from({ length: 20 }, () => create(validBody, { key })));

    // Assess
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
    const executed = answers.filter(
      (a) => a.statusCode === 202 && !a.headers['idempotent-replayed'],
    );
    expect(executed).toHaveLength(1);
    const jobIds = new Set(answers.filter((a) => a.statusCode === 202).map((a) => json(a).jobId));
    expect(jobIds.size).toBe(1);
    expect(backends.sim.acceptedCreates()).toBe(1);
    expect(createsReceived(backends.sim)).toBe(1);
  });
});

describe('the stored record', () => {
  afterEach(() => {
    delete process.env.IDEMPOTENCY_TTL_SECONDS;
    resetIdempotencyStore();
  });

  it.each([
    ['24 h by default', undefined, 86_400],
    ['IDEMPOTENCY_TTL_SECONDS when set', '3600', 3_600],
  ])('lives %s and holds neither the key nor the request body', async (_name, ttl, seconds) => {
    // Prepare
    if (ttl) process.env.IDEMPOTENCY_TTL_SECONDS = ttl;
    resetIdempotencyStore();
    const key = newKey();
    const before = Math.floor(Date.now() / 1000);

    // Act
    const answer = await create(validBody, { key });

    // Assess
    const records = await backends.db.records();
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record?.status).toBe('COMPLETED');
    expect(Number(record?.expiration)).toBeGreaterThanOrEqual(before + seconds);
    expect(Number(record?.expiration)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + seconds);
    expect(record?.data).toMatchObject({ statusCode: 202, body: answer.body });
    expect(String(record?.id)).toMatch(/^sdrs-bff#/);
    expect(JSON.stringify(record)).not.toContain(key);
    expect(JSON.stringify(record)).not.toContain(validBody.sourceVpcId);
  });
});
