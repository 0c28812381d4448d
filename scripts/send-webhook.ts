/**
 * Sends an example webhook delivery the way the real sender would: signed (Standard Webhooks,
 * hub signature) or with its token header, using the development secrets of `npm start`.
 *
 *   npx tsx scripts/send-webhook.ts <source> [--times N] [--payload file.json]
 *     [--url http://localhost:3000] [--delivery-id id] [--secret s]
 *
 * `--times 2` sends the same delivery twice: the second answer repeats the first jobId.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { LOCAL_WEBHOOK_SECRETS_FILE } from '../examples/webhooks/local.js';
import { parseSource, rawSources } from '../lib/webhooks/config.js';
import type { WebhookSource } from '../lib/webhooks/config-types.js';
import { parseWebhookSecrets } from '../lib/webhooks/secrets.js';

/** The sample payload of each example source. */
export const EXAMPLE_PAYLOADS: Readonly<Record<string, string>> = {
  'jira-cloud': 'jira-cloud-issue-approved.json',
  'jira-automation': 'jira-automation-web-request.json',
  servicenow: 'servicenow-ritm-approved.json',
  'standard-webhooks': 'standard-webhooks-requested.json',
};

export interface SignedDelivery {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * A hub-signature source whose signed timestamp is a top-level field gets the current time
 * there, so a sample payload is not refused as a replay.
 */
export function freshen(source: WebhookSource, payload: Record<string, unknown>): void {
  if (source.auth.scheme !== 'hub-signature' || !source.auth.timestamp) return;
  const { expression, unit } = source.auth.timestamp;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(expression)) return;
  const now = Date.now();
  payload[expression] = unit === 'ms' ? now : Math.floor(now / 1000);
}

/** Headers (signature or token, and a delivery id where the scheme carries one) for a body. */
export function signDelivery(
  source: WebhookSource,
  secret: string,
  body: string,
  deliveryId: string = `msg_${randomUUID()}`,
): SignedDelivery {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = source.auth;
  if (auth.scheme === 'standard-webhooks') {
    const now = new Date();
    headers['webhook-id'] = deliveryId;
    headers['webhook-timestamp'] = String(Math.floor(now.getTime() / 1000));
    headers['webhook-signature'] = new Webhook(secret).sign(deliveryId, now, body);
  } else if (auth.scheme === 'hub-signature') {
    headers[auth.header] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  } else {
    headers[auth.header] = `${auth.prefix}${secret}`;
  }
  if ('header' in source.deliveryId && !(source.deliveryId.header in headers)) {
    headers[source.deliveryId.header] = deliveryId;
  }
  return { headers, body };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', default: process.env.SDRS_BFF_URL ?? 'http://localhost:3000' },
      payload: { type: 'string' },
      'delivery-id': { type: 'string' },
      secret: { type: 'string' },
      times: { type: 'string', default: '1' },
    },
  });
  const name = positionals[0];
  const all = rawSources(process.env);
  if (!name || !(name in all)) {
    console.error(`usage: send-webhook.ts <source> — one of: ${Object.keys(all).join(', ')}`);
    process.exit(2);
  }
  const source = parseSource(name, all[name], process.env);
  const payloadFile =
    values.payload ?? new URL(`../examples/webhooks/${EXAMPLE_PAYLOADS[name]}`, import.meta.url);
  const payload = JSON.parse(await readFile(payloadFile, 'utf8')) as Record<string, unknown>;
  freshen(source, payload);
  const secretsFile = process.env.WEBHOOK_SECRETS_FILE || LOCAL_WEBHOOK_SECRETS_FILE;
  const secretsByName = JSON.parse(await readFile(secretsFile, 'utf8')) as Record<string, unknown>;
  const [secret] = values.secret
    ? [values.secret]
    : parseWebhookSecrets(secretsByName[name], `${secretsFile} "${name}"`);
  const delivery = signDelivery(
    source,
    secret as string,
    JSON.stringify(payload),
    values['delivery-id'],
  );
  const url = `${values.url.replace(/\/$/, '')}/webhooks/${encodeURIComponent(name)}`;
  for (let attempt = 1; attempt <= Number(values.times); attempt++) {
    const response = await fetch(url, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    });
    console.log(
      `#${attempt} ${response.status} x-request-id: ${response.headers.get('x-request-id')}`,
    );
    console.log(await response.text());
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
