import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readUpstreamConfig } from '../../lib/config.js';
import { CachedCredentialsProvider } from '../../lib/credentials/provider.js';
import { fileSecretFetcher } from '../../lib/credentials/sources.js';
import { UpstreamError } from '../../lib/problems/errors.js';
import { SdrsClient } from '../../lib/upstream/sdrs-client.js';
import type { FaultRoute } from '../../simulator/index.js';
import {
  SEED_AZ_SOURCE,
  SEED_AZ_TARGET,
  SEED_DOMAIN_ID,
  startSimulator,
} from '../../simulator/index.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { FAULT_CASES, FAULT_TIMEOUT_MS } from './matrix.js';

const serverGroup = {
  name: 'pg-fault-01',
  source_availability_zone: SEED_AZ_SOURCE,
  target_availability_zone: SEED_AZ_TARGET,
  domain_id: SEED_DOMAIN_ID,
  source_vpc_id: 'vpc-1',
  dr_type: 'migration',
} as const;

type Operation = {
  name: string;
  route: FaultRoute;
  call: (client: SdrsClient) => Promise<unknown>;
};

const OPERATIONS: Operation[] = [
  { name: 'create', route: 'create', call: (c) => c.createProtectionGroup(serverGroup) },
  { name: 'job status', route: 'job', call: (c) => c.getJob('0123456789abcdef0123456789abcdef') },
  { name: 'list', route: 'list', call: (c) => c.listProtectionGroups({ limit: 10 }) },
  { name: 'active domains', route: 'domains', call: (c) => c.listActiveDomains() },
];

async function failureOf(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('fault matrix: every fault × every upstream operation', () => {
  let upstream: LocalUpstream;
  let client: SdrsClient;

  beforeAll(async () => {
    upstream = await startLocalUpstream();
    client = new SdrsClient({
      config: {
        ...readUpstreamConfig(),
        timeoutMs: FAULT_TIMEOUT_MS,
        maxAttempts: 1,
        maxRetryAfterMs: 0,
      },
      credentials: new CachedCredentialsProvider(fileSecretFetcher(upstream.secretFile), 60_000),
    });
  });
  afterAll(async () => upstream.close());
  beforeEach(() => upstream.sim.reset());

  for (const operation of OPERATIONS) {
    describe(operation.name, () => {
      it.each(FAULT_CASES)('$name → $code ($status)', async (faultCase) => {
        // Prepare
        upstream.sim.inject({ ...faultCase.fault, route: operation.route } as never);

        // Act
        const error = await failureOf(operation.call(client));

        // Assess
        expect(error.code).toBe(faultCase.code);
        expect(error.status).toBe(faultCase.status);
        if (faultCase.upstreamCode) expect(error.upstream?.code).toBe(faultCase.upstreamCode);
        expect(error.retryAfterSeconds).toBe(faultCase.retryAfter);
        // Every problem carries a sentence a front end can show, never markup.
        expect(error.detail).toMatch(/^[^`<>]{10,}$/);
        const message = error.upstream?.message ?? '';
        expect(message).not.toMatch(/[<>]/);
        expect(message.length).toBeLessThanOrEqual(200);
        // A delayed create still reaches SDRS (the latency fault acts); every other fault does not.
        if (operation.route === 'create' && faultCase.fault.kind !== 'latency') {
          expect(upstream.sim.acceptedCreates()).toBe(0);
        }
      });
    });
  }

  it('reports connection refused as UPSTREAM_UNAVAILABLE that provably was not sent', async () => {
    // Prepare
    const closed = await startSimulator();
    const url = closed.url;
    await closed.close();
    const refusedClient = new SdrsClient({
      config: { ...readUpstreamConfig(), endpoint: new URL(url), maxAttempts: 1 },
      credentials: new CachedCredentialsProvider(fileSecretFetcher(upstream.secretFile), 60_000),
    });

    // Act
    const error = await failureOf(refusedClient.listActiveDomains());

    // Assess
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 502, kind: 'refused' });
    expect(error.provablyNotSent).toBe(true);
  });

  it('reports a name that does not resolve as UPSTREAM_UNAVAILABLE that provably was not sent', async () => {
    // Prepare
    const dnsClient = new SdrsClient({
      config: {
        ...readUpstreamConfig(),
        endpoint: new URL('http://sdrs.no-such-host.invalid'),
        maxAttempts: 1,
      },
      credentials: new CachedCredentialsProvider(fileSecretFetcher(upstream.secretFile), 60_000),
    });

    // Act
    const error = await failureOf(dnsClient.listActiveDomains());

    // Assess
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', kind: 'dns' });
  });
});
