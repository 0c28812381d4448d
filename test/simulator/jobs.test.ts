import { afterEach, describe, expect, it } from 'vitest';
import { JOB_FAIL_CODE, type SdrsSimulator, startSimulator } from '../../simulator/index.js';
import { createBody, send } from './client.js';

let sim: SdrsSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function startCreate(s: SdrsSimulator, name: string): Promise<string> {
  const res = await send(s, { method: 'POST', path: '/server-groups', body: createBody({ name }) });
  return (res.json as { job_id: string }).job_id;
}

async function poll(s: SdrsSimulator, jobId: string) {
  const res = await send(s, { path: `/jobs/${jobId}` });
  return res.json as Record<string, unknown> & {
    status: string;
    entities: Record<string, unknown>;
  };
}

async function groupStatuses(s: SdrsSimulator): Promise<string[]> {
  const res = await send(s, { path: '/server-groups' });
  return (res.json as { server_groups: { status: string }[] }).server_groups.map((g) => g.status);
}

describe('GET /jobs/{job_id}', () => {
  it('goes INIT → RUNNING → SUCCESS, one step per poll, and the group becomes available', async () => {
    // Prepare
    sim = await startSimulator();
    const jobId = await startCreate(sim, 'pg-ok');

    // Act
    const first = await poll(sim, jobId);
    const second = await poll(sim, jobId);
    const statusBefore = await groupStatuses(sim);
    const third = await poll(sim, jobId);
    const fourth = await poll(sim, jobId);

    // Assess
    expect([first.status, second.status, third.status, fourth.status]).toEqual([
      'INIT',
      'RUNNING',
      'SUCCESS',
      'SUCCESS',
    ]);
    expect(statusBefore).toEqual(['creating']);
    expect(first).toEqual({
      status: 'INIT',
      entities: { sub_jobs: [] },
      job_id: jobId,
      job_type: 'createProtectionGroupNoCG',
      begin_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      end_time: null,
      error_code: null,
      fail_reason: null,
    });
    const groupId = third.entities.server_group_id as string;
    expect(groupId).toMatch(/^[0-9a-f-]{36}$/);
    expect(third.end_time).toEqual(expect.any(String));
    const show = await send(sim, { path: `/server-groups/${groupId}` });
    expect(show.json).toMatchObject({
      // As the documented example of an available group: progress 0, protection_type named.
      server_group: {
        id: groupId,
        status: 'available',
        progress: 0,
        protection_type: 'replication-pair',
      },
    });
  });

  it('ends FAIL with SDRS.1014 for a name starting with fail-, and the group is in error', async () => {
    // Prepare
    sim = await startSimulator();
    const jobId = await startCreate(sim, 'fail-pg');

    // Act
    await poll(sim, jobId);
    await poll(sim, jobId);
    const last = await poll(sim, jobId);

    // Assess
    expect(last).toMatchObject({
      status: 'FAIL',
      error_code: JOB_FAIL_CODE,
      fail_reason: expect.any(String),
      end_time: expect.any(String),
    });
    expect(await groupStatuses(sim)).toEqual(['error']);
  });

  it('advances by elapsed time when jobStepMs is set', async () => {
    // Prepare
    sim = await startSimulator({ jobStepMs: 40 });
    const jobId = await startCreate(sim, 'pg-timed');

    // Act
    const atOnce = await poll(sim, jobId);
    const again = await poll(sim, jobId);
    await new Promise((r) => setTimeout(r, 100));
    const statuses = await groupStatuses(sim);
    const later = await poll(sim, jobId);

    // Assess
    expect([atOnce.status, again.status]).toEqual(['INIT', 'INIT']);
    expect(statuses).toEqual(['available']);
    expect(later.status).toBe('SUCCESS');
  });

  it('answers an unknown job id 500 SDRS.0408 "Null job", as the SDRS error table lists it', async () => {
    // Prepare
    sim = await startSimulator();

    // Act
    const res = await send(sim, { path: `/jobs/${'0'.repeat(32)}` });

    // Assess
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: { code: 'SDRS.0408', message: 'Null job' } });
  });
});
