import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetWebhookRegistry } from '../../lib/webhooks/registry.js';
import { Contract, fetchDocument } from '../openapi/contract.js';
import {
  deliver,
  LOCAL_SECRETS,
  type ParsedResponse,
  samplePayload,
  standardHeaders,
  startWebhookEnv,
  type WebhookTestEnv,
} from './support.js';

const SW = LOCAL_SECRETS['standard-webhooks'];

describe('webhook answers match the OpenAPI document', () => {
  let env: WebhookTestEnv;
  let contract: Contract;
  const check = (response: ParsedResponse) =>
    contract.check('post', '/webhooks/{source}', {
      status: response.statusCode,
      headers: response.headers,
      body: response.json,
    });

  beforeAll(async () => {
    env = await startWebhookEnv();
    contract = new Contract(await fetchDocument());
  });
  afterAll(async () => env.close());
  beforeEach(() => {
    process.env.WEBHOOK_ENABLED_SOURCES = '*';
    resetWebhookRegistry();
  });

  it('documents the 202, its replay, and the 401, 404 and 422 problems', async () => {
    // Prepare
    const payload = await samplePayload('standard-webhooks-requested.json');
    const body = JSON.stringify(payload);
    const unmappable = JSON.stringify({ ...payload, data: {} });

    // Act
    const answers = [
      await deliver('standard-webhooks', {
        body,
        headers: standardHeaders(SW, 'msg_contract_1', body),
      }),
      await deliver('standard-webhooks', {
        body,
        headers: standardHeaders(SW, 'msg_contract_1', body),
      }),
      await deliver('standard-webhooks', {
        body,
        headers: standardHeaders('whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA==', 'msg_2', body),
      }),
      await deliver('no-such-source', { body }),
      await deliver('standard-webhooks', {
        body: unmappable,
        headers: standardHeaders(SW, 'msg_contract_3', unmappable),
      }),
    ];

    // Assess
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 401, 404, 422]);
    for (const answer of answers) expect(() => check(answer)).not.toThrow();
  });
});
