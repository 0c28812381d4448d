import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adfDocument } from '../../lib/outcomes/targets/index.js';
import {
  DEFAULT_TICKETING_CREDENTIALS as CREDENTIALS,
  startTicketingSimulator,
  type TicketingSimulator,
} from '../../ticketing-simulator/index.js';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const JIRA_AUTH = basic(CREDENTIALS.jira.email, CREDENTIALS.jira.apiToken);
const SN_AUTH = basic(CREDENTIALS.serviceNow.username, CREDENTIALS.serviceNow.password);

describe('the ticketing simulator checks what the real systems check', () => {
  let sim: TicketingSimulator;
  const send = (url: string, method: string, authorization: string, body?: unknown) =>
    fetch(url, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    sim = await startTicketingSimulator();
  });
  afterAll(async () => sim.close());
  beforeEach(() => sim.reset());

  it('Jira: stores an ADF comment with the account e-mail and API token, lists it back', async () => {
    // Prepare
    const url = `${sim.jiraUrl}/rest/api/3/issue/DR-7/comment`;

    // Act
    const created = await send(url, 'POST', JIRA_AUTH, { body: adfDocument(['one', 'two']) });
    const listed = await send(url, 'GET', JIRA_AUTH);

    // Assess
    expect(created.status).toBe(201);
    expect(sim.messages('jira')).toMatchObject([{ ticket: 'DR-7', text: 'one\ntwo' }]);
    expect(((await listed.json()) as { total: number }).total).toBe(1);
  });

  it('Jira: 401 for another token, 400 for a body that is not ADF; nothing stored', async () => {
    // Prepare
    const url = `${sim.jiraUrl}/rest/api/3/issue/DR-7/comment`;

    // Act
    const wrongToken = await send(url, 'POST', basic(CREDENTIALS.jira.email, 'other'), {
      body: adfDocument(['x']),
    });
    const plainText = await send(url, 'POST', JIRA_AUTH, { body: 'plain text' });
    const badNode = await send(url, 'POST', JIRA_AUTH, {
      body: {
        version: 1,
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text' }] }],
      },
    });

    // Assess
    expect([wrongToken.status, plainText.status, badNode.status]).toEqual([401, 400, 400]);
    expect(sim.messages()).toEqual([]);
  });

  it('ServiceNow: a work note with Basic or Bearer; the journal reads back newest first', async () => {
    // Prepare
    const url = `${sim.serviceNowUrl}/api/now/table/sc_req_item/abc123`;

    // Act
    const first = await send(url, 'PATCH', SN_AUTH, { work_notes: 'first note' });
    const second = await send(url, 'PATCH', `Bearer ${CREDENTIALS.serviceNow.token}`, {
      work_notes: 'second note',
    });
    const read = await send(
      `${url}?sysparm_fields=work_notes&sysparm_display_value=true`,
      'GET',
      SN_AUTH,
    );

    // Assess
    expect([first.status, second.status]).toEqual([200, 200]);
    const notes = ((await read.json()) as { result: { work_notes: string } }).result.work_notes;
    expect(notes.indexOf('second note')).toBeLessThan(notes.indexOf('first note'));
  });

  it('ServiceNow: 401 for a wrong password, 400 without work_notes', async () => {
    // Prepare
    const url = `${sim.serviceNowUrl}/api/now/table/sc_req_item/abc123`;

    // Act
    const wrong = await send(url, 'PATCH', basic(CREDENTIALS.serviceNow.username, 'x'), {
      work_notes: 'n',
    });
    const missing = await send(url, 'PATCH', SN_AUTH, { comments: 'customer visible' });

    // Assess
    expect([wrong.status, missing.status]).toEqual([401, 400]);
    expect(sim.messages()).toEqual([]);
  });

  it('Standard Webhooks: verifies the signature and drops a repeated webhook-id', async () => {
    // Prepare
    const body = JSON.stringify({ type: 'protection_group.created', data: { ticket: 'CHG-1' } });
    const headersFor = (secret: string) => {
      const at = new Date();
      return {
        'content-type': 'application/json',
        'webhook-id': 'outcome_1',
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign('outcome_1', at, body),
      };
    };
    const post = (secret: string) =>
      fetch(sim.webhookUrl, { method: 'POST', headers: headersFor(secret), body });

    // Act
    const forged = await post('whsec_b3RoZXItc2VjcmV0');
    const answers = [
      await post(CREDENTIALS.standardWebhooks.secret),
      await post(CREDENTIALS.standardWebhooks.secret),
    ];

    // Assess
    expect(forged.status).toBe(401);
    expect(answers.map((a) => a.status)).toEqual([204, 204]);
    expect(sim.messages('standard-webhooks')).toMatchObject([{ id: 'outcome_1', ticket: 'CHG-1' }]);
  });

  it('injects faults only into writes: 503 with Retry-After, then normal again', async () => {
    // Prepare
    sim.inject({ system: 'jira', kind: 'status', status: 503, retryAfter: '7' });
    const url = `${sim.jiraUrl}/rest/api/3/issue/DR-8/comment`;

    // Act
    const read = await send(url, 'GET', JIRA_AUTH);
    const faulted = await send(url, 'POST', JIRA_AUTH, { body: adfDocument(['x']) });
    const next = await send(url, 'POST', JIRA_AUTH, { body: adfDocument(['x']) });

    // Assess
    expect(read.status).toBe(200);
    expect([faulted.status, faulted.headers.get('retry-after'), next.status]).toEqual([
      503,
      '7',
      201,
    ]);
    expect(sim.messages('jira')).toHaveLength(1);
  });
});
