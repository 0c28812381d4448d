import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OutcomeTestEnv, sendExample, startOutcomeEnv } from './support.js';

describe("the watcher's job polls keep reconcile's pacing", () => {
  let env: OutcomeTestEnv;

  beforeAll(async () => {
    env = await startOutcomeEnv({ RECONCILE_RATE_PER_SECOND: '2' });
  });
  afterAll(async () => env.close());

  it('polls at most RECONCILE_RATE_PER_SECOND jobs in any second, however many are due', async () => {
    // Prepare: six jobs due at once
    for (let n = 0; n < 6; n++) {
      await sendExample('standard-webhooks', { deliveryId: `msg_pacing_${n}` });
    }
    env.clock = Date.now();

    // Act
    const report = await env.watch({ concurrency: 6 });

    // Assess
    const polls = env.webhooks.upstream.sim.requests().filter((r) => r.route === 'job');
    expect(report.claimed).toBe(6);
    expect(polls).toHaveLength(6);
    expect(
      env.webhooks.upstream.sim.maxRequestsPerSecond((r) => r.route === 'job'),
    ).toBeLessThanOrEqual(2);
  });
});
