import { expect, it } from 'vitest';
import { freePort } from '../support/local-api.js';
import { runProcess } from '../support/run-process.js';
import { startPrismProxy } from './prism.js';
import { sendContractTraffic } from './prism-traffic.js';
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

  it('answers HEAD /openapi.json 405 with Allow: GET, as the document’s unmatched requests say', async () => {
    // Act
    const head = await fetch(`${stack().api.url}/openapi.json`, { method: 'HEAD' });

    // Assess: no HEAD route is deployed, so the catch-all answers, as API Gateway would.
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('GET');
    expect(head.headers.get('x-request-id')).toEqual(expect.any(String));
  });

  it('passes Prism’s validating proxy: no answer of the flow, a toggle or an outage breaks the document', async () => {
    // Prepare
    const prism = await startPrismProxy(stack().api.url, await freePort());

    try {
      // Act
      const flow = await runProcess(
        'npx',
        ['tsx', 'examples/front-end/run.ts', prism.url, 'pg-prism-flow'],
        { ACCESS_TOKEN: stack().token },
      );
      const exchanges = await sendContractTraffic(
        prism.url,
        stack().api.simulatorUrl,
        stack().token,
      );

      // Assess
      expect(JSON.parse(flow.stdout)).toMatchObject({ job: 'succeeded', listed: true });
      expect(exchanges).toHaveLength(43);
      expect(exchanges.flatMap((e) => e.response.map((v) => `${e.what}: ${v.message}`))).toEqual(
        [],
      );
      expect(new Set(exchanges.map((e) => e.status))).toEqual(
        new Set([200, 202, 400, 409, 415, 404, 422, 429, 502, 503, 504]),
      );
      const refused = exchanges.filter((e) => e.request.length > 0).map((e) => e.what);
      expect(refused).toEqual(['invalid body', 'text body', 'invalid key', 'invalid query']);
    } finally {
      await prism.stop();
    }
  }, 180_000);
}
