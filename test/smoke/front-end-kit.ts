import { expect, it } from 'vitest';
import { runProcess } from '../support/run-process.js';
import type { SmokeStack } from './stack.js';

/** The typed client's example front-end flow against `npm start`, with a minted token. */
export function frontEndKitTests(stack: () => SmokeStack): void {
  it('runs the example front-end flow with the typed client, through a throttle toggle', async () => {
    // Prepare: the next create upstream is throttled for 3 s (longer than the service waits).
    const toggle = await fetch(`${stack().api.simulatorUrl}/_simulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation: 'create', fault: 'throttled', retryAfter: 3 }),
    });

    // Act
    const run = await runProcess(
      'npx',
      ['tsx', 'examples/front-end/run.ts', stack().api.url, 'pg-example-01'],
      { ACCESS_TOKEN: stack().token },
    );

    // Assess
    expect(toggle.status).toBe(201);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({
      name: 'pg-example-01',
      createAttempts: 2,
      retries: ['429 UPSTREAM_THROTTLED → 3s'],
      progress: ['pending', 'running', 'succeeded'],
      job: 'succeeded',
      protectionGroupId: expect.any(String),
      listed: true,
      invalidCreate: expect.stringMatching(/^Please fix: #\/name /),
    });
  }, 120_000);
}
