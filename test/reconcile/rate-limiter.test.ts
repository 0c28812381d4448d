import { describe, expect, it } from 'vitest';
import { type Clock, RunDeadlineError } from '../../lib/reconcile/clock.js';
import { RateLimiter } from '../../lib/reconcile/rate-limiter.js';
import { maxInAnySecond } from './fixtures.js';

/** A clock that only moves when someone sleeps; `early` makes every timer fire that much early. */
class FakeClock implements Clock {
  time = 0;
  sleeps = 0;
  constructor(private readonly early = 0) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps += 1;
    this.time += Math.max(1, ms - this.early);
  }
}

async function grantTimes(
  limiter: RateLimiter,
  clock: FakeClock,
  count: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await limiter.take();
    times.push(clock.now());
  }
  return times;
}

describe('RateLimiter', () => {
  it('never grants more than the rate within any one-second window', async () => {
    // Prepare
    const clock = new FakeClock();
    const limiter = new RateLimiter(10, { clock });

    // Act
    const times = await grantTimes(limiter, clock, 95);

    // Assess
    expect(maxInAnySecond(times)).toBe(10);
    expect(limiter.granted).toBe(95);
    // Steady, not bursty: about 9.5 grants per second over the whole run.
    expect((times.at(-1) ?? 0) / 1000).toBeGreaterThan(94 / 10);
  });

  it('still holds the rate when timers fire early', async () => {
    // Prepare
    const clock = new FakeClock(30);
    const limiter = new RateLimiter(20, { clock });

    // Act
    const times = await grantTimes(limiter, clock, 100);

    // Assess
    expect(maxInAnySecond(times)).toBeLessThanOrEqual(20);
  });

  it('does not let late timers add up over a run, and still holds the rate', async () => {
    // Prepare: every timer fires 2 ms late, as real ones do under load
    const clock = new FakeClock(-2);
    const limiter = new RateLimiter(10, { clock });

    // Act
    const times = await grantTimes(limiter, clock, 101);

    // Assess
    expect(times.at(-1)).toBeLessThanOrEqual(100 * limiter.intervalMs + 2);
    expect(maxInAnySecond(times)).toBeLessThanOrEqual(10);
  });

  it('serves concurrent callers one at a time, in call order', async () => {
    // Prepare
    const clock = new FakeClock();
    const limiter = new RateLimiter(5, { clock });
    const order: number[] = [];

    // Act
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => limiter.take().then(() => order.push(i))),
    );

    // Assess
    expect(order).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(clock.now()).toBeGreaterThanOrEqual(11 * limiter.intervalMs);
  });

  it('grants nothing while paused, and a pause only ever grows', async () => {
    // Prepare
    const clock = new FakeClock();
    const limiter = new RateLimiter(100, { clock });
    await limiter.take();
    limiter.pause(2000);
    limiter.pause(500);

    // Act
    await limiter.take();

    // Assess
    expect(clock.now()).toBeGreaterThanOrEqual(2000);
  });

  it('refuses a slot after the deadline at once, without waiting for it', async () => {
    // Prepare
    const clock = new FakeClock();
    const limiter = new RateLimiter(1, { clock, closesAt: 1500 });
    await limiter.take();
    limiter.pause(5000);

    // Act
    const late = limiter.take();

    // Assess
    await expect(late).rejects.toBeInstanceOf(RunDeadlineError);
    expect(clock.now()).toBe(0);
    expect(limiter.granted).toBe(1);
  });

  it('reports the number of grants within the last second as the current rate', async () => {
    // Prepare
    const clock = new FakeClock();
    const limiter = new RateLimiter(10, { clock });
    await grantTimes(limiter, clock, 25);

    // Act
    const busy = limiter.currentRate();
    clock.time += 5000;
    const idle = limiter.currentRate();

    // Assess
    expect(busy).toBeGreaterThanOrEqual(9);
    expect(busy).toBeLessThanOrEqual(10);
    expect(idle).toBe(0);
  });
});
