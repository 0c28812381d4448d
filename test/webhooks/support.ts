import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { Webhook } from 'standardwebhooks';
import { handler } from '../../handlers/webhook.js';
import { resetWebhookRegistry } from '../../lib/webhooks/registry.js';
import { startDynalite, type TestDynamoDb } from '../support/dynalite.js';
import { httpEvent, lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';

/** The development secrets `npm start` uses; the tests deliver with the same ones. */
export const LOCAL_SECRETS = {
  'jira-cloud': 'local-jira-cloud-secret',
  'jira-automation': 'local-jira-automation-token',
  servicenow: 'local-servicenow-token',
  'standard-webhooks': 'whsec_bG9jYWwtc3RhbmRhcmQtd2ViaG9va3Mtc2VjcmV0',
} as const;

/** Reads a sample payload from examples/webhooks. */
export async function samplePayload(file: string): Promise<Record<string, unknown>> {
  const url = new URL(`../../examples/webhooks/${file}`, import.meta.url);
  return JSON.parse(await readFile(url, 'utf8')) as Record<string, unknown>;
}

/** Standard Webhooks headers made by the reference library (`sign`), at `at`. */
export function standardHeaders(
  secret: string,
  id: string,
  body: string,
  at: Date = new Date(),
): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

/** `sha256=<hex HMAC-SHA256(secret, body)>`, as Jira Cloud sends in `X-Hub-Signature`. */
export function hubSignature(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface Delivery {
  readonly body: string;
  readonly headers?: Record<string, string>;
  readonly base64?: boolean;
}

/** Invokes the webhook handler as API Gateway would for `POST /webhooks/{source}`. */
export async function deliver(source: string, delivery: Delivery): Promise<ParsedResponse> {
  const event = httpEvent({
    method: 'POST',
    path: `/webhooks/${source}`,
    pathParameters: { source },
    headers: { 'content-type': 'application/json', ...delivery.headers },
    body: delivery.base64 ? Buffer.from(delivery.body).toString('base64') : delivery.body,
  });
  event.isBase64Encoded = delivery.base64 ?? false;
  return parse(await handler(event, lambdaContext()));
}

export interface ParsedResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON
  readonly json: any;
}

function parse(response: APIGatewayProxyResultV2): ParsedResponse {
  const result = response as {
    statusCode: number;
    headers?: Record<string, unknown>;
    body?: string;
  };
  const headers = Object.fromEntries(
    Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  return { statusCode: result.statusCode, headers, json: JSON.parse(result.body ?? 'null') };
}

/** Simulator + dynalite + webhook settings in `process.env`, for handler tests. */
export interface WebhookTestEnv {
  readonly upstream: LocalUpstream;
  readonly db: TestDynamoDb;
  /** Calls the simulator received (every upstream call the service made). */
  upstreamCalls(): number;
  close(): Promise<void>;
}

/**
 * Starts the simulator and dynalite, enables every configured source with `secretsFile`
 * (default: the example development secrets) and resets the webhook registry.
 */
export async function startWebhookEnv(env: Record<string, string> = {}): Promise<WebhookTestEnv> {
  const upstream = await startLocalUpstream();
  const db = await startDynalite({ tableName: 'webhook-idempotency' });
  Object.assign(process.env, {
    WEBHOOK_ENABLED_SOURCES: '*',
    WEBHOOK_SECRETS_FILE: new URL('../../examples/webhooks/local-secrets.json', import.meta.url)
      .pathname,
    WEBHOOK_SOURCES: '',
    ...env,
  });
  resetWebhookRegistry();
  return {
    upstream,
    db,
    upstreamCalls: () => upstream.sim.requests().length,
    close: async () => {
      await db.close();
      await upstream.close();
    },
  };
}

/** A temporary secrets file `{"<source>": {"secrets": [...]}}` that can be rewritten (rotation). */
export async function tempSecretsFile(content: Record<string, { secrets: string[] }>) {
  const dir = await mkdtemp(join(tmpdir(), 'webhook-secrets-'));
  const path = join(dir, 'secrets.json');
  const write = (next: Record<string, { secrets: string[] }>) =>
    writeFile(path, JSON.stringify(next));
  await write(content);
  return { path, write, remove: () => rm(dir, { recursive: true, force: true }) };
}
