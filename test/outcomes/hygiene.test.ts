import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../lib/observability/logger.js';
import { DEFAULT_TICKETING_CREDENTIALS } from '../../ticketing-simulator/index.js';
import {
  type OutcomeTestEnv,
  REVOKED_JIRA_TOKEN,
  secretsWithRevokedJiraToken,
  sendExample,
  startOutcomeEnv,
} from './support.js';

describe('log hygiene of the outcome path', () => {
  let env: OutcomeTestEnv;
  let secrets: Awaited<ReturnType<typeof secretsWithRevokedJiraToken>>;
  const output: string[] = [];
  const loggerConsole = logger as unknown as { console: Console };
  const originalConsole = loggerConsole.console;

  beforeAll(async () => {
    secrets = await secretsWithRevokedJiraToken();
    env = await startOutcomeEnv({ WEBHOOK_SECRETS_FILE: secrets.path });
  });
  afterAll(async () => {
    loggerConsole.console = originalConsole;
    logger.setLogLevel('SILENT');
    await env.close();
    await secrets.remove();
  });

  it('never logs a ticket system secret, told or refused', async () => {
    // Prepare: every line of the service's logger at DEBUG, captured rather than printed
    logger.setLogLevel('DEBUG');
    const sink = new Writable({
      write(chunk, _encoding, done) {
        output.push(String(chunk));
        done();
      },
    });
    loggerConsole.console = new Console({ stdout: sink, stderr: sink });

    // Act: one delivery per source (Jira Cloud's token is refused), watched to the end
    for (const source of [
      'jira-cloud',
      'jira-automation',
      'servicenow',
      'standard-webhooks',
    ] as const) {
      await sendExample(source);
    }
    env.clock = Date.now();
    // The handler's logger middleware puts the level back to the environment's at each invocation.
    logger.setLogLevel('DEBUG');
    await env.watchUntilSettled();

    // Assess
    const logs = output.join('');
    expect(logs).toContain('ticket told the outcome'); // the logs were really captured
    expect(logs).toContain('ticket not told: outcome dead-lettered (on-call)');
    const { jira, serviceNow, standardWebhooks } = DEFAULT_TICKETING_CREDENTIALS;
    const basic = (user: string, password: string) =>
      Buffer.from(`${user}:${password}`).toString('base64');

    for (const secret of [
      jira.apiToken,
      REVOKED_JIRA_TOKEN,
      basic(jira.email, jira.apiToken),
      basic(jira.email, REVOKED_JIRA_TOKEN),
      serviceNow.password,
      basic(serviceNow.username, serviceNow.password),
      standardWebhooks.secret,
      standardWebhooks.secret.slice('whsec_'.length),
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
