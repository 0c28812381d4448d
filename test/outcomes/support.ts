import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { sqsDeadLetters } from '../../lib/outcomes/dead-letters.js';
import { jobPoller } from '../../lib/outcomes/job-poller.js';
import type { OutcomeRecord } from '../../lib/outcomes/record-types.js';
import { OutcomeRecords } from '../../lib/outcomes/records.js';
import { readOutcomeSettings } from '../../lib/outcomes/settings.js';
import { TicketTargets } from '../../lib/outcomes/targets/registry.js';
import {
  type WatcherDependencies,
  type WatchReport,
  watchOutcomes,
} from '../../lib/outcomes/watcher.js';
import { parseSource, rawSources, readWebhookSettings } from '../../lib/webhooks/config.js';
import { EXAMPLE_PAYLOADS, freshen, signDelivery } from '../../scripts/send-webhook.js';
import {
  startTicketingSimulator,
  type TicketingSimulator,
} from '../../ticketing-simulator/index.js';
import { type LocalSqs, startLocalSqs } from '../support/local-sqs.js';
import {
  deliver,
  LOCAL_SECRETS,
  type ParsedResponse,
  samplePayload,
  startWebhookEnv,
  type WebhookTestEnv,
} from '../webhooks/support.js';

/** Webhook env (SDRS simulator, dynalite with both tables) + ticketing simulator + a local SQS. */
export interface OutcomeTestEnv {
  readonly webhooks: WebhookTestEnv;
  readonly tickets: TicketingSimulator;
  readonly sqs: LocalSqs;
  readonly records: OutcomeRecords;
  /** The watcher's clock (epoch ms); tests move it forward instead of waiting. */
  clock: number;
  /** One watcher run at `clock`, with `overrides` (e.g. a records store that "crashes"). */
  watch(overrides?: Partial<WatcherDependencies>): Promise<WatchReport>;
  /** Runs the watcher, moving the clock `stepMs` after each run, until every record is closed (max `runs`). */
  watchUntilSettled(stepMs?: number, runs?: number): Promise<WatchReport[]>;
  record(jobId: string): Promise<OutcomeRecord | undefined>;
  close(): Promise<void>;
}

export async function startOutcomeEnv(env: Record<string, string> = {}): Promise<OutcomeTestEnv> {
  const tickets = await startTicketingSimulator();
  const sqs = await startLocalSqs();
  const webhooks = await startWebhookEnv({
    JIRA_BASE_URL: tickets.jiraUrl,
    SERVICENOW_INSTANCE_URL: tickets.serviceNowUrl,
    OUTCOME_WEBHOOK_URL: tickets.webhookUrl,
    OUTCOME_POST_TIMEOUT_MS: '1000',
    ...env,
  });
  const settings = readOutcomeSettings();
  const records = new OutcomeRecords(settings.tableName);
  const deadLetters = sqsDeadLetters(
    sqs.queueUrl,
    new SQSClient({ endpoint: new URL(sqs.queueUrl).origin, region: 'eu-west-1' }),
  );
  const self: OutcomeTestEnv = {
    webhooks,
    tickets,
    sqs,
    records,
    clock: Date.now(),
    watch: (overrides = {}) =>
      watchOutcomes({
        records,
        settings,
        targets: new TicketTargets(readWebhookSettings(), settings.postTimeoutMs),
        pollJob: jobPoller(30_000),
        deadLetters,
        now: () => self.clock,
        ...overrides,
      }),
    async watchUntilSettled(stepMs = 60_000, runs = 12) {
      const reports: WatchReport[] = [];
      for (let run = 0; run < runs; run++) {
        const report = await self.watch();
        reports.push(report);
        self.clock += stepMs;
        if ((await records.due(Number.MAX_SAFE_INTEGER, 1)).length === 0) break; // all closed
      }
      return reports;
    },
    record: (jobId) => records.read(jobId),
    close: async () => {
      await webhooks.close();
      await tickets.close();
      await sqs.close();
    },
  };
  return self;
}

/** Where each example source's payload names the protection group. */
// biome-ignore lint/suspicious/noExplicitAny: the example payloads are arbitrary JSON
const NAME_SETTERS: Record<string, (payload: Record<string, any>, name: string) => void> = {
  'jira-cloud': (p, name) => {
    p.issue.fields.customfield_10100 = name;
  },
  'jira-automation': (p, name) => {
    p.protectionGroup.name = name;
  },
  servicenow: (p, name) => {
    p.variables.pg_name = name;
  },
  'standard-webhooks': (p, name) => {
    p.data.name = name;
  },
};

/**
 * Sends the example delivery of `source` through the webhook handler, signed like the real
 * sender, optionally naming the group (`fail-…` makes the SDRS simulator fail the job).
 */
export async function sendExample(
  source: keyof typeof EXAMPLE_PAYLOADS & string,
  options: { name?: string; deliveryId?: string } = {},
): Promise<ParsedResponse> {
  const payload = await samplePayload(EXAMPLE_PAYLOADS[source] as string);
  if (options.name) NAME_SETTERS[source]?.(payload, options.name);
  const all = rawSources(process.env);
  const config = parseSource(source, all[source], process.env);
  freshen(config, payload);
  const secret = LOCAL_SECRETS[source as keyof typeof LOCAL_SECRETS];
  const signed = signDelivery(config, secret, JSON.stringify(payload), options.deliveryId);
  return deliver(source, { body: signed.body, headers: signed.headers });
}

/** The example secrets with Jira Cloud's API token replaced by one the simulator refuses (401). */
export async function secretsWithRevokedJiraToken(): Promise<{
  path: string;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'outcome-secrets-'));
  const example = new URL('../../examples/webhooks/local-secrets.json', import.meta.url);
  const secrets = JSON.parse(await readFile(example, 'utf8'));
  secrets['jira-cloud'].notify.apiToken = REVOKED_JIRA_TOKEN;
  const path = join(dir, 'secrets.json');
  await writeFile(path, JSON.stringify(secrets));
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

export const REVOKED_JIRA_TOKEN = 'revoked-jira-api-token';
