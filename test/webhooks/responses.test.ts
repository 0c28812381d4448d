import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetWebhookRegistry } from '../../lib/webhooks/registry.js';
import {
  SOLD_OUT_AZ_SOURCE,
  SOLD_OUT_AZ_TARGET,
  SOLD_OUT_DOMAIN_ID,
} from '../../simulator/index.js';
import {
  deliver,
  LOCAL_SECRETS,
  samplePayload,
  standardHeaders,
  startWebhookEnv,
  type WebhookTestEnv,
} from './support.js';

const SW = LOCAL_SECRETS['standard-webhooks'];
const SN_AUTH = { authorization: `Bearer ${LOCAL_SECRETS.servicenow}` };

describe('answers chosen for the senders’ retry rules', () => {
  let env: WebhookTestEnv;
  let sample: Record<string, unknown>;
  let data: Record<string, unknown>;
  let ids = 0;

  /** A genuine Standard Webhooks delivery of `payload` with a fresh (or the given) id. */
  function sw(payload: unknown, id = `msg_${++ids}`) {
    const body = JSON.stringify(payload);
    return deliver('standard-webhooks', { body, headers: standardHeaders(SW, id, body) });
  }

  beforeAll(async () => {
    env = await startWebhookEnv();
    sample = await samplePayload('standard-webhooks-requested.json');
    data = sample.data as Record<string, unknown>;
  });
  afterAll(async () => env.close());
  beforeEach(() => {
    env.upstream.sim.reset();
    process.env.WEBHOOK_ENABLED_SOURCES = '*';
    process.env.WEBHOOK_IN_PROGRESS_WAIT_MS = '';
    resetWebhookRegistry();
  });

  it('answers 404 problem+json for an unknown source, and for a configured one not enabled', async () => {
    // Act
    const unknown = await deliver('gitlab', { body: '{}' });
    process.env.WEBHOOK_ENABLED_SOURCES = 'standard-webhooks';
    resetWebhookRegistry();
    const disabled = await deliver('servicenow', { body: '{}', headers: SN_AUTH });

    // Assess
    for (const response of [unknown, disabled]) {
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.json.code).toBe('WEBHOOK_SOURCE_UNKNOWN');
    }
    expect(env.upstreamCalls()).toBe(0);
  });

  it('answers 422 with a pointer per field, naming the expression, for a payload that does not map', async () => {
    // Prepare
    const { domainId: _, ...withoutDomain } = data;
    const payload = { ...sample, data: { ...withoutDomain, name: 'bad name!', drType: 'x' } };

    // Act
    const response = await sw(payload);

    // Assess
    expect(response.statusCode).toBe(422);
    expect(response.json.code).toBe('WEBHOOK_PAYLOAD_UNMAPPABLE');
    expect(response.json.errors).toEqual(
      expect.arrayContaining([
        { pointer: '#/domainId', detail: 'is required (mapped from `data.domainId`)' },
        { pointer: '#/name', detail: expect.stringContaining('(mapped from `data.name`)') },
      ]),
    );
    expect(env.upstreamCalls()).toBe(0);
  });

  it('answers 422 when the delivery id cannot be derived from the payload', async () => {
    // Prepare
    const payload = await samplePayload('servicenow-ritm-approved.json');
    delete payload.sys_updated_on;

    // Act
    const response = await deliver('servicenow', {
      body: JSON.stringify(payload),
      headers: SN_AUTH,
    });

    // Assess
    expect(response.statusCode).toBe(422);
    expect(response.json.detail).toMatch(/delivery id/);
    expect(env.upstreamCalls()).toBe(0);
  });

  it('answers 400 for an authenticated body that is not JSON', async () => {
    // Act
    const body = 'not json';
    const response = await deliver('standard-webhooks', {
      body,
      headers: standardHeaders(SW, 'msg_nj', body),
    });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.json.code).toBe('MALFORMED_JSON');
  });

  it('acknowledges with 200 and ignores a delivery the source’s `when` filters out', async () => {
    // Act
    const response = await sw({ ...sample, type: 'protection_group.deleted' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.json).toEqual({
      ignored: true,
      ticket: 'CHG-1001',
      source: 'standard-webhooks',
    });
    expect(env.upstreamCalls()).toBe(0);
  });

  it('verifies a base64-encoded body on its decoded bytes', async () => {
    // Prepare
    const body = JSON.stringify(sample);

    // Act
    const response = await deliver('standard-webhooks', {
      body,
      base64: true,
      headers: standardHeaders(SW, 'msg_b64', body),
    });

    // Assess
    expect(response.statusCode).toBe(202);
  });

  it('answers 429 with Retry-After when SDRS throttles; the retried delivery then creates once', async () => {
    // Prepare
    env.upstream.sim.inject({ route: 'create', kind: 'throttle', retryAfter: 30 });

    // Act
    const throttled = await sw(sample, 'msg_throttled');
    const retried = await sw(sample, 'msg_throttled');

    // Assess
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json.code).toBe('UPSTREAM_THROTTLED');
    expect(throttled.headers['retry-after']).toBe('30');
    expect(retried.statusCode).toBe(202);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(env.upstream.sim.acceptedCreates()).toBe(1);
  });

  it('answers 503 with Retry-After when SDRS is unavailable; the retried delivery then creates once', async () => {
    // Prepare
    env.upstream.sim.inject({
      route: 'create',
      kind: 'answer',
      status: 503,
      body: { error: { code: 'SDRS.9999', message: 'Service unavailable' } },
      headers: { 'retry-after': '20' },
    });

    // Act
    const unavailable = await sw(sample, 'msg_unavailable');
    const retried = await sw(sample, 'msg_unavailable');

    // Assess
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.json).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 });
    expect(unavailable.headers['retry-after']).toBe('20');
    expect(retried.statusCode).toBe(202);
    expect(env.upstream.sim.acceptedCreates()).toBe(1);
  });

  it('stores a rejection: a redelivery gets the same 422 without calling SDRS again', async () => {
    // Prepare
    const payload = {
      ...sample,
      data: {
        ...data,
        domainId: SOLD_OUT_DOMAIN_ID,
        sourceAvailabilityZone: SOLD_OUT_AZ_SOURCE,
        targetAvailabilityZone: SOLD_OUT_AZ_TARGET,
      },
    };

    // Act
    const first = await sw(payload, 'msg_rejected');
    const callsAfterFirst = env.upstreamCalls();
    const again = await sw(payload, 'msg_rejected');

    // Assess
    expect(first.statusCode).toBe(422);
    expect(first.json.upstream.code).toBe('SDRS.0233');
    expect(again.statusCode).toBe(422);
    expect(again.json.upstream).toEqual(first.json.upstream);
    expect(env.upstreamCalls()).toBe(callsAfterFirst);
  });

  describe('a duplicate while the first delivery is still running, past the wait budget', () => {
    async function duplicateWhileRunning(source: string, send: () => ReturnType<typeof deliver>) {
      process.env.WEBHOOK_IN_PROGRESS_WAIT_MS = '0';
      resetWebhookRegistry();
      env.upstream.sim.inject({ route: 'create', kind: 'latency', ms: 1500 });
      const first = send();
      while (!env.upstream.sim.requests().some((r) => r.route === 'create')) await sleep(10);
      const duplicate = await send();
      const original = await first;
      expect(original.statusCode, source).toBe(202);
      expect(env.upstream.sim.acceptedCreates()).toBe(1);
      return duplicate;
    }

    it('is 409 + Retry-After for Standard Webhooks and Jira (they retry 409)', async () => {
      // Prepare
      const body = JSON.stringify(sample);

      // Act
      const duplicate = await duplicateWhileRunning('standard-webhooks', () =>
        deliver('standard-webhooks', { body, headers: standardHeaders(SW, 'msg_inflight', body) }),
      );

      // Assess
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(Number(duplicate.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('is 503 + Retry-After for ServiceNow (its retry policies cover 5xx, not 409)', async () => {
      // Prepare
      const body = JSON.stringify(await samplePayload('servicenow-ritm-approved.json'));

      // Act
      const duplicate = await duplicateWhileRunning('servicenow', () =>
        deliver('servicenow', { body, headers: SN_AUTH }),
      );

      // Assess
      expect(duplicate.statusCode).toBe(503);
      expect(duplicate.json).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS', status: 503 });
      expect(Number(duplicate.headers['retry-after'])).toBeGreaterThan(0);
    });
  });
});
