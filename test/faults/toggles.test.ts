/**
 * The simulator's HTTP fault toggles, end to end: a toggle set over HTTP (as a front-end developer
 * does with curl under `npm start`) makes the BFF's real handlers answer the problem the README's
 * error table names for it, and that answer is one the OpenAPI document declares.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as createHandler } from '../../handlers/create-protection-group.js';
import { handler as domainsHandler } from '../../handlers/get-active-domains.js';
import { handler as jobHandler } from '../../handlers/get-job.js';
import { handler as listHandler } from '../../handlers/list-protection-groups.js';
import { CONTROL_PATH } from '../../simulator/index.js';
import { type Answer, invoke } from '../lookups/support.js';
import { Contract, fetchDocument } from '../openapi/contract.js';
import { createRequestBody } from '../support/create-body.js';
import { startDynalite, type TestDynamoDb } from '../support/dynalite.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { callFaultControl } from './control.js';

let db: TestDynamoDb;
let upstream: LocalUpstream;
let contract: Contract;

/** Sends a toggle to the control over real HTTP, as curl would. */
const toggle = (method: 'GET' | 'POST' | 'DELETE', body?: object) =>
  callFaultControl(upstream.sim.url, method, body);

const create = (key?: string) =>
  invoke(createHandler, {
    method: 'POST',
    path: '/protection-groups',
    body: createRequestBody({ name: 'pg-toggle-01' }),
    ...(key && { headers: { 'Idempotency-Key': key } }),
  });
const poll = (jobId: string) =>
  invoke(jobHandler, { path: `/jobs/${jobId}`, pathParameters: { jobId } });
const list = () => invoke(listHandler, { path: '/protection-groups' });
const domains = () => invoke(domainsHandler, { path: '/active-domains' });

/** The answer, after checking it against the document. */
function documented(method: string, path: string, answer: Answer): Answer {
  contract.check(method, path, answer);
  return answer;
}

beforeAll(async () => {
  db = await startDynalite();
  upstream = await startLocalUpstream(
    { idempotencyStoreOutage: (times) => db.failNext(times) },
    // No resends, so one BFF request is one upstream call and `times` counts requests.
    { SDRS_MAX_RETRIES: '0', SDRS_TIMEOUT_MS: '300' },
  );
  contract = new Contract(await fetchDocument());
});
afterAll(async () => {
  await upstream.close();
  await db.close();
});
beforeEach(() => upstream.sim.reset());

describe('fault toggles over HTTP', () => {
  it.each([
    [{ fault: 'throttled', retryAfter: 7 }, 429, 'UPSTREAM_THROTTLED', '7'],
    [{ fault: 'unavailable', retryAfter: 9 }, 503, 'UPSTREAM_UNAVAILABLE', '9'],
    [{ fault: 'failing' }, 502, 'UPSTREAM_UNAVAILABLE', undefined],
    [{ fault: 'timeout' }, 504, 'UPSTREAM_TIMEOUT', undefined],
    [{ fault: 'rejected', code: 'SDRS.0233' }, 422, 'UPSTREAM_REJECTED', undefined],
    [{ fault: 'rejected', status: 409, code: 'SDRS.1301' }, 409, 'UPSTREAM_CONFLICT', undefined],
    [{ fault: 'credentials-rejected' }, 502, 'UPSTREAM_AUTH_FAILED', undefined],
  ])('%o on create → %i %s, then the next call is normal', async (fault, status, code, retry) => {
    // Prepare
    const set = await toggle('POST', { operation: 'create', times: 1, ...fault });

    // Act
    const faulted = documented('post', '/protection-groups', await create());
    const next = documented('post', '/protection-groups', await create());

    // Assess
    expect(set.status).toBe(201);
    expect(faulted.status).toBe(status);
    expect(faulted.body.code).toBe(code);
    expect(faulted.headers['retry-after']).toBe(retry);
    if ('code' in fault) expect(faulted.body.upstream.code).toBe(fault.code);
    expect(next.status).toBe(202);
  });

  it('counts calls per operation: times 2 on list faults two lists, not the domains lookup', async () => {
    // Prepare
    await toggle('POST', { operation: 'list', times: 2, fault: 'unavailable', retryAfter: 3 });

    // Act
    const lookup = documented('get', '/active-domains', await domains());
    const first = documented('get', '/protection-groups', await list());
    const second = documented('get', '/protection-groups', await list());
    const third = documented('get', '/protection-groups', await list());

    // Assess
    expect(lookup.status).toBe(200);
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
  });

  it('job-fails makes the next create’s job end failed with the given code', async () => {
    // Prepare
    await toggle('POST', {
      operation: 'create',
      fault: 'job-fails',
      code: 'SDRS.1015',
      message: 'Quota exceeded',
    });
    const accepted = await create();

    // Act
    let job = await poll(accepted.body.jobId);
    while (job.body.status === 'pending' || job.body.status === 'running') {
      job = await poll(accepted.body.jobId);
    }

    // Assess
    documented('get', '/jobs/{jobId}', job);
    expect(job.body).toMatchObject({
      status: 'failed',
      problem: { code: 'UPSTREAM_JOB_FAILED', upstream: { code: 'SDRS.1015' } },
    });
  });

  it('idempotency-store makes a keyed create answer 503 without calling SDRS', async () => {
    // Prepare
    await toggle('POST', { operation: 'idempotency-store', fault: 'unavailable' });

    // Act
    const down = documented('post', '/protection-groups', await create('toggle-key-0001'));
    const again = documented('post', '/protection-groups', await create('toggle-key-0001'));

    // Assess
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('IDEMPOTENCY_STORE_UNAVAILABLE');
    expect(down.headers['retry-after']).toEqual(expect.any(String));
    expect(again.status).toBe(202);
    expect(upstream.sim.acceptedCreates()).toBe(1);
  });

  it('lists what is queued and forgets it on DELETE', async () => {
    // Prepare
    await toggle('POST', { operation: 'domains', times: 3, fault: 'throttled' });
    await toggle('POST', { operation: 'create', times: 2, fault: 'job-fails' });

    // Act
    const queued = await toggle('GET');
    const cleared = await toggle('DELETE');
    const lookup = await domains();

    // Assess
    expect(queued.json).toMatchObject({
      faults: [{ route: 'domains', kind: 'throttle', left: 3 }],
      jobFailures: [{ code: 'SDRS.1014', times: 2 }],
    });
    expect(cleared.json).toEqual({ faults: [], jobFailures: [] });
    expect(lookup.status).toBe(200);
  });

  it('refuses any request a browser sends (a web page must not break the simulator)', async () => {
    // Act
    const fromPage = await fetch(`${upstream.sim.url}${CONTROL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
      body: JSON.stringify({ operation: 'create', fault: 'failing' }),
    });

    // Assess
    expect(fromPage.status).toBe(403);
    expect((await toggle('GET')).json).toEqual({ faults: [], jobFailures: [] });
  });

  it('refuses a toggle it cannot carry out, naming every problem', async () => {
    // Act
    const refused = await toggle('POST', { operation: 'delete', fault: 'slow', times: 0 });

    // Assess
    expect(refused.status).toBe(400);
    expect((refused.json as { errors: string[] }).errors).toEqual([
      expect.stringMatching(/^operation must be one of/),
      expect.stringMatching(/^fault must be one of/),
      'times must be an integer from 1 to 1000',
    ]);
    expect(upstream.sim.requests()).toEqual([]);
  });
});
