import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as createHandler } from '../../handlers/create-protection-group.js';
import { handler } from '../../handlers/get-job.js';
import { sdrsClient } from '../../lib/dependencies.js';
import { POLL_AFTER_SECONDS } from '../../lib/lookups/jobs.js';
import { JOB_FAIL_CODE } from '../../simulator/index.js';
import { createRequestBody } from '../support/create-body.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { invoke } from './support.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const poll = (jobId: string) =>
  invoke(handler, { path: `/jobs/${jobId}`, pathParameters: { jobId } });

describe('GET /jobs/{jobId}', () => {
  let upstream: LocalUpstream;

  async function create(name: string): Promise<string> {
    const accepted = await invoke(createHandler, {
      method: 'POST',
      path: '/protection-groups',
      body: createRequestBody({ name }),
    });
    expect(accepted.status).toBe(202);
    return accepted.body.jobId;
  }

  beforeAll(async () => {
    upstream = await startLocalUpstream();
  });
  afterAll(async () => upstream.close());
  beforeEach(() => upstream.sim.reset());

  it('goes pending → running → succeeded, with Retry-After only while unfinished', async () => {
    // Prepare
    const jobId = await create('pg-job-ok');

    // Act
    const pending = await poll(jobId);
    const running = await poll(jobId);
    const succeeded = await poll(jobId);

    // Assess
    expect([pending.status, running.status, succeeded.status]).toEqual([200, 200, 200]);
    expect(pending.body).toEqual({
      jobId,
      status: 'pending',
      createdAt: expect.stringMatching(ISO),
    });
    expect(pending.headers['retry-after']).toBe(String(POLL_AFTER_SECONDS.pending));
    expect(running.body).toEqual({ jobId, status: 'running', createdAt: pending.body.createdAt });
    expect(running.headers['retry-after']).toBe(String(POLL_AFTER_SECONDS.running));
    expect(succeeded.body).toEqual({
      jobId,
      status: 'succeeded',
      protectionGroupId: expect.any(String),
      createdAt: pending.body.createdAt,
      finishedAt: expect.stringMatching(ISO),
    });
    expect(succeeded.headers).not.toHaveProperty('retry-after');
    expect(succeeded.headers['cache-control']).toBe('no-store');
    const page = (await sdrsClient().listProtectionGroups({})).value as {
      server_groups: { id: string; name: string }[];
    };
    const groups = page.server_groups;
    expect(groups.find((g) => g.id === succeeded.body.protectionGroupId)?.name).toBe('pg-job-ok');
  });

  it('reports a failed job with a problem object carrying the sanitised upstream reason', async () => {
    // Prepare
    const jobId = await create('fail-pg-job');
    await poll(jobId);
    await poll(jobId);

    // Act
    const failed = await poll(jobId);

    // Assess
    expect(failed.status).toBe(200);
    expect(failed.headers).not.toHaveProperty('retry-after');
    expect(failed.body).toEqual({
      jobId,
      status: 'failed',
      protectionGroupId: expect.any(String),
      createdAt: expect.stringMatching(ISO),
      finishedAt: expect.stringMatching(ISO),
      problem: {
        type: expect.stringMatching(/\/upstream-job-failed$/),
        title: 'The SDRS job failed',
        status: 422,
        detail:
          'SDRS could not complete the job: Failed to create the protection group: no resources available in the DR site',
        code: 'UPSTREAM_JOB_FAILED',
        retryable: false,
        upstream: {
          code: JOB_FAIL_CODE,
          message: 'Failed to create the protection group: no resources available in the DR site',
        },
      },
    });
  });

  it('strips markup and control characters from a failure reason', async () => {
    // Prepare
    const jobId = 'a'.repeat(32);
    upstream.sim.inject({
      route: 'job',
      kind: 'answer',
      status: 200,
      body: {
        status: 'FAIL',
        job_id: jobId,
        error_code: 'SDRS.1014',
        fail_reason: '<script>alert(1)</script>quota\u0000 exceeded',
        entities: {},
      },
    });

    // Act
    const failed = await poll(jobId);

    // Assess
    expect(failed.body.problem.upstream).toEqual({
      code: 'SDRS.1014',
      message: 'alert(1) quota exceeded',
    });
  });

  it.each([['PAUSED'], [undefined], [42]])(
    'treats upstream status %s as running and asks the caller to keep polling',
    async (status) => {
      // Prepare
      const jobId = 'b'.repeat(32);
      upstream.sim.inject({
        route: 'job',
        kind: 'answer',
        status: 200,
        body: { ...(status !== undefined && { status }), job_id: jobId, entities: {} },
      });

      // Act
      const answer = await poll(jobId);

      // Assess
      expect(answer.body).toEqual({ jobId, status: 'running' });
      expect(answer.headers['retry-after']).toBe(String(POLL_AFTER_SECONDS.running));
    },
  );

  it.each([
    ['too long', 'a'.repeat(65)],
    ['a dot segment', '..'],
    ['a slash', 'abc/def'],
    ['a space', 'abc def'],
    ['a query', 'abc?x=1'],
    ['an underscore', 'abc_def'],
    ['empty', ''],
  ])(
    'answers 400 VALIDATION_FAILED for a job id that is %s, without calling SDRS',
    async (_, jobId) => {
      // Act
      const answer = await poll(jobId);

      // Assess
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(answer.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ pointer: '#/jobId', detail: 'must be 1 to 64 letters, digits or "-"' }],
      });
      expect(upstream.sim.requests()).toHaveLength(0);
    },
  );

  it('accepts a 64-character id with dashes', async () => {
    // Act
    const answer = await poll(`${'e'.repeat(31)}-${'F'.repeat(32)}`);

    // Assess: it reached SDRS, which does not know it.
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('JOB_NOT_FOUND');
    expect(upstream.sim.requests()).toHaveLength(1);
  });
});
