import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sdrsClient } from '../../lib/dependencies.js';
import { parseSource, rawSources } from '../../lib/webhooks/config.js';
import { EXAMPLE_PAYLOADS, freshen, signDelivery } from '../../scripts/send-webhook.js';
import {
  deliver,
  LOCAL_SECRETS,
  samplePayload,
  startWebhookEnv,
  type WebhookTestEnv,
} from './support.js';

const EXPECTED: Record<string, { ticket: string; name: string }> = {
  'jira-cloud': { ticket: 'DR-42', name: 'pg-web-dr-42' },
  'jira-automation': { ticket: 'DR-43', name: 'pg-db-dr-43' },
  servicenow: { ticket: 'RITM0010042', name: 'pg-erp-ritm0010042' },
  'standard-webhooks': { ticket: 'CHG-1001', name: 'pg-api-chg-1001' },
};

describe('example webhook sources (config/webhook-sources.json + examples/webhooks)', () => {
  let env: WebhookTestEnv;

  beforeAll(async () => {
    env = await startWebhookEnv();
  });
  afterAll(async () => env.close());
  beforeEach(() => env.upstream.sim.reset());

  it('has a sample payload and an expectation for every configured source', () => {
    // Assess
    expect(Object.keys(EXAMPLE_PAYLOADS).sort()).toEqual(Object.keys(rawSources({})).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(EXAMPLE_PAYLOADS).sort());
  });

  for (const [name, file] of Object.entries(EXAMPLE_PAYLOADS)) {
    it(`${name}: the sample payload, sent as scripts/send-webhook.ts sends it, creates a group`, async () => {
      // Prepare
      const source = parseSource(name, rawSources({})[name]);
      const payload = await samplePayload(file);
      freshen(source, payload);
      const secret = LOCAL_SECRETS[name as keyof typeof LOCAL_SECRETS];
      const delivery = signDelivery(source, secret, JSON.stringify(payload));

      // Act
      const response = await deliver(name, delivery);

      // Assess
      expect(response.statusCode).toBe(202);
      const { jobId } = response.json;
      expect(response.json).toEqual({
        jobId: expect.any(String),
        status: 'pending',
        statusUrl: `/jobs/${jobId}`,
        ticket: EXPECTED[name]?.ticket,
        source: name,
      });
      expect(response.headers.location).toBe(`/jobs/${jobId}`);
      expect(env.upstream.sim.acceptedCreates()).toBe(1);
      const [sent] = env.upstream.sim.requests().filter((r) => r.route === 'create');
      expect(JSON.parse(sent?.body ?? '{}').server_group.name).toBe(EXPECTED[name]?.name);
      const job = await sdrsClient().getJob(jobId);
      expect((job.value as { job_type?: string }).job_type).toBe('createProtectionGroupNoCG');
    });
  }
});
