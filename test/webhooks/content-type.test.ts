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
const JIRA = LOCAL_SECRETS['jira-cloud'];

/** Deliveries are JSON objects: the webhook route reads bodies as the create route does. */
describe('webhook content type and body decoding', () => {
  let env: WebhookTestEnv;
  let sample: Record<string, unknown>;
  let ids = 0;

  beforeAll(async () => {
    env = await startWebhookEnv();
    sample = await samplePayload('standard-webhooks-requested.json');
  });
  afterAll(async () => env.close());
  beforeEach(() => env.upstream.sim.reset());

  /** A genuine Standard Webhooks delivery of `body`, sent with `contentType`. */
  const signed = (body: string, contentType: string, base64 = false) => {
    const id = `msg_ct_${++ids}`;
    return deliver('standard-webhooks', {
      body,
      base64,
      headers: { ...standardHeaders(SW, id, body), 'content-type': contentType },
    });
  };

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['XML', 'application/xml'],
    ['a +json type', 'application/cloudevents+json'],
    ['a Latin-1 charset', 'application/json; charset=latin1'],
    ['an empty type', ''],
  ])('answers a genuinely signed delivery sent as %s with 415', async (_case, contentType) => {
    // Act
    const response = await signed(JSON.stringify(sample), contentType);

    // Assess
    expect(response.statusCode).toBe(415);
    expect(response.json.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(env.upstreamCalls()).toBe(0);
  });

  it('accepts the same delivery as APPLICATION/JSON; charset=UTF-8', async () => {
    // Act
    const response = await signed(JSON.stringify(sample), 'APPLICATION/JSON; charset=UTF-8');

    // Assess
    expect(response.statusCode, JSON.stringify(response.json)).toBe(202);
  });

  it('refuses a correctly signed 1 MiB non-JSON delivery for its type, not its size', async () => {
    // Prepare: the base64 form API Gateway passes for binary bodies is a third longer.
    const body = 'x'.repeat(1024 * 1024);
    const headers = { 'x-hub-signature': hubSignature(JIRA, body), 'content-type': 'text/plain' };

    // Act
    const response = await deliver('jira-cloud', { body, base64: true, headers });

    // Assess
    expect(response.statusCode).toBe(415);
  });

  it('accepts a base64-encoded delivery of exactly 1 MiB (counted decoded)', async () => {
    // Prepare
    const json = JSON.stringify(sample);
    const body = `{${' '.repeat(1024 * 1024 - json.length)}${json.slice(1)}`;

    // Act
    const response = await signed(body, 'application/json', true);

    // Assess
    expect(Buffer.byteLength(body)).toBe(1024 * 1024);
    expect(response.statusCode, JSON.stringify(response.json)).toBe(202);
  });

  it('answers a genuinely signed JSON string holding the payload with 400, decoding once', async () => {
    // Act
    const response = await signed(JSON.stringify(JSON.stringify(sample)), 'application/json');

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.json.errors).toEqual([{ pointer: '#', detail: 'must be a JSON object' }]);
    expect(env.upstreamCalls()).toBe(0);
  });
});
