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
const OTHER_SW_SECRET = 'whsec_b3RoZXItc2VjcmV0LW9mLWF0LWxlYXN0LTI0LWJ5dGVz';
const JIRA = LOCAL_SECRETS['jira-cloud'];

describe('forged, stale and replayed deliveries are refused before any upstream call', () => {
  let env: WebhookTestEnv;
  let swBody: string;
  let jiraBody: string;

  beforeAll(async () => {
    env = await startWebhookEnv();
    swBody = JSON.stringify(await samplePayload('standard-webhooks-requested.json'));
    const jira = await samplePayload('jira-cloud-issue-approved.json');
    jiraBody = JSON.stringify({ ...jira, timestamp: Date.now() });
  });
  afterAll(async () => env.close());
  beforeEach(() => env.upstream.sim.reset());

  async function expectRefused(source: string, body: string, headers: Record<string, string>) {
    const response = await deliver(source, { body, headers });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.json.code).toBe('UNAUTHENTICATED');
    expect(env.upstreamCalls()).toBe(0);
    expect(JSON.stringify(response)).not.toContain(JIRA);
    return response;
  }

  describe('Standard Webhooks (signed with the standardwebhooks library)', () => {
    it('accepts a genuine delivery (the control case)', async () => {
      // Act
      const response = await deliver('standard-webhooks', {
        body: swBody,
        headers: standardHeaders(SW, 'msg_control', swBody),
      });

      // Assess
      expect(response.statusCode).toBe(202);
    });

    it('refuses a tampered body', async () => {
      // Prepare
      const headers = standardHeaders(SW, 'msg_tampered', swBody);
      const tampered = swBody.replace('pg-api-chg-1001', 'pg-evil-0001');

      // Act + Assess
      await expectRefused('standard-webhooks', tampered, headers);
    });

    it('refuses a signature made with another secret', async () => {
      await expectRefused(
        'standard-webhooks',
        swBody,
        standardHeaders(OTHER_SW_SECRET, 'msg_x', swBody),
      );
    });

    it('refuses a changed webhook-id (the id is signed)', async () => {
      // Prepare
      const headers = { ...standardHeaders(SW, 'msg_original', swBody), 'webhook-id': 'msg_new' };

      // Act + Assess
      await expectRefused('standard-webhooks', swBody, headers);
    });

    for (const missing of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      it(`refuses a delivery without ${missing}`, async () => {
        // Prepare
        const headers: Record<string, string> = standardHeaders(SW, 'msg_missing', swBody);
        delete headers[missing];

        // Act
        const response = await expectRefused('standard-webhooks', swBody, headers);

        // Assess
        expect(response.json.detail).toMatch(/lacks the signature/);
      });
    }

    it('refuses a stale timestamp: a captured delivery replayed 6 minutes later', async () => {
      // Prepare
      const captured = new Date(Date.now() - 6 * 60 * 1000);
      const headers = standardHeaders(SW, 'msg_replayed', swBody, captured);

      // Act
      const response = await expectRefused('standard-webhooks', swBody, headers);

      // Assess
      expect(response.json.detail).toMatch(/tolerance/);
    });

    it('refuses a timestamp from the future beyond the tolerance', async () => {
      const later = new Date(Date.now() + 6 * 60 * 1000);
      await expectRefused(
        'standard-webhooks',
        swBody,
        standardHeaders(SW, 'msg_future', swBody, later),
      );
    });

    it('refuses a replay whose timestamp was bumped but not re-signed', async () => {
      // Prepare
      const captured = new Date(Date.now() - 6 * 60 * 1000);
      const headers = {
        ...standardHeaders(SW, 'msg_bumped', swBody, captured),
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      };

      // Act + Assess
      await expectRefused('standard-webhooks', swBody, headers);
    });
  });

  describe('hub signature (Jira Cloud X-Hub-Signature)', () => {
    it('accepts a genuine delivery (the control case)', async () => {
      // Act
      const response = await deliver('jira-cloud', {
        body: jiraBody,
        headers: { 'X-Hub-Signature': hubSignature(JIRA, jiraBody) },
      });

      // Assess
      expect(response.statusCode).toBe(202);
    });

    it('refuses a tampered body', async () => {
      const signature = hubSignature(JIRA, jiraBody);
      const tampered = jiraBody.replace('pg-web-dr-42', 'pg-evil-0042');
      await expectRefused('jira-cloud', tampered, { 'x-hub-signature': signature });
    });

    it('refuses a signature made with another secret', async () => {
      await expectRefused('jira-cloud', jiraBody, {
        'x-hub-signature': hubSignature('guess', jiraBody),
      });
    });

    it('refuses a missing signature header', async () => {
      await expectRefused('jira-cloud', jiraBody, {});
    });

    it('refuses a malformed signature (wrong algorithm, truncated)', async () => {
      const hex = hubSignature(JIRA, jiraBody).slice('sha256='.length);
      await expectRefused('jira-cloud', jiraBody, { 'x-hub-signature': `sha1=${hex}` });
      await expectRefused('jira-cloud', jiraBody, { 'x-hub-signature': `sha256=${hex.slice(2)}` });
    });

    it('refuses a genuinely signed delivery older than the signed-timestamp tolerance (replay)', async () => {
      // Prepare: a delivery captured two hours ago, signature intact
      const jira = await samplePayload('jira-cloud-issue-approved.json');
      const old = JSON.stringify({ ...jira, timestamp: Date.now() - 2 * 3600 * 1000 });

      // Act
      const response = await expectRefused('jira-cloud', old, {
        'x-hub-signature': hubSignature(JIRA, old),
      });

      // Assess
      expect(response.json.detail).toMatch(/tolerance/);
    });
  });

  describe('shared token (Jira Automation, ServiceNow)', () => {
    it('refuses a wrong, missing or unprefixed token', async () => {
      // Prepare
      const automation = JSON.stringify(await samplePayload('jira-automation-web-request.json'));
      const servicenow = JSON.stringify(await samplePayload('servicenow-ritm-approved.json'));
      const token = LOCAL_SECRETS.servicenow;

      // Act + Assess
      await expectRefused('jira-automation', automation, { 'x-sdrs-webhook-token': 'wrong' });
      await expectRefused('jira-automation', automation, {});
      await expectRefused('jira-automation', automation, {
        'x-sdrs-webhook-token': `${LOCAL_SECRETS['jira-automation']}x`,
      });
      await expectRefused('servicenow', servicenow, { authorization: token });
      await expectRefused('servicenow', servicenow, { authorization: `Bearer ${token.slice(1)}` });
    });
  });

  it('checks the signature before parsing: a forged non-JSON body is 401, not 400', async () => {
    await expectRefused('jira-cloud', 'not json', {
      'x-hub-signature': hubSignature('guess', 'x'),
    });
  });
});
