import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../handlers/get-active-domains.js';
import { ConfigurationError, readUpstreamConfig, type UpstreamConfig } from '../../lib/config.js';
import { CachedCredentialsProvider } from '../../lib/credentials/provider.js';
import { fileSecretFetcher } from '../../lib/credentials/sources.js';
import { UpstreamError } from '../../lib/problems/errors.js';
import { SdrsClient, type UpstreamCallLog } from '../../lib/upstream/sdrs-client.js';
import { invoke } from '../lookups/support.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';

/** Loaded machines run late, never early: upper bounds get this much slack. */
const SLACK_MS = 1_000;

async function timed<T>(promise: Promise<T>): Promise<{ result: T | UpstreamError; ms: number }> {
  const started = performance.now();
  const result = await promise.catch((caught: unknown) => {
    expect(caught).toBeInstanceOf(UpstreamError);
    return caught as UpstreamError;
  });
  return { result, ms: performance.now() - started };
}

describe('call budget (SDRS_CALL_BUDGET_MS): one call fits the function timeout', () => {
  let upstream: LocalUpstream;
  let calls: UpstreamCallLog[];
  const clientFor = (
    overrides: Partial<UpstreamConfig> = {},
    beforeAttempt?: () => Promise<void>,
  ) =>
    new SdrsClient({
      config: { ...readUpstreamConfig(), maxAttempts: 3, maxRetryAfterMs: 2_000, ...overrides },
      credentials: new CachedCredentialsProvider(fileSecretFetcher(upstream.secretFile), 60_000),
      onCall: (call) => calls.push(call),
      ...(beforeAttempt && { beforeAttempt }),
    });
  const sent = () => upstream.sim.requests().length;

  beforeAll(async () => {
    // SDRS_TIMEOUT_MS well above SDRS_CALL_BUDGET_MS: only the budget can end these calls early.
    upstream = await startLocalUpstream(
      {},
      { SDRS_TIMEOUT_MS: '5000', SDRS_CALL_BUDGET_MS: '1500' },
    );
  });
  afterAll(async () => upstream.close());
  beforeEach(() => {
    upstream.sim.reset();
    calls = [];
  });

  describe('a budget smaller than the attempts would need', () => {
    it('cuts an unanswered GET to the budget and answers UPSTREAM_TIMEOUT', async () => {
      // Prepare
      upstream.sim.inject({ route: 'list', kind: 'no-answer', times: Infinity });
      const client = clientFor({ timeoutMs: 5_000, callBudgetMs: 1_500 });

      // Act
      const { result, ms } = await timed(client.listProtectionGroups({ limit: 10 }));

      // Assess
      expect(result).toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: 504, kind: 'timeout' });
      expect(ms).toBeGreaterThanOrEqual(1_400);
      expect(ms).toBeLessThanOrEqual(1_500 + SLACK_MS);
      expect(calls.map((c) => c.outcome)).toEqual(['timeout']);
      expect(sent()).toBe(1);
    });

    it('gives a resent GET only what is left of the budget', async () => {
      // Prepare: the first read is reset (resent), the resend is never answered.
      upstream.sim.inject({ route: 'domains', kind: 'reset' });
      upstream.sim.inject({ route: 'domains', kind: 'no-answer', times: Infinity });
      const client = clientFor({ timeoutMs: 5_000, callBudgetMs: 1_500 });

      // Act
      const { result, ms } = await timed(client.listActiveDomains());

      // Assess
      expect(result).toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: 504 });
      expect(ms).toBeGreaterThanOrEqual(1_400);
      expect(ms).toBeLessThanOrEqual(1_500 + SLACK_MS);
      expect(calls.map((c) => c.outcome)).toEqual(['reset', 'timeout']);
      expect(calls[1]?.durationMs).toBeLessThan(1_500);
      expect(sent()).toBe(2);
    });

    it('answers the last error unchanged when a resend would not get a useful window', async () => {
      // Prepare: each 503 takes 700 ms, so after the first only ~800 ms (< 1 s) are left.
      upstream.sim.inject({ route: 'domains', kind: 'slow-body', ms: 700, status: 503, times: 9 });
      const client = clientFor({ timeoutMs: 5_000, callBudgetMs: 1_500, maxAttempts: 6 });

      // Act
      const { result, ms } = await timed(client.listActiveDomains());

      // Assess
      expect(result).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 });
      expect(ms).toBeLessThanOrEqual(1_500 + SLACK_MS);
      expect(calls.map((c) => c.status)).toEqual([503]);
      expect(sent()).toBe(1);
    });

    it('does not wait out a Retry-After that leaves no useful window', async () => {
      // Prepare
      upstream.sim.inject({ route: 'list', kind: 'throttle', retryAfter: 1, times: 3 });
      const client = clientFor({ timeoutMs: 5_000, callBudgetMs: 1_500 });

      // Act
      const { result, ms } = await timed(client.listProtectionGroups({ limit: 10 }));

      // Assess: thrown at once, not after the 1 s wait.
      expect(result).toMatchObject({ code: 'UPSTREAM_THROTTLED', retryAfterSeconds: 1 });
      expect(ms).toBeLessThan(1_000);
      expect(sent()).toBe(1);
    });

    it('answers 504 problem+json from the handler within SDRS_CALL_BUDGET_MS', async () => {
      // Prepare: the handler's client reads SDRS_TIMEOUT_MS=5000 and SDRS_CALL_BUDGET_MS=1500.
      upstream.sim.inject({ route: 'domains', kind: 'no-answer', times: Infinity });
      const started = performance.now();

      // Act
      const answer = await invoke(handler, { path: '/active-domains' });

      // Assess
      const ms = performance.now() - started;
      expect(answer.status).toBe(504);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(answer.body).toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: 504 });
      expect(ms).toBeLessThanOrEqual(1_500 + SLACK_MS);
      expect(sent()).toBe(1);
    });
  });

  describe('a budget with room to spare', () => {
    it('resends a reset GET as before', async () => {
      // Prepare
      upstream.sim.inject({ route: 'domains', kind: 'reset', times: 2 });
      const client = clientFor({ timeoutMs: 2_000, callBudgetMs: 15_000 });

      // Act
      const result = await client.listActiveDomains();

      // Assess
      expect((result.value as { domains: unknown[] }).domains.length).toBeGreaterThan(0);
      expect(calls.map((c) => c.outcome)).toEqual(['reset', 'reset', 'ok']);
      expect(sent()).toBe(3);
    });

    it('waits out a Retry-After that fits and resends', async () => {
      // Prepare
      upstream.sim.inject({ route: 'list', kind: 'throttle', retryAfter: 1 });
      const client = clientFor({ timeoutMs: 2_000, callBudgetMs: 5_000 });

      // Act
      const { result, ms } = await timed(client.listProtectionGroups({ limit: 10 }));

      // Assess
      expect(result).toMatchObject({ value: { server_groups: [] } });
      expect(ms).toBeGreaterThanOrEqual(1_000);
      expect(calls.map((c) => c.outcome)).toEqual(['UPSTREAM_THROTTLED', 'ok']);
    });

    it('still resends at most SDRS_MAX_RETRIES times', async () => {
      // Prepare
      upstream.sim.inject({ route: 'domains', kind: 'reset', times: 10 });
      const client = clientFor({ timeoutMs: 2_000, callBudgetMs: 15_000, maxAttempts: 3 });

      // Act
      const { result } = await timed(client.listActiveDomains());

      // Assess
      expect(result).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', kind: 'reset' });
      expect(calls.map((c) => c.outcome)).toEqual(['reset', 'reset', 'reset']);
      expect(sent()).toBe(3);
    });
  });

  describe('time awaiting beforeAttempt (rate-limiter pacing)', () => {
    it('is not counted: resends still happen after pacing longer than the budget', async () => {
      // Prepare: 3 × 800 ms of pacing against a 1.5 s budget.
      upstream.sim.inject({ route: 'domains', kind: 'reset', times: 2 });
      const client = clientFor({ timeoutMs: 500, callBudgetMs: 1_500 }, () => sleep(800));

      // Act
      const { result, ms } = await timed(client.listActiveDomains());

      // Assess
      expect(result).toMatchObject({ value: { domains: expect.any(Array) } });
      expect(calls.map((c) => c.outcome)).toEqual(['reset', 'reset', 'ok']);
      expect(ms).toBeGreaterThan(1_500);
    });

    it('is not counted: the attempt after a long pacing still gets the whole budget', async () => {
      // Prepare
      upstream.sim.inject({ route: 'list', kind: 'no-answer', times: Infinity });
      const client = clientFor({ timeoutMs: 5_000, callBudgetMs: 1_500 }, () => sleep(2_000));

      // Act
      const { result, ms } = await timed(client.listProtectionGroups({ limit: 10 }));

      // Assess
      expect(result).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
      expect(calls[0]?.durationMs).toBeGreaterThanOrEqual(1_400);
      expect(ms).toBeLessThanOrEqual(2_000 + 1_500 + SLACK_MS);
      expect(sent()).toBe(1);
    });
  });
});

describe('SDRS_CALL_BUDGET_MS configuration', () => {
  const env = (value?: string) => ({
    SDRS_ENDPOINT: 'https://sdrs.example.com',
    SDRS_PROJECT_ID: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    ...(value !== undefined && { SDRS_CALL_BUDGET_MS: value }),
  });

  it.each([
    [undefined, 15_000],
    ['1000', 1_000],
    ['300000', 300_000],
  ])('reads %s as %i ms', (value, expected) => {
    // Act
    const config = readUpstreamConfig(env(value));

    // Assess
    expect(config.callBudgetMs).toBe(expected);
  });

  it.each(['999', '300001', '0', '-1', '1.5', 'fifteen'])('refuses %s, naming it', (value) => {
    // Act
    const read = () => readUpstreamConfig(env(value));

    // Assess
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/SDRS_CALL_BUDGET_MS/);
  });
});
