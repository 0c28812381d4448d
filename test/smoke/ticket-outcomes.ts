import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { JOB_FAIL_CODE } from '../../simulator/index.js';
import { runProcess } from '../support/run-process.js';
import type { SmokeStack } from './stack.js';

/** The README's "Tickets learn the outcome" against `npm start` and its ticketing simulator. */
export function ticketOutcomeTests(stack: () => SmokeStack): void {
  it('tells each example ticket its outcome within 30 s, a failed job with its SDRS error code', async () => {
    // Prepare: the README's commands; the ServiceNow item asks for a group SDRS fails to create
    const { api } = stack();
    const dir = mkdtempSync(join(tmpdir(), 'outcome-smoke-'));
    const failing = JSON.parse(
      readFileSync('examples/webhooks/servicenow-ritm-approved.json', 'utf8'),
    );
    failing.variables.pg_name = 'fail-erp-ritm0010042';
    writeFileSync(join(dir, 'failing.json'), JSON.stringify(failing));
    const send = (...args: string[]) =>
      runProcess('npx', ['tsx', 'scripts/send-webhook.ts', ...args, '--url', api.url], {});
    const received = async () => {
      const answer = await fetch(`${api.ticketingUrl}/_received`);
      return ((await answer.json()) as { messages: Array<{ system: string; text: string }> })
        .messages;
    };

    // Act
    const sent = [
      await send('jira-cloud'),
      await send('servicenow', '--payload', join(dir, 'failing.json')),
    ];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await received()).length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    // Assess
    for (const run of sent) expect(run.stdout, run.stderr).toMatch(/^#1 202 /m);
    const messages = await received();
    expect(messages.map((m) => m.system).sort(), api.output()).toEqual(['jira', 'servicenow']);
    const jira = messages.find((m) => m.system === 'jira');
    expect(jira?.text).toMatch(/Protection group pg-web-dr-42 was created \(id [0-9a-f-]{36}\)/);
    expect(messages.find((m) => m.system === 'servicenow')?.text).toContain(
      `SDRS error ${JOB_FAIL_CODE}`,
    );
  });
}
