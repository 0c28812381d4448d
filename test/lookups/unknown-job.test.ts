/**
 * A job SDRS does not know, in every shape a real deployment may answer it: SDRS's error table
 * lists `SDRS.0408` "Null job" at HTTP 500 (the simulator's default answer), and a 404 is kept.
 * Both become 404 `JOB_NOT_FOUND` — never a retryable 502 that makes a front end poll forever.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../handlers/get-job.js';
import { sdrsError } from '../../simulator/index.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { invoke } from './support.js';

const poll = (jobId: string) =>
  invoke(handler, { path: `/jobs/${jobId}`, pathParameters: { jobId } });

describe('GET /jobs/{jobId} of a job SDRS does not know', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    upstream = await startLocalUpstream();
  });
  afterAll(async () => upstream.close());
  beforeEach(() => upstream.sim.reset());

  it('answers 404 JOB_NOT_FOUND for the documented 500 SDRS.0408, polling SDRS once', async () => {
    // Prepare: nothing; the simulator answers an unknown id as SDRS documents it.
    const jobId = 'c'.repeat(32);

    // Act
    const answer = await poll(jobId);

    // Assess
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers).not.toHaveProperty('retry-after');
    expect(answer.body).toMatchObject({
      status: 404,
      code: 'JOB_NOT_FOUND',
      retryable: false,
      detail: `SDRS knows no job with the id ${jobId}.`,
      upstream: { status: 500, code: 'SDRS.0408', message: 'Null job' },
    });
    expect(upstream.sim.requests().map((r) => r.status)).toEqual([500]);
  });

  it.each([
    ['404 SDRS.0408', 404, sdrsError('SDRS.0408', 'Null job')],
    ['400 SDRS.0408 under itemNotFound', 400, sdrsError('SDRS.0408', 'Null job', 'itemNotFound')],
    ['404 with another SDRS code', 404, sdrsError('SDRS.1013', 'Not found', 'itemNotFound')],
    ['404 with no body', 404, ''],
  ])('answers 404 JOB_NOT_FOUND for %s', async (_, status, body) => {
    // Prepare
    upstream.sim.inject({ route: 'job', kind: 'answer', status, body });

    // Act
    const answer = await poll('d'.repeat(32));

    // Assess
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: 'JOB_NOT_FOUND', upstream: { status } });
  });

  it('keeps any other 500 a retryable 502 UPSTREAM_UNAVAILABLE: the job may exist', async () => {
    // Prepare
    upstream.sim.inject({
      route: 'job',
      kind: 'answer',
      status: 500,
      body: sdrsError('SDRS.0403', 'Failed to query the job context'),
    });

    // Act
    const answer = await poll('e'.repeat(32));

    // Assess
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
      upstream: { status: 500, code: 'SDRS.0403' },
    });
  });

  it('keeps a gateway 404 (wrong endpoint) as 502 UPSTREAM_UNAVAILABLE, not an unknown job', async () => {
    // Prepare
    upstream.sim.inject({
      route: 'job',
      kind: 'answer',
      status: 404,
      body: { error_code: 'APIGW.0101', error_msg: 'The API does not exist', request_id: 'r' },
    });

    // Act
    const answer = await poll('f'.repeat(32));

    // Assess
    expect(answer.status).toBe(502);
    expect(answer.body.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
