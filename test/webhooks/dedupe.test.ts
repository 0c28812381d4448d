import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  deliver,
  hubSignature,
  LOCAL_SECRETS,
  samplePayload,
  standardHeaders,
  startWebhookEnv,
  type WebhookTestEnv,
} from './support.js';

const SW = LOCAL_SECRETS['standard-webhooks'];

describe('redeliveries: the same delivery id gets the same answer and never a second create', () => {
  let env: WebhookTestEnv;
  let sample: Record<string, unknown>;

  beforeAll(async () => {
    env = await startWebhookEnv();
    sample = await samplePayload('standard-webhooks-requested.json');
  });
  afterAll(async () => env.close());
  beforeEach(() => env.upstream.sim.reset());

  it('answers ten concurrent redeliveries with one create and the same jobId', async () => {
    // Prepare: each retry is re-signed with its own timestamp, as a sender does
    const body = JSON.stringify(sample);
    const id = 'msg_concurrent_10';

    // Act
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        deliver('standard-webhooks', { body, headers: standardHeaders(SW, id, body) }),
      ),
    );

    // Assess
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(202));
    const jobIds = new Set(responses.map((r) => r.json.jobId));
    expect(jobIds.size).toBe(1);
    expect(env.upstream.sim.acceptedCreates()).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
  });

  it('answers a later redelivery with the stored 202 and creates nothing', async () => {
    // Prepare
    const body = JSON.stringify(sample);
    const first = await deliver('standard-webhooks', {
      body,
      headers: standardHeaders(SW, 'msg_later', body),
    });

    // Act
    const again = await deliver('standard-webhooks', {
      body,
      headers: standardHeaders(SW, 'msg_later', body),
    });

    // Assess
    expect(again.statusCode).toBe(202);
    expect(again.json).toEqual(first.json);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['original-request-id']).toBe(first.headers['x-request-id']);
    expect(env.upstream.sim.acceptedCreates()).toBe(1);
  });

  it('creates again for a new delivery id', async () => {
    // Prepare
    const body = JSON.stringify(sample);
    const first = await deliver('standard-webhooks', {
      body,
      headers: standardHeaders(SW, 'msg_a', body),
    });

    // Act
    const second = await deliver('standard-webhooks', {
      body,
      headers: standardHeaders(SW, 'msg_b', body),
    });

    // Assess
    expect(second.json.jobId).not.toBe(first.json.jobId);
    expect(env.upstream.sim.acceptedCreates()).toBe(2);
  });

  it('refuses the same delivery id with a different request (422 IDEMPOTENCY_KEY_REUSED)', async () => {
    // Prepare
    const body = JSON.stringify(sample);
    await deliver('standard-webhooks', { body, headers: standardHeaders(SW, 'msg_reused', body) });
    const data = { ...(sample.data as object), name: 'pg-other-0001' };
    const other = JSON.stringify({ ...sample, data });

    // Act
    const response = await deliver('standard-webhooks', {
      body: other,
      headers: standardHeaders(SW, 'msg_reused', other),
    });

    // Assess
    expect(response.statusCode).toBe(422);
    expect(response.json.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(env.upstream.sim.acceptedCreates()).toBe(1);
  });

  it('keeps delivery ids of different sources apart', async () => {
    // Prepare: the same id string from two senders names two deliveries
    const body = JSON.stringify(sample);
    await deliver('standard-webhooks', { body, headers: standardHeaders(SW, 'shared-id', body) });
    const automation = JSON.stringify(await samplePayload('jira-automation-web-request.json'));

    // Act
    const response = await deliver('jira-automation', {
      body: automation,
      headers: { 'x-sdrs-webhook-token': LOCAL_SECRETS['jira-automation'] },
    });

    // Assess
    expect(response.statusCode).toBe(202);
    expect(env.upstream.sim.acceptedCreates()).toBe(2);
  });

  it('dedupes Jira Cloud on the signed body: a replay under a new X-Atlassian-Webhook-Identifier creates nothing', async () => {
    // Prepare
    const jira = await samplePayload('jira-cloud-issue-approved.json');
    const body = JSON.stringify({ ...jira, timestamp: Date.now() });
    const signature = hubSignature(LOCAL_SECRETS['jira-cloud'], body);
    const first = await deliver('jira-cloud', {
      body,
      headers: { 'x-hub-signature': signature, 'x-atlassian-webhook-identifier': '1001' },
    });

    // Act
    const replay = await deliver('jira-cloud', {
      body,
      headers: { 'x-hub-signature': signature, 'x-atlassian-webhook-identifier': '9999' },
    });

    // Assess
    expect(replay.statusCode).toBe(202);
    expect(replay.json.jobId).toBe(first.json.jobId);
    expect(env.upstream.sim.acceptedCreates()).toBe(1);
  });
});
