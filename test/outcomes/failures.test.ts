import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TicketTargets } from '../../lib/outcomes/targets/registry.js';
import {
  type OutcomeTestEnv,
  secretsWithRevokedJiraToken,
  sendExample,
  startOutcomeEnv,
} from './support.js';

describe('outcomes that cannot be told normally', () => {
  let env: OutcomeTestEnv;
  let secrets: Awaited<ReturnType<typeof secretsWithRevokedJiraToken>>;

  beforeAll(async () => {
    // Jira Cloud's entry carries a token the ticketing simulator does not accept (401).
    secrets = await secretsWithRevokedJiraToken();
    env = await startOutcomeEnv({ WEBHOOK_SECRETS_FILE: secrets.path });
  });
  afterAll(async () => {
    await env.close();
    await secrets.remove();
  });
  beforeEach(async () => {
    env.tickets.reset();
    env.webhooks.upstream.sim.reset();
    await env.webhooks.db.clear();
  });

  it('tells the ticket "unknown" when the job has not ended by the deadline', async () => {
    // Prepare: the job is still INIT at the first poll, which happens 61 minutes later
    const accepted = await sendExample('servicenow');
    env.clock = Date.now() + 61 * 60_000;

    // Act
    await env.watchUntilSettled();

    // Assess
    const messages = env.tickets.messages('servicenow');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toContain(
      `SDRS job ${accepted.json.jobId} had not ended after 61 minutes`,
    );
    expect(messages[0]?.text).toContain(`GET /jobs/${accepted.json.jobId}`);
    expect(await env.record(accepted.json.jobId)).toMatchObject({ outcome: { kind: 'unknown' } });
  });

  it('tells "unknown" at once (never failed or succeeded) when SDRS answers the job 500 SDRS.0408', async () => {
    // Prepare: SDRS forgets the job it accepted, so every poll gets its documented "Null job".
    const accepted = await sendExample('servicenow');
    env.webhooks.upstream.sim.reset();
    env.clock = Date.now();

    // Act: runs well inside the deadline
    const first = await env.watch();
    await env.watchUntilSettled();

    // Assess: told after the first poll, with the reason, not at the deadline
    expect(first).toMatchObject({ claimed: 1, waiting: 0, failed: 0 });
    const messages = env.tickets.messages('servicenow');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toContain(`SDRS says it knows no job ${accepted.json.jobId}`);
    expect(messages[0]?.text).toContain(`GET /jobs/${accepted.json.jobId}`);
    expect(await env.record(accepted.json.jobId)).toMatchObject({
      state: 'posted',
      outcome: { kind: 'unknown', reason: 'job-not-found' },
    });
  });

  it('dead-letters at once, without retrying, when the ticket system answers 401', async () => {
    // Prepare
    const accepted = await sendExample('jira-cloud');
    env.clock = Date.now();

    // Act: many runs, hours apart
    await env.watchUntilSettled(3_600_000, 10);
    for (let run = 0; run < 3; run++) {
      env.clock += 3_600_000;
      await env.watch();
    }

    // Assess
    const attempts = env.tickets.requests('jira').filter((r) => r.method === 'POST');
    expect(attempts.map((r) => r.status)).toEqual([]); // the marker check already got 401
    expect(env.tickets.requests('jira').map((r) => r.status)).toEqual([401]);
    expect(env.tickets.messages('jira')).toEqual([]);
    expect(await env.record(accepted.json.jobId)).toMatchObject({ state: 'dead', attempts: 1 });
    const letters = env.sqs.messages().map((m) => JSON.parse(m));
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      jobId: accepted.json.jobId,
      source: 'jira-cloud',
      status: 401,
    });
    expect(letters[0].message).toContain(accepted.json.jobId);
  });

  it('dead-letters a ticket system that fails for the whole retry window', async () => {
    // Prepare
    env.tickets.inject({ system: 'standard-webhooks', kind: 'status', status: 502, times: 1000 });
    const accepted = await sendExample('standard-webhooks');
    env.clock = Date.now();
    const lettersBefore = env.sqs.messages().length;

    // Act: runs two hours apart
    await env.watchUntilSettled(2 * 3_600_000, 30);

    // Assess
    const record = await env.record(accepted.json.jobId);
    expect(record?.state).toBe('dead');
    expect(record?.postedAt).toBeUndefined();
    const posts = env.tickets.requests('standard-webhooks');
    expect(posts.length).toBeGreaterThan(5);
    expect(env.sqs.messages().length - lettersBefore).toBe(1);
    // Retried for the whole window: given up only at an attempt 24 h or more after the first
    expect((record?.deadAt ?? 0) - (record?.firstPostAt ?? 0)).toBeGreaterThanOrEqual(
      24 * 3_600_000,
    );
  });

  it('retries, and does not dead-letter, when the secret store fails for a moment', async () => {
    // Prepare
    const accepted = await sendExample('jira-automation');
    env.clock = Date.now();
    const unreachable = {
      forSource: async () => {
        throw new Error('the secret store did not answer');
      },
    } as unknown as TicketTargets;

    // Act: runs until the job has ended and the post was attempted
    for (let run = 0; run < 6; run++) {
      await env.watch({ targets: unreachable });
      env.clock += 30_000;
    }

    // Assess
    expect(await env.record(accepted.json.jobId)).toMatchObject({
      state: 'waiting',
      lastError: 'the secret store did not answer',
    });
    await env.watchUntilSettled(); // the store is back
    expect(env.tickets.messages('jira')).toHaveLength(1);
  });
});
