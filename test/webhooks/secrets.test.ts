import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CachedValue } from '../../lib/secrets/cached-value.js';
import { resetWebhookRegistry } from '../../lib/webhooks/registry.js';
import { parseWebhookSecrets, WebhookSecretError } from '../../lib/webhooks/secrets.js';
import {
  type FakeSecretsManager,
  startFakeSecretsManager,
} from '../support/fake-secrets-manager.js';
import {
  deliver,
  samplePayload,
  standardHeaders,
  startWebhookEnv,
  tempSecretsFile,
  type WebhookTestEnv,
} from './support.js';

const OLD = 'whsec_b2xkLXNlY3JldC1vZi1hdC1sZWFzdC0yNC1ieXRlcw==';
const NEW = 'whsec_bmV3LXNlY3JldC1vZi1hdC1sZWFzdC0yNC1ieXRlcw==';
const SECRET_ID = 'sdrs-bff/webhooks/standard-webhooks';

describe('CachedValue', () => {
  it('fetches once for concurrent readers and again only after the bounded age', async () => {
    // Prepare
    let now = 0;
    let fetches = 0;
    const cache = new CachedValue(
      async () => ++fetches,
      1000,
      () => now,
    );

    // Act
    const first = await Promise.all([cache.get(), cache.get(), cache.get()]);
    now = 999;
    const cached = await cache.get();
    now = 1000;
    const refetched = await cache.get();

    // Assess
    expect(first).toEqual([1, 1, 1]);
    expect(cached).toBe(1);
    expect(refetched).toBe(2);
  });

  it('refreshes on demand only when the value is at least the given age', async () => {
    // Prepare
    let now = 0;
    let fetches = 0;
    const cache = new CachedValue(
      async () => ++fetches,
      60_000,
      () => now,
    );
    await cache.get();

    // Act
    now = 29_999;
    const tooSoon = await cache.refreshIfOlderThan(30_000);
    now = 30_000;
    const fresh = await cache.refreshIfOlderThan(30_000);

    // Assess
    expect(tooSoon).toBeUndefined();
    expect(fresh).toBe(2);
  });
});

describe('parseWebhookSecrets', () => {
  it('reads {"secrets": [...]} and refuses anything else without quoting it', () => {
    expect(parseWebhookSecrets({ secrets: [' a ', 'b'] }, 'x')).toEqual(['a', 'b']);
    for (const bad of [{}, { secrets: [] }, { secrets: [''] }, 'plain-secret', null]) {
      expect(() => parseWebhookSecrets(bad, 'secret x')).toThrow(WebhookSecretError);
    }
    expect(() => parseWebhookSecrets({ secret: 'hunter2' }, 'secret x')).not.toThrow(/hunter2/);
  });
});

describe('webhook secrets from Secrets Manager (the signed GetSecretValue client against a local endpoint)', () => {
  let env: WebhookTestEnv;
  let secretsManager: FakeSecretsManager;
  let body: string;

  beforeAll(async () => {
    secretsManager = await startFakeSecretsManager();
    env = await startWebhookEnv({
      WEBHOOK_SECRETS_FILE: '',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.url,
    });
    body = JSON.stringify(await samplePayload('standard-webhooks-requested.json'));
  });
  afterAll(async () => {
    await env.close();
    await secretsManager.close();
  });
  beforeEach(() => {
    env.upstream.sim.reset();
    resetWebhookRegistry();
  });

  it('accepts deliveries signed with the old and the new secret during a rotation, reading the secret once', async () => {
    // Prepare
    secretsManager.setSecret(SECRET_ID, JSON.stringify({ secrets: [NEW, OLD] }));
    const before = secretsManager.reads(SECRET_ID);

    // Act
    const byOld = await deliver('standard-webhooks', {
      body,
      headers: standardHeaders(OLD, 'msg_old', body),
    });
    const byNew = await deliver('standard-webhooks', {
      body,
      headers: standardHeaders(NEW, 'msg_new', body),
    });

    // Assess
    expect([byOld.statusCode, byNew.statusCode]).toEqual([202, 202]);
    expect(secretsManager.reads(SECRET_ID) - before).toBe(1);
  });

  it('does not let a flood of forged deliveries re-read the secret', async () => {
    // Prepare
    secretsManager.setSecret(SECRET_ID, JSON.stringify({ secrets: [NEW] }));
    const before = secretsManager.reads(SECRET_ID);

    // Act
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const forged = await deliver('standard-webhooks', {
        body,
        headers: standardHeaders(OLD, `msg_f${i}`, body),
      });
      statuses.push(forged.statusCode);
    }

    // Assess
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(secretsManager.reads(SECRET_ID) - before).toBe(1);
    expect(env.upstreamCalls()).toBe(0);
  });

  it('answers 500 without detail and calls nothing upstream when the secret is missing', async () => {
    // Prepare
    process.env.WEBHOOK_SOURCES = JSON.stringify({ 'standard-webhooks': { secretId: 'absent' } });
    resetWebhookRegistry();

    // Act
    const response = await deliver('standard-webhooks', {
      body,
      headers: standardHeaders(NEW, 'msg_x', body),
    });

    // Assess
    process.env.WEBHOOK_SOURCES = '';
    expect(response.statusCode).toBe(500);
    expect(response.json.code).toBe('INTERNAL');
    expect(JSON.stringify(response.json)).not.toMatch(/absent|Secrets Manager/);
    expect(env.upstreamCalls()).toBe(0);
  });
});

describe('webhook secrets from the local file', () => {
  let env: WebhookTestEnv;
  let file: Awaited<ReturnType<typeof tempSecretsFile>>;
  let body: string;

  beforeAll(async () => {
    file = await tempSecretsFile({ 'standard-webhooks': { secrets: [OLD] } });
    env = await startWebhookEnv({
      WEBHOOK_SECRETS_FILE: file.path,
      WEBHOOK_SECRET_MAX_AGE_SECONDS: '0',
    });
    body = JSON.stringify(await samplePayload('standard-webhooks-requested.json'));
  });
  afterAll(async () => {
    await env.close();
    await file.remove();
  });

  it('picks up a rotated secret once the cached one is older than WEBHOOK_SECRET_MAX_AGE_SECONDS', async () => {
    // Prepare
    const before = await deliver('standard-webhooks', {
      body,
      headers: standardHeaders(OLD, 'msg_r1', body),
    });
    await file.write({ 'standard-webhooks': { secrets: [NEW] } });

    // Act
    const byOld = await deliver('standard-webhooks', {
      body,
      headers: standardHeaders(OLD, 'msg_r2', body),
    });
    const byNew = await deliver('standard-webhooks', {
      body,
      headers: standardHeaders(NEW, 'msg_r3', body),
    });

    // Assess
    expect([before.statusCode, byOld.statusCode, byNew.statusCode]).toEqual([202, 401, 202]);
  });
});
