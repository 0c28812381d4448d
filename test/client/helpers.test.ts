/**
 * The typed client's helpers against scripted answers over real HTTP: the create resends with the
 * same key after exactly `Retry-After`, stops on what retrying cannot fix, and `waitForJob` polls
 * at the API's pace, reports progress and stops when aborted. The clock is a recorder, so no test
 * waits for real.
 */
import {
  type AnyProblem,
  createProtectionGroup,
  createSdrsBffClient,
  type Job,
  SdrsBffError,
  waitForJob,
} from '@sdrs-bff/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestBody } from '../support/create-body.js';
import { problemBody, type ScriptedServer, startScriptedServer } from './scripted-server.js';

const body = createRequestBody({ name: 'pg-client-01' });
const accepted = { jobId: 'job-1', status: 'pending', statusUrl: '/jobs/job-1' };
let server: ScriptedServer | undefined;

afterEach(async () => server?.close());

/** A clock that records every wait instead of waiting. */
function recordingClock() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

async function failureOf(promise: Promise<unknown>): Promise<SdrsBffError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SdrsBffError)) throw new Error(`expected an SdrsBffError, got ${error}`);
  return error;
}

describe('createProtectionGroup', () => {
  it('resends after 503, 409 in progress and a gateway 429, with the same key, after Retry-After', async () => {
    // Prepare
    server = await startScriptedServer([
      {
        status: 503,
        headers: { 'retry-after': '3' },
        body: problemBody('IDEMPOTENCY_STORE_UNAVAILABLE', 503, true),
      },
      {
        status: 409,
        headers: { 'retry-after': '1' },
        body: problemBody('IDEMPOTENCY_IN_PROGRESS', 409, true),
      },
      { status: 429, body: { message: 'Too Many Requests' } },
      { status: 202, headers: { 'idempotent-replayed': 'true' }, body: accepted },
    ]);
    const clock = recordingClock();
    const api = createSdrsBffClient({ baseUrl: server.url, accessToken: () => 'token-1' });

    // Act
    const created = await createProtectionGroup(api, body, { sleep: clock.sleep });

    // Assess
    expect(created).toMatchObject({ job: accepted, replayed: true, attempts: 4 });
    expect(created.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    const keys = server.received.map((r) => r.headers['idempotency-key']);
    expect(keys).toEqual(Array(4).fill(created.idempotencyKey));
    expect(server.received.every((r) => r.body === JSON.stringify(body))).toBe(true);
    expect(server.received[0]?.headers.authorization).toBe('Bearer token-1');
    expect(clock.waits).toEqual([3000, 1000, 2000]); // the gateway's 429 has no Retry-After
  });

  it('keeps a key it is given', async () => {
    // Prepare
    server = await startScriptedServer([{ status: 202, body: accepted }]);
    const api = createSdrsBffClient({ baseUrl: server.url });

    // Act
    const created = await createProtectionGroup(api, body, { idempotencyKey: 'my-key-0001' });

    // Assess
    expect(created.idempotencyKey).toBe('my-key-0001');
    expect(server.received[0]?.headers['idempotency-key']).toBe('my-key-0001');
  });

  it.each([
    [422, problemBody('UPSTREAM_REJECTED', 422, false)],
    [409, problemBody('UPSTREAM_CONFLICT', 409, false)],
    [400, problemBody('VALIDATION_FAILED', 400, false)],
  ])('does not resend a %i %s: retrying cannot fix it', async (status, problem) => {
    // Prepare
    server = await startScriptedServer([{ status, body: problem }]);
    const clock = recordingClock();
    const api = createSdrsBffClient({ baseUrl: server.url });

    // Act
    const error = await failureOf(createProtectionGroup(api, body, { sleep: clock.sleep }));

    // Assess
    expect(error.status).toBe(status);
    expect(error.problem?.code).toBe(problem.code);
    expect(server.received).toHaveLength(1);
    expect(clock.waits).toEqual([]);
  });

  it('gives up after maxAttempts and throws the last answer', async () => {
    // Prepare
    const throttled = {
      status: 429,
      headers: { 'retry-after': '5' },
      body: problemBody('UPSTREAM_THROTTLED', 429, true),
    };
    server = await startScriptedServer([throttled, throttled]);
    const clock = recordingClock();
    const api = createSdrsBffClient({ baseUrl: server.url });

    // Act
    const error = await failureOf(
      createProtectionGroup(api, body, { maxAttempts: 2, sleep: clock.sleep }),
    );

    // Assess
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 5, requestId: 'req-2' });
    expect(clock.waits).toEqual([5000]);
  });
});

describe('waitForJob', () => {
  const job = (status: Job['status']) => ({
    jobId: 'job-1',
    status,
    createdAt: '2026-12-04T00:00:00Z',
  });

  it('polls at the Retry-After pace until the job ends, reporting every state', async () => {
    // Prepare
    server = await startScriptedServer([
      { status: 200, headers: { 'retry-after': '2' }, body: job('pending') },
      {
        status: 503,
        headers: { 'retry-after': '7' },
        body: problemBody('UPSTREAM_UNAVAILABLE', 503, true),
      },
      { status: 200, headers: { 'retry-after': '1' }, body: job('running') },
      { status: 200, body: { ...job('succeeded'), protectionGroupId: 'pg-1' } },
    ]);
    const clock = recordingClock();
    const seen: string[] = [];
    const api = createSdrsBffClient({ baseUrl: server.url });

    // Act
    const done = await waitForJob(api, 'job-1', {
      sleep: clock.sleep,
      onProgress: (j) => seen.push(j.status),
    });

    // Assess
    expect(done.status).toBe('succeeded');
    expect(seen).toEqual(['pending', 'running', 'succeeded']);
    expect(clock.waits).toEqual([2000, 7000, 1000]);
    expect(server.received.map((r) => r.url)).toEqual(Array(4).fill('/jobs/job-1'));
  });

  it('throws what polling again cannot change (404 JOB_NOT_FOUND)', async () => {
    // Prepare
    server = await startScriptedServer([
      { status: 404, body: problemBody('JOB_NOT_FOUND', 404, false) },
    ]);
    const api = createSdrsBffClient({ baseUrl: server.url });

    // Act
    const error = await failureOf(waitForJob(api, 'job-1', { sleep: recordingClock().sleep }));

    // Assess
    const problem: AnyProblem | undefined = error.problem;
    expect(problem?.code).toBe('JOB_NOT_FOUND');
  });

  it('stops when the signal is aborted, without another poll', async () => {
    // Prepare
    server = await startScriptedServer([
      { status: 200, headers: { 'retry-after': '1' }, body: job('pending') },
      { status: 200, body: job('succeeded') },
    ]);
    const controller = new AbortController();
    const api = createSdrsBffClient({ baseUrl: server.url });

    // Act
    const outcome = await waitForJob(api, 'job-1', {
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('user left the page')),
    }).catch((error: unknown) => error);

    // Assess
    expect(outcome).toEqual(new Error('user left the page'));
    expect(server.received).toHaveLength(1);
  });
});
