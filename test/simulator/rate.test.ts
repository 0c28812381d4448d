import { afterEach, describe, expect, it } from 'vitest';
import { type SdrsSimulator, startSimulator } from '../../simulator/index.js';
import { GatewayThrottle, maxPerSecond } from '../../simulator/rate.js';
import { send } from './client.js';

let sim: SdrsSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Wait until the wall clock is early in a second, so a burst lands in one window. */
async function startOfSecond(): Promise<void> {
  const ms = Date.now() % 1000;
  if (ms > 100) await new Promise((r) => setTimeout(r, 1005 - ms));
}

describe('gateway rate limit emulation', () => {
  it('answers 429 APIGW.0308 with Retry-After: 1 beyond N requests in a second', async () => {
    // Prepare
    const s = await startSimulator({ rateLimitPerSecond: 5 });
    sim = s;
    await startOfSecond();

    // Act
    const results = await Promise.all(
      Array.from({ length: 12 }, () => send(s, { path: '/active-domains' })),
    );

    // Assess
    const windows = new Map<number, number>();
    for (const r of s.requests()) {
      const w = Math.floor(r.receivedAt / 1000);
      windows.set(w, (windows.get(w) ?? 0) + 1);
    }
    const expectedOk = [...windows.values()].reduce((sum, n) => sum + Math.min(5, n), 0);
    const ok = results.filter((r) => r.status === 200);
    const throttled = results.filter((r) => r.status === 429);
    expect(ok).toHaveLength(expectedOk);
    expect(throttled).toHaveLength(12 - expectedOk);
    expect(throttled[0]?.headers['retry-after']).toBe('1');
    expect(throttled[0]?.json).toMatchObject({ error_code: 'APIGW.0308' });
    expect(s.requests().filter((r) => r.fault === 'rate-limit')).toHaveLength(12 - expectedOk);
    expect(s.maxRequestsPerSecond()).toBe(12);
    expect(s.maxRequestsPerSecond((r) => r.status === 200)).toBe(expectedOk);
  });

  it('admits again in the next second', async () => {
    // Prepare
    const s = await startSimulator({ rateLimitPerSecond: 1 });
    sim = s;
    await startOfSecond();
    await send(s, { path: '/active-domains' });
    const second = await send(s, { path: '/active-domains' });

    // Act
    await new Promise((r) => setTimeout(r, 1000));
    const later = await send(s, { path: '/active-domains' });

    // Assess
    const [a, b] = s.requests().map((r) => Math.floor(r.receivedAt / 1000));
    expect(second.status).toBe(a === b ? 429 : 200);
    expect(later.status).toBe(200);
  });
});

describe('rate helpers', () => {
  it('GatewayThrottle counts fixed wall-clock windows', () => {
    // Prepare
    const limiter = new GatewayThrottle(2);

    // Act
    const verdicts = [1000, 1100, 1999, 2000, 2001, 2002].map((t) => limiter.admit(t));

    // Assess
    expect(verdicts).toEqual([true, true, false, true, true, false]);
  });

  it('maxPerSecond finds the densest 1000 ms span', () => {
    // Act
    const max = maxPerSecond(
      [0, 500, 999, 1000, 1400, 1600, 1700].map((receivedAt) => ({ receivedAt })),
    );

    // Assess
    expect(max).toBe(5);
  });
});
