import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JOB_FAIL_CODE } from '../../simulator/index.js';
import { type OutcomeTestEnv, sendExample, startOutcomeEnv } from './support.js';

/** What each example source's ticket is called in the ticketing simulator. */
const CASES = [
  { source: 'jira-cloud', system: 'jira', ticket: 'DR-42' },
  { source: 'jira-automation', system: 'jira', ticket: 'DR-43' },
  {
    source: 'servicenow',
    system: 'servicenow',
    ticket: 'sc_req_item/9d385017c611228701d22104cc95c371',
  },
  { source: 'standard-webhooks', system: 'standard-webhooks', ticket: 'CHG-1001' },
] as const;

describe('every webhook-created job reports back to its ticket, once', () => {
  let env: OutcomeTestEnv;

  beforeAll(async () => {
    env = await startOutcomeEnv();
  });
  afterAll(async () => env.close());
  beforeEach(async () => {
    env.tickets.reset();
    env.webhooks.upstream.sim.reset();
    await env.webhooks.db.clear();
  });

  it.each(CASES)('$source: a succeeded job tells the group id and the job id', async (c) => {
    // Prepare
    const accepted = await sendExample(c.source);
    expect(accepted.statusCode).toBe(202);
    const jobId: string = accepted.json.jobId;
    env.clock = Date.now();

    // Act
    await env.watchUntilSettled();

    // Assess
    const messages = env.tickets.messages(c.system);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message?.ticket).toBe(c.ticket);
    expect(message?.text).toContain(jobId);
    expect(message?.text).toMatch(/was created \(id [0-9a-f-]{8,}\)/);
    expect(message?.text).toMatch(/succeeded in \d+ s/);
    expect((await env.record(jobId))?.state).toBe('posted');
  });

  it.each(CASES)('$source: a failed job tells the SDRS error code and the next step', async (c) => {
    // Prepare: the SDRS simulator fails jobs whose group name starts with fail-
    const accepted = await sendExample(c.source, { name: `fail-${c.source}` });
    const jobId: string = accepted.json.jobId;
    env.clock = Date.now();

    // Act
    await env.watchUntilSettled();

    // Assess
    const messages = env.tickets.messages(c.system);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toContain(`SDRS error ${JOB_FAIL_CODE}`);
    expect(messages[0]?.text).toContain(jobId);
    expect(messages[0]?.text).toContain('Next step: fix the cause');
  });

  it('sends Standard Webhooks receivers a signed protection_group.created event', async () => {
    // Prepare
    const accepted = await sendExample('standard-webhooks');
    env.clock = Date.now();

    // Act
    await env.watchUntilSettled();

    // Assess: the simulator verified the signature with the standardwebhooks library
    const [message] = env.tickets.messages('standard-webhooks');
    expect(message?.id).toBe(`outcome_${accepted.json.jobId}`);
    expect(message?.event).toMatchObject({
      type: 'protection_group.created',
      data: { ticket: 'CHG-1001', jobId: accepted.json.jobId, outcome: 'succeeded' },
    });
  });
});
