import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutcomeRecords } from '../../lib/outcomes/records.js';
import { readOutcomeSettings } from '../../lib/outcomes/settings.js';
import { type OutcomeTestEnv, sendExample, startOutcomeEnv } from './support.js';

const LEASE_MS = readOutcomeSettings({ OUTCOME_TABLE: 'x' }).leaseMs;

/** A store whose first `finish` never happens: the watcher "dies" right after posting. */
class CrashingAfterPost extends OutcomeRecords {
  crashes = 0;
  override async finish(...args: Parameters<OutcomeRecords['finish']>): Promise<boolean> {
    if (this.crashes === 0) {
      this.crashes += 1;
      throw new Error('watcher crashed between post and record');
    }
    return super.finish(...args);
  }
}

const posts = (env: OutcomeTestEnv) =>
  env.tickets.requests().filter((r) => r.method === 'POST' || r.method === 'PATCH');

describe('exactly one message per job', () => {
  let env: OutcomeTestEnv;

  beforeAll(async () => {
    env = await startOutcomeEnv({ OUTCOME_POST_TIMEOUT_MS: '500' });
  });
  afterAll(async () => env.close());
  beforeEach(async () => {
    env.tickets.reset();
    env.webhooks.upstream.sim.reset();
    env.clock = Date.now();
    await env.webhooks.db.clear();
  });

  it.each([
    ['jira-cloud', 'jira'],
    ['servicenow', 'servicenow'],
    ['standard-webhooks', 'standard-webhooks'],
  ] as const)(
    '%s: a watcher crash between post and record does not post twice',
    async (source, system) => {
      // Prepare: the job ends after three polls; the run that posts crashes before recording
      const accepted = await sendExample(source);
      const crashing = new CrashingAfterPost(readOutcomeSettings().tableName);
      for (let run = 0; run < 10 && crashing.crashes === 0; run++) {
        await env.watch({ records: crashing });
        env.clock += 30_000;
      }
      expect(crashing.crashes).toBe(1);
      expect((await env.record(accepted.json.jobId))?.state).toBe('posting');

      // Act: the lease runs out and another run takes the record over
      env.clock += LEASE_MS;
      await env.watchUntilSettled();

      // Assess
      expect(env.tickets.messages(system)).toHaveLength(1);
      expect((await env.record(accepted.json.jobId))?.state).toBe('posted');
      // Jira and ServiceNow: the marker was found, nothing sent again; Standard Webhooks: the same
      // webhook-id was sent again and the receiver dropped the repeat.
      expect(posts(env)).toHaveLength(system === 'standard-webhooks' ? 2 : 1);
    },
  );

  it('a ticket system answering 503 twice (Retry-After honoured) then 201 gets one comment', async () => {
    // Prepare
    env.tickets.inject({
      system: 'jira',
      kind: 'status',
      status: 503,
      retryAfter: '300',
      times: 2,
    });
    const accepted = await sendExample('jira-cloud');
    const jobId: string = accepted.json.jobId;
    env.clock = Date.now();

    // Act: until the first 503
    let postedAt = env.clock;
    while (posts(env).length === 0) {
      postedAt = env.clock;
      await env.watch();
      env.clock += 30_000;
    }
    const afterFirst = await env.record(jobId);
    await env.watchUntilSettled(120_000, 20);

    // Assess
    expect(afterFirst?.state).toBe('waiting');
    expect(afterFirst?.dueAt).toBeGreaterThanOrEqual(postedAt + 300_000);
    expect(posts(env).map((r) => r.status)).toEqual([503, 503, 201]);
    expect(env.tickets.messages('jira')).toHaveLength(1);
    expect(await env.record(jobId)).toMatchObject({ state: 'posted', attempts: 3 });
  });

  it('a timeout after the ticket system accepted is not posted again', async () => {
    // Prepare: the comment is stored, the answer comes after the 500 ms post timeout
    env.tickets.inject({ system: 'servicenow', kind: 'timeout-after-accept', ms: 5_000 });
    const accepted = await sendExample('servicenow');
    env.clock = Date.now();

    // Act
    await env.watchUntilSettled();

    // Assess
    expect(env.tickets.messages('servicenow')).toHaveLength(1);
    expect(posts(env)).toHaveLength(1);
    expect(await env.record(accepted.json.jobId)).toMatchObject({ state: 'posted', attempts: 2 });
  });

  it('10 concurrent redeliveries and two concurrent watchers end in one comment', async () => {
    // Prepare
    const deliveries = await Promise.all(
      Array.from({ length: 10 }, () => sendExample('jira-automation')),
    );
    const jobIds = new Set(deliveries.map((d) => d.json.jobId));
    env.clock = Date.now();

    // Act
    for (let run = 0; run < 6; run++) {
      await Promise.all([env.watch(), env.watch()]);
      env.clock += 30_000;
    }

    // Assess
    expect(jobIds.size).toBe(1);
    expect(env.webhooks.upstream.sim.acceptedCreates()).toBe(1);
    expect(env.tickets.messages('jira')).toHaveLength(1);
    expect(posts(env)).toHaveLength(1);
  });
});
