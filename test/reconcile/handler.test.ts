import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../handlers/reconcile.js';
import { RequestValidationError } from '../../lib/problems/errors.js';
import { ReconcileIncompleteError } from '../../lib/reconcile/errors.js';
import type { RunReport } from '../../lib/reconcile/report.js';
import { lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { desired, existingFields } from './fixtures.js';

vi.hoisted(() => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true'; // report-log.test.ts checks the metrics
});

/** Runs the handler; resolves with its report, or with the error it threw. */
async function invoke(event: unknown): Promise<RunReport | Error> {
  try {
    return await handler(event, lambdaContext(60_000));
  } catch (error) {
    return error as Error;
  }
}

describe('reconcile handler', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    upstream = await startLocalUpstream(
      {},
      { SDRS_TIMEOUT_MS: '1000', RECONCILE_RATE_PER_SECOND: '50', RECONCILE_TIME_RESERVE_MS: '0' },
    );
  });
  beforeEach(() => {
    upstream.sim.reset();
  });
  afterAll(async () => {
    await upstream.close();
  });

  it('with dryRun creates nothing and reports what it would create', async () => {
    // Prepare
    upstream.sim.seedGroup(existingFields('pg-have'));
    const input = {
      dryRun: true,
      protectionGroups: [desired('pg-have'), desired('pg-new-1'), desired('pg-new-2')],
    };

    // Act
    const report = await invoke(input);

    // Assess
    expect(upstream.sim.requests().every((r) => r.route === 'list')).toBe(true);
    expect(upstream.sim.acceptedCreates()).toBe(0);
    expect(report).toMatchObject({
      dryRun: true,
      complete: true,
      totals: { planned: 2, exists: 1, created: 0 },
      items: [
        { index: 0, outcome: 'exists' },
        { index: 1, name: 'pg-new-1', outcome: 'planned' },
        { index: 2, name: 'pg-new-2', outcome: 'planned' },
      ],
    });
  });

  it('lets the next run decide about an uncertain create: it exists, nothing is sent twice', async () => {
    // Prepare
    const { sim } = upstream;
    sim.inject({ route: 'create', kind: 'reset', afterAccept: true });
    const input = { protectionGroups: [desired('pg-a')] };
    const first = await invoke(input);

    // Act
    const retry = await invoke(input);

    // Assess
    expect(first).toBeInstanceOf(ReconcileIncompleteError);
    expect(retry).toMatchObject({ complete: true, items: [{ outcome: 'exists' }] });
    expect(sim.acceptedCreates()).toBe(1);
    expect(sim.requests().filter((r) => r.route === 'create')).toHaveLength(1);
  });

  it('does not throw for invalid entries, drift, duplicates or a refused create', async () => {
    // Prepare
    upstream.sim.seedGroup({ ...existingFields('pg-drift'), source_vpc_id: 'vpc-other' });
    const input = {
      protectionGroups: [
        { name: '' },
        desired('pg-drift'),
        desired('pg-drift'),
        desired('pg-soldout', { domainId: 'no-such-domain' }),
      ],
    };

    // Act
    const report = await invoke(input);

    // Assess
    expect(report).toMatchObject({
      complete: true,
      totals: { invalid: 1, drift: 1, duplicate: 1, failed: 1 },
    });
    const failed = (report as RunReport).items[3];
    expect(failed).toMatchObject({
      outcome: 'failed',
      problem: { code: 'UPSTREAM_REJECTED', retryable: false, upstream: { status: 400 } },
    });
  });

  it('throws after reporting when the existing groups cannot be read; nothing is created', async () => {
    // Prepare
    const { sim } = upstream;
    sim.inject({ route: 'list', kind: 'html', status: 500 });
    const input = { protectionGroups: [desired('pg-a'), { name: 'bad name' }] };

    // Act
    const result = await invoke(input);

    // Assess
    expect(result).toBeInstanceOf(ReconcileIncompleteError);
    const report = (result as ReconcileIncompleteError).report;
    expect(report.problem).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(report.totals).toMatchObject({ deferred: 1, invalid: 1 });
    expect(sim.acceptedCreates()).toBe(0);
  });

  it('waits out throttled list pages and reads every page', async () => {
    // Prepare
    const { sim } = upstream;
    for (let i = 0; i < 7; i++) sim.seedGroup(existingFields(`pg-have-${i}`));
    sim.inject({ route: 'list', kind: 'throttle', retryAfter: 1, times: 2 });
    process.env.RECONCILE_LIST_PAGE_SIZE = '3';
    const names = Array.from({ length: 7 }, (_, i) => `pg-have-${i}`);

    // Act
    const report = await invoke({ protectionGroups: names.map((name) => desired(name)) });
    delete process.env.RECONCILE_LIST_PAGE_SIZE;

    // Assess
    expect(report).toMatchObject({ complete: true, totals: { exists: 7 } });
    const lists = sim.requests().filter((r) => r.route === 'list');
    expect(lists.map((r) => r.status)).toEqual([429, 429, 200, 200, 200]);
    expect((report as RunReport).upstream).toMatchObject({ requests: 5, throttled: 2 });
  });

  it('rejects an input that is not { protectionGroups: [...] } without calling SDRS', async () => {
    // Prepare
    const scheduledEvent = { version: '0', 'detail-type': 'Scheduled Event', detail: {} };

    // Act
    const result = await invoke(scheduledEvent);

    // Assess
    expect(result).toBeInstanceOf(RequestValidationError);
    expect((result as RequestValidationError).errors?.map((e) => e.pointer)).toEqual([
      '#/version',
      '#/detail-type',
      '#/detail',
      '#/protectionGroups',
    ]);
    expect(upstream.sim.requests()).toHaveLength(0);
  });
});
