import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as createHandler } from '../../handlers/create-protection-group.js';
import { handler as domainsHandler } from '../../handlers/get-active-domains.js';
import { handler as jobHandler } from '../../handlers/get-job.js';
import { handler as listHandler } from '../../handlers/list-protection-groups.js';
import {
  DEFAULT_CREDENTIALS,
  SOLD_OUT_AZ_SOURCE,
  SOLD_OUT_AZ_TARGET,
  SOLD_OUT_DOMAIN_ID,
} from '../../simulator/index.js';
import { type Answer, invoke } from '../lookups/support.js';
import { createRequestBody } from '../support/create-body.js';
import type { EventOptions } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { Contract, fetchDocument } from './contract.js';

const createBody = createRequestBody({ name: 'pg-contract-01' });

describe('real answers match the OpenAPI document', () => {
  let upstream: LocalUpstream;
  let contract: Contract;
  const seen: string[] = [];

  const create = (body: unknown, options: EventOptions = {}) =>
    invoke(createHandler, { method: 'POST', path: '/protection-groups', body, ...options });
  const poll = (jobId: string) =>
    invoke(jobHandler, { path: `/jobs/${jobId}`, pathParameters: { jobId } });
  const list = (query?: Record<string, string>) =>
    invoke(listHandler, { path: '/protection-groups', ...(query && { query }) });
  const domains = () => invoke(domainsHandler, { path: '/active-domains' });

  /** Checks the answer against the document and remembers which status/code it covered. */
  function conforms(method: string, path: string, answer: Answer): Answer {
    contract.check(method, path, answer);
    seen.push(
      `${method} ${path} ${answer.status}${answer.body?.code ? ` ${answer.body.code}` : ''}`,
    );
    return answer;
  }

  beforeAll(async () => {
    upstream = await startLocalUpstream({}, { SDRS_TIMEOUT_MS: '500', SDRS_MAX_RETRIES: '0' });
    contract = new Contract(await fetchDocument());
  });
  afterAll(async () => upstream.close());
  beforeEach(() => {
    upstream.sim.reset();
    upstream.sim.setCredentials(DEFAULT_CREDENTIALS);
  });

  it('the create: 202, 400 (schema, JSON), 401, 403, 415 and 422 from SDRS', async () => {
    // Act
    const accepted = await create(createBody);
    const invalid = await create({ name: 'bad name!', extra: 1 });
    const malformed = await create('{"name":');
    const wrongType = await create('name=x', { headers: { 'content-type': 'text/plain' } });
    const anonymous = await create(createBody, { auth: 'none' });
    const readOnly = await create(createBody, {
      auth: { sub: 'reader', scopes: ['sdrs-bff/protection-groups.read'] },
    });
    const rejected = await create({
      ...createBody,
      domainId: SOLD_OUT_DOMAIN_ID,
      sourceAvailabilityZone: SOLD_OUT_AZ_SOURCE,
      targetAvailabilityZone: SOLD_OUT_AZ_TARGET,
    });

    // Assess
    for (const answer of [accepted, invalid, malformed, wrongType, anonymous, readOnly, rejected]) {
      conforms('post', '/protection-groups', answer);
    }
    expect(
      [accepted, invalid, malformed, wrongType, anonymous, readOnly, rejected].map((a) => a.status),
    ).toEqual([202, 400, 400, 415, 401, 403, 422]);
  });

  it('a job in every state: pending, running, succeeded, failed; 404 and 400', async () => {
    // Prepare
    const ok = (await create(createBody)).body.jobId;
    const failing = (await create({ ...createBody, name: 'fail-contract' })).body.jobId;

    // Act
    const states = [await poll(ok), await poll(ok), await poll(ok)];
    await poll(failing);
    await poll(failing);
    const failed = await poll(failing);
    const unknown = await poll('f'.repeat(32));
    const malformed = await poll('not_a_job');

    // Assess
    for (const answer of [...states, failed, unknown, malformed]) {
      conforms('get', '/jobs/{jobId}', answer);
    }
    expect([...states, failed].map((a) => a.body.status)).toEqual([
      'pending',
      'running',
      'succeeded',
      'failed',
    ]);
    expect([unknown.status, malformed.status]).toEqual([404, 400]);
  });

  it('the lookups: domains, a page of groups, an invalid query', async () => {
    // Prepare
    upstream.sim.seedGroup({ name: 'pg-a', description: 'with a description' });
    upstream.sim.seedGroup({ name: 'pg-b', status: 'error', health_status: 'abnormal' });

    // Act
    const domainList = await domains();
    const page = await list({ limit: '1' });
    const invalid = await list({ limit: '500', colour: 'red' });

    // Assess
    conforms('get', '/active-domains', domainList);
    conforms('get', '/protection-groups', page);
    conforms('get', '/protection-groups', invalid);
    expect(page.body).toMatchObject({ count: 2, next: 1 });
    expect(invalid.status).toBe(400);
  });

  it('the upstream failures: 429 with Retry-After, 502, 503, 504', async () => {
    // Prepare + Act
    upstream.sim.inject({ route: 'list', kind: 'throttle', retryAfter: 7 });
    const throttled = await list();
    upstream.sim.setCredentials({ ak: 'ROTATEDAK00000000001', sk: 'another-secret-key-000' });
    const authFailed = await domains();
    upstream.sim.setCredentials(DEFAULT_CREDENTIALS);
    upstream.sim.inject({ route: 'job', kind: 'html', status: 503 });
    const unavailable = await poll('a'.repeat(32));
    upstream.sim.inject({ route: 'domains', kind: 'latency', ms: 1500 });
    const timedOut = await domains();

    // Assess
    conforms('get', '/protection-groups', throttled);
    conforms('get', '/active-domains', authFailed);
    conforms('get', '/jobs/{jobId}', unavailable);
    conforms('get', '/active-domains', timedOut);
    expect(throttled.headers['retry-after']).toBe('7');
    expect([throttled, authFailed, unavailable, timedOut].map((a) => a.status)).toEqual([
      429, 502, 503, 504,
    ]);
  });

  it('the checker itself refuses answers the document does not describe', async () => {
    // Prepare
    const jobId = (await create(createBody)).body.jobId;
    const pending = await poll(jobId);
    const invalid = await list({ limit: '0' });

    // Act
    const attempts = [
      () => contract.check('get', '/jobs/{jobId}', { ...pending, body: { ...pending.body, x: 1 } }),
      () => contract.check('get', '/jobs/{jobId}', { ...pending, status: 418 }),
      () =>
        contract.check('get', '/jobs/{jobId}', {
          ...pending,
          body: { ...pending.body, status: 'queued' },
        }),
      () =>
        contract.check('get', '/protection-groups', {
          ...invalid,
          headers: { ...invalid.headers, 'retry-after': '1' },
        }),
      () =>
        contract.check('get', '/protection-groups', {
          ...invalid,
          body: { ...invalid.body, code: 'JOB_NOT_FOUND' },
        }),
      () => {
        const { 'x-request-id': _, ...headers } = pending.headers;
        contract.check('get', '/jobs/{jobId}', { ...pending, headers });
      },
    ];

    // Assess
    for (const attempt of attempts) expect(attempt).toThrow();
  });

  it('covered the answers it meant to', () => {
    // Assess: a guard that the checks above really ran (one line per answer checked).
    expect(seen).toHaveLength(7 + 6 + 3 + 4);
  });
});
