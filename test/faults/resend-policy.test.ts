import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readUpstreamConfig } from '../../lib/config.js';
import { CachedCredentialsProvider } from '../../lib/credentials/provider.js';
import { fileSecretFetcher } from '../../lib/credentials/sources.js';
import { UpstreamError } from '../../lib/problems/errors.js';
import { SdrsClient, type UpstreamCallLog } from '../../lib/upstream/sdrs-client.js';
import {
  gatewayError,
  SEED_AZ_SOURCE,
  SEED_AZ_TARGET,
  SEED_DOMAIN_ID,
  startSimulator,
} from '../../simulator/index.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';

const serverGroup = {
  name: 'pg-resend-01',
  source_availability_zone: SEED_AZ_SOURCE,
  target_availability_zone: SEED_AZ_TARGET,
  domain_id: SEED_DOMAIN_ID,
  source_vpc_id: 'vpc-1',
  dr_type: 'migration',
} as const;

describe('resend policy', () => {
  let upstream: LocalUpstream;
  let calls: UpstreamCallLog[];
  const clientFor = (
    overrides: { endpoint?: URL; maxAttempts?: number; maxRetryAfterMs?: number } = {},
  ) =>
    new SdrsClient({
      config: {
        ...readUpstreamConfig(),
        timeoutMs: 300,
        maxAttempts: 3,
        maxRetryAfterMs: 2_000,
        ...overrides,
      },
      credentials: new CachedCredentialsProvider(fileSecretFetcher(upstream.secretFile), 60_000),
      onCall: (call) => calls.push(call),
    });
  const posts = () => upstream.sim.requests().filter((r) => r.method === 'POST').length;
  const create = (client = clientFor()) => client.createProtectionGroup(serverGroup);

  beforeAll(async () => {
    upstream = await startLocalUpstream();
  });
  afterAll(async () => upstream.close());
  beforeEach(() => {
    upstream.sim.reset();
    calls = [];
  });

  it.each([
    ['timed out after SDRS accepted it', { kind: 'no-answer', afterAccept: true }],
    ['reset after SDRS accepted it', { kind: 'reset', afterAccept: true }],
    ['cut off mid-answer after SDRS accepted it', { kind: 'reset-mid-body', afterAccept: true }],
  ] as const)('never resends a create that %s', async (_case, fault) => {
    // Prepare
    upstream.sim.inject({ route: 'create', ...fault, times: 5 });

    // Act
    const error = await create().catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(UpstreamError);
    expect(posts()).toBe(1);
    expect(upstream.sim.acceptedCreates()).toBe(1);
  });

  it('resends a throttled create after Retry-After and creates it once', async () => {
    // Prepare
    upstream.sim.inject({ route: 'create', kind: 'throttle', retryAfter: 1 });

    // Act
    const result = await create();

    // Assess
    expect(result.value.jobId).toMatch(/^[0-9a-f]{32}$/);
    expect(posts()).toBe(2);
    expect(upstream.sim.acceptedCreates()).toBe(1);
    expect(calls.map((c) => c.outcome)).toEqual(['UPSTREAM_THROTTLED', 'ok']);
  });

  it('resends a create answered 503 and creates it once', async () => {
    // Prepare
    upstream.sim.inject({ route: 'create', kind: 'html', status: 503 });

    // Act
    await create();

    // Assess
    expect(posts()).toBe(2);
    expect(upstream.sim.acceptedCreates()).toBe(1);
  });

  it('gives a long Retry-After back to the caller instead of waiting it out', async () => {
    // Prepare
    upstream.sim.inject({ route: 'create', kind: 'throttle', retryAfter: 30 });

    // Act
    const error = await create().catch((caught: unknown) => caught);

    // Assess
    expect(error).toMatchObject({ code: 'UPSTREAM_THROTTLED', retryAfterSeconds: 30 });
    expect(posts()).toBe(1);
  });

  it('resends at most SDRS_MAX_RETRIES times while throttled', async () => {
    // Prepare
    upstream.sim.inject({ route: 'create', kind: 'throttle', times: 10 });
    const client = clientFor({ maxAttempts: 3, maxRetryAfterMs: 5_000 });

    // Act
    const error = await create(client).catch((caught: unknown) => caught);

    // Assess
    expect(error).toMatchObject({ code: 'UPSTREAM_THROTTLED' });
    expect(posts()).toBe(3);
    expect(upstream.sim.acceptedCreates()).toBe(0);
  });

  it('resends a create whose connection was refused, at most as configured', async () => {
    // Prepare
    const closed = await startSimulator();
    const endpoint = new URL(closed.url);
    await closed.close();

    // Act
    const error = await create(clientFor({ endpoint, maxAttempts: 3 })).catch(
      (caught: unknown) => caught,
    );

    // Assess
    expect(error).toMatchObject({ kind: 'refused' });
    expect(calls.map((c) => c.outcome)).toEqual(['refused', 'refused', 'refused']);
  });

  it('fetches the secret again once and resends when the signature is rejected', async () => {
    // Prepare
    upstream.sim.inject({
      route: 'create',
      kind: 'answer',
      status: 401,
      body: gatewayError('APIGW.0301', 'verify aksk signature fail'),
    });

    // Act
    const result = await create();

    // Assess
    expect(result.value.jobId).toEqual(expect.any(String));
    expect(posts()).toBe(2);
    expect(upstream.sim.acceptedCreates()).toBe(1);
  });

  it('resends a read whose connection was reset', async () => {
    // Prepare
    upstream.sim.inject({ route: 'domains', kind: 'reset' });

    // Act
    const result = await clientFor().listActiveDomains();

    // Assess
    expect((result.value as { domains: unknown[] }).domains.length).toBeGreaterThan(0);
    expect(calls.map((c) => c.outcome)).toEqual(['reset', 'ok']);
  });
});
