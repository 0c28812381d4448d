/**
 * Which outcomes a key keeps (final ones, and any after which SDRS may have acted) and which it
 * forgets (SDRS provably did not act), plus the configuration and key checks that come first.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { resetDependencies } from '../../lib/dependencies.js';
import { resetIdempotencyStore } from '../../lib/idempotency/index.js';
import type { Fault } from '../../simulator/index.js';
import { startScriptedEndpoint } from '../aws/endpoint.js';
import {
  create,
  createsReceived,
  json,
  newKey,
  useKeyedCreateBackends,
  validBody,
} from './support.js';

const baseEnv = { SDRS_MAX_RETRIES: '0', SDRS_TIMEOUT_MS: '2000' };
const backends = useKeyedCreateBackends(baseEnv);

afterEach(() => {
  Object.assign(process.env, baseEnv, { SDRS_ENDPOINT: backends.sim.url });
  process.env.IDEMPOTENCY_TABLE = backends.db.tableName;
  resetDependencies();
  resetIdempotencyStore();
});

/** A loopback port nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('outcomes that are stored and replayed (no second create)', () => {
  it('SDRS rejected the content: the 422 is replayed', async () => {
    // Prepare
    const key = newKey();
    const body = { ...validBody, domainId: 'no-such-domain' };
    const first = await create(body, { key });

    // Act
    const retry = await create(body, { key });

    // Assess
    expect(first.statusCode).toBe(422);
    expect(json(first)).toMatchObject({ code: 'UPSTREAM_REJECTED', upstream: { status: 400 } });
    expect(retry.statusCode).toBe(422);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const { requestId, instance, ...problem } = json(retry);
    expect(requestId).toBe(retry.headers['x-request-id']);
    expect(instance).toBe(`urn:request:${requestId}`);
    expect({ ...json(first), requestId, instance }).toEqual({ ...problem, requestId, instance });
    expect(createsReceived(backends.sim)).toBe(1);
  });

  it.each<[string, number, string, Omit<Fault, 'route'>]>([
    [
      'timed out after SDRS accepted it',
      504,
      'UPSTREAM_TIMEOUT',
      { kind: 'no-answer', afterAccept: true },
    ],
    [
      'was reset after SDRS accepted it',
      502,
      'UPSTREAM_UNAVAILABLE',
      { kind: 'reset', afterAccept: true },
    ],
  ])(
    'a create that %s: the %i is replayed and SDRS gets no second create',
    async (_name, status, code, fault) => {
      // Prepare
      process.env.SDRS_TIMEOUT_MS = '300';
      resetDependencies();
      const key = newKey();
      backends.sim.inject({ route: 'create', ...fault } as Fault);
      const first = await create(validBody, { key });

      // Act
      const retry = await create(validBody, { key });

      // Assess
      expect(first.statusCode).toBe(status);
      expect(json(first)).toMatchObject({ code });
      expect(json(first).detail).toContain('GET /protection-groups?name=');
      expect(retry.statusCode).toBe(status);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(json(retry)).toMatchObject({ code, detail: json(first).detail });
      expect(backends.sim.acceptedCreates()).toBe(1);
      expect(createsReceived(backends.sim)).toBe(1);
    },
  );

  it('SDRS failed with a 500 after receiving the create: the 502 is replayed', async () => {
    // Prepare
    const key = newKey();
    backends.sim.inject({
      route: 'create',
      kind: 'answer',
      status: 500,
      body: { error: { code: 'SDRS.1014', message: 'Failed to create the protection group' } },
    });
    const first = await create(validBody, { key });

    // Act
    const retry = await create(validBody, { key });

    // Assess
    expect(json(first)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 502 });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.statusCode).toBe(502);
    expect(createsReceived(backends.sim)).toBe(1);
  });
});

describe('outcomes that are not stored (SDRS provably did not act): a retry creates', () => {
  async function expectForgotten(
    key: string,
    status: number,
    code: string,
    first: { statusCode: number; body?: string },
  ) {
    expect(first.statusCode).toBe(status);
    expect(json(first)).toMatchObject({ code });
    expect(await backends.db.records()).toEqual([]);
    const retry = await create(validBody, { key });
    expect(retry.statusCode).toBe(202);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(backends.sim.acceptedCreates()).toBe(1);
  }

  it('throttled (429)', async () => {
    // Prepare
    const key = newKey();
    backends.sim.inject({ route: 'create', kind: 'throttle', retryAfter: 1 });

    // Act
    const first = await create(validBody, { key });

    // Assess
    await expectForgotten(key, 429, 'UPSTREAM_THROTTLED', first);
  });

  it('unavailable (503)', async () => {
    // Prepare
    const key = newKey();
    backends.sim.inject({
      route: 'create',
      kind: 'answer',
      status: 503,
      body: { error: { code: 'SDRS.0001', message: 'Service unavailable' } },
    });

    // Act
    const first = await create(validBody, { key });

    // Assess
    await expectForgotten(key, 503, 'UPSTREAM_UNAVAILABLE', first);
  });

  it('connection refused', async () => {
    // Prepare
    const key = newKey();
    process.env.SDRS_ENDPOINT = `http://127.0.0.1:${await closedPort()}`;
    resetDependencies();

    // Act
    const first = await create(validBody, { key });
    process.env.SDRS_ENDPOINT = backends.sim.url;
    resetDependencies();

    // Assess
    await expectForgotten(key, 502, 'UPSTREAM_UNAVAILABLE', first);
  });

  it('our credentials rejected', async () => {
    // Prepare
    const key = newKey();
    const valid = backends.sim.credentials;
    backends.sim.setCredentials({
      ak: 'ROTATEDAK00000000001',
      sk: 'RotatedSecretKey0123456789abcdef',
    });

    // Act
    const first = await create(validBody, { key });
    backends.sim.setCredentials(valid);

    // Assess
    await expectForgotten(key, 502, 'UPSTREAM_AUTH_FAILED', first);
  });
});

describe('before anything runs', () => {
  it.each([
    ['too short', 'abc123'],
    ['too long', 'k'.repeat(256)],
    ['too few different characters', '00000000001'],
    ['two keys (two header lines joined)', '"0f8fad5b-d9cb-469f", "a165-70867728950e"'],
    ['a parameter', '"0f8fad5b-d9cb-469f-a165";v=1'],
    ['a bare key with a space', '0f8fad5b d9cb 469f'],
    ['non-ASCII', 'clé-0f8fad5b-d9cb'],
    ['an unterminated quote', '"0f8fad5b-d9cb-469f'],
    ['empty', ''],
  ])('refuses a key that is %s with 400 and sends nothing', async (_name, key) => {
    // Act
    const answer = await create(validBody, { key });

    // Assess
    expect(answer.statusCode).toBe(400);
    expect(json(answer)).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', status: 400 });
    expect(createsReceived(backends.sim)).toBe(0);
  });

  it('fails closed (500) for a request with a key when IDEMPOTENCY_TABLE is unset', async () => {
    // Prepare
    delete process.env.IDEMPOTENCY_TABLE;
    resetIdempotencyStore();

    // Act
    const withKey = await create(validBody, { key: newKey() });
    const withoutKey = await create(validBody);

    // Assess
    expect(withKey.statusCode).toBe(500);
    expect(json(withKey)).toMatchObject({ code: 'INTERNAL' });
    expect(withoutKey.statusCode).toBe(202);
    expect(backends.sim.acceptedCreates()).toBe(1);
  });

  it('answers 503 and sends nothing when the store fails', async () => {
    // Prepare
    process.env.IDEMPOTENCY_TABLE = 'no-such-table';
    resetIdempotencyStore();

    // Act
    const answer = await create(validBody, { key: newKey() });

    // Assess
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['retry-after']).toBe('1');
    expect(json(answer)).toMatchObject({ code: 'IDEMPOTENCY_STORE_UNAVAILABLE', retryable: true });
    expect(createsReceived(backends.sim)).toBe(0);
  });

  it('answers the same 503 and sends nothing when the store cannot be reached at all', async () => {
    // Prepare: nothing listens where the store should be.
    const reachable = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    const gone = await startScriptedEndpoint(() => undefined);
    await gone.close();
    process.env.AWS_ENDPOINT_URL_DYNAMODB = gone.url;
    resetIdempotencyStore();

    // Act
    const answer = await create(validBody, { key: newKey() }).finally(() => {
      process.env.AWS_ENDPOINT_URL_DYNAMODB = reachable;
      resetIdempotencyStore();
    });

    // Assess
    expect(answer.statusCode).toBe(503);
    expect(json(answer)).toMatchObject({ code: 'IDEMPOTENCY_STORE_UNAVAILABLE', retryable: true });
    expect(createsReceived(backends.sim)).toBe(0);
  });

  it('creates without a key exactly as before: every request is a new create', async () => {
    // Act
    const first = await create(validBody);
    const second = await create(validBody);

    // Assess
    expect(json(second).jobId).not.toBe(json(first).jobId);
    expect(backends.sim.acceptedCreates()).toBe(2);
    expect(await backends.db.records()).toEqual([]);
  });
});
