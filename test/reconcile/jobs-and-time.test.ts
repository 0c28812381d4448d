import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler } from '../../handlers/reconcile.js';
import { ReconcileIncompleteError } from '../../lib/reconcile/errors.js';
import type { RunReport } from '../../lib/reconcile/report.js';
import { NULL_JOB, sdrsError } from '../../simulator/index.js';
import { lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { desired } from './fixtures.js';

vi.hoisted(() => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
});

const SETTINGS = {
  SDRS_TIMEOUT_MS: '1000',
  RECONCILE_TIME_RESERVE_MS: '0',
  RECONCILE_JOB_POLL_INTERVAL_MS: '100',
};

describe('reconcile with waitForJobs (jobs end after three polls)', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    upstream = await startLocalUpstream({}, { ...SETTINGS, RECONCILE_RATE_PER_SECOND: '50' });
  });
  afterAll(async () => {
    await upstream.close();
  });

  it('reports succeeded with the group id, and failed with the job’s problem', async () => {
    // Prepare
    const { sim } = upstream;
    sim.inject({ route: 'job', kind: 'throttle', retryAfter: 1 });
    const input = {
      waitForJobs: true,
      protectionGroups: [desired('pg-ok-1'), desired('fail-capacity'), desired('pg-ok-2')],
    };

    // Act
    const report = (await handler(input, lambdaContext(60_000))) as RunReport;

    // Assess
    expect(report.complete).toBe(true);
    expect(report.totals).toMatchObject({ succeeded: 2, failed: 1, created: 0, running: 0 });
    expect(report.items[0]).toMatchObject({
      outcome: 'succeeded',
      jobId: expect.any(String),
      protectionGroupId: expect.any(String),
    });
    expect(report.items[1]).toMatchObject({
      outcome: 'failed',
      jobId: expect.any(String),
      problem: { code: 'UPSTREAM_JOB_FAILED', retryable: false, upstream: { code: 'SDRS.1014' } },
    });
    expect(report.upstream.throttled).toBe(1);
    expect(report.upstream.requests).toBe(sim.requests().length);
  });
});

describe('reconcile when SDRS no longer knows a job it accepted', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    upstream = await startLocalUpstream({}, { ...SETTINGS, RECONCILE_RATE_PER_SECOND: '50' });
  });
  afterAll(async () => {
    await upstream.close();
  });

  it.each([
    ['500 SDRS.0408 (as documented)', 500],
    ['404 SDRS.0408', 404],
  ])('reports the entry job-not-found for %s, polled once, without failing', async (_, status) => {
    // Prepare: every job poll gets SDRS's "Null job".
    const { sim } = upstream;
    sim.reset();
    sim.inject({
      route: 'job',
      kind: 'answer',
      status,
      body: sdrsError(NULL_JOB.code, NULL_JOB.message),
      times: Number.POSITIVE_INFINITY,
    });
    const input = { waitForJobs: true, protectionGroups: [desired('pg-forgotten')] };

    // Act
    const report = (await handler(input, lambdaContext(60_000))) as RunReport;

    // Assess
    expect(report.complete).toBe(true);
    expect(report.totals).toMatchObject({ 'job-not-found': 1, running: 0, failed: 0 });
    expect(report.items).toEqual([
      {
        index: 0,
        name: 'pg-forgotten',
        outcome: 'job-not-found',
        jobId: expect.any(String),
        problem: expect.objectContaining({
          code: 'JOB_NOT_FOUND',
          status: 404,
          retryable: false,
          upstream: expect.objectContaining({ status, code: 'SDRS.0408' }),
        }),
      },
    ]);
    expect(sim.requests().filter((r) => r.route === 'job')).toHaveLength(1);
  });
});

describe('reconcile when the invocation runs out of time', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    // Jobs that take ten minutes: polling cannot see them end.
    upstream = await startLocalUpstream(
      { jobStepMs: 600_000 },
      { ...SETTINGS, RECONCILE_RATE_PER_SECOND: '2' },
    );
  });
  afterAll(async () => {
    await upstream.close();
  });

  it('reports jobs still running as running, without failing the invocation', async () => {
    // Prepare
    const input = { waitForJobs: true, protectionGroups: [desired('pg-slow')] };

    // Act: 2.5 s left, minus one SDRS timeout (1 s) = 1.5 s of work.
    const report = (await handler(input, lambdaContext(2500))) as RunReport;

    // Assess
    expect(report.complete).toBe(true);
    expect(report.items).toEqual([
      { index: 0, name: 'pg-slow', outcome: 'running', jobId: expect.any(String) },
    ]);
    expect(upstream.sim.requests().filter((r) => r.route === 'job').length).toBeGreaterThan(0);
  });

  it('defers what it cannot start in time, then throws so that a retry finishes the list', async () => {
    // Prepare
    const { sim } = upstream;
    sim.reset();
    const names = Array.from({ length: 6 }, (_, i) => `pg-late-${i}`);

    // Act: 2/s leaves room for the list and a few creates in 1.2 s of work.
    const error = await handler(
      { protectionGroups: names.map((name) => desired(name)) },
      lambdaContext(2200),
    ).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(ReconcileIncompleteError);
    const { totals } = (error as ReconcileIncompleteError).report;
    expect(totals.created).toBeGreaterThan(0);
    expect(totals.deferred).toBeGreaterThan(0);
    expect(totals.created + totals.deferred).toBe(6);
    expect(sim.acceptedCreates()).toBe(totals.created);
  });
});
