import { describe, expect, it } from 'vitest';
import { MAX_REPORT_LINE_BYTES, reportForLog } from '../../lib/reconcile/lambda.js';
import { outcomeMetricName } from '../../lib/reconcile/metrics.js';
import { countOutcomes, type ReportEntry, type RunReport } from '../../lib/reconcile/report.js';
import { formatSummary } from '../../lib/reconcile/summary.js';

function report(items: ReportEntry[]): RunReport {
  return {
    runId: 'run-1',
    dryRun: false,
    waitForJobs: false,
    startedAt: '2026-11-27T00:00:00.000Z',
    durationMs: 1234,
    complete: true,
    totals: countOutcomes(items),
    upstream: { requests: 3, throttled: 1, ratePerSecond: 10, concurrency: 4 },
    items,
  };
}

const invalid = (index: number): ReportEntry => ({
  index,
  name: `pg-${'x'.repeat(90)}-${index}`,
  outcome: 'invalid',
  errors: Array.from({ length: 5 }, (_, k) => ({
    pointer: `#/protectionGroups/${index}/field${k}`,
    detail: 'must match pattern "^[A-Za-z0-9._-]+$" and be at most 64 bytes long',
  })),
});

describe('the report log line', () => {
  it('carries the whole report when it fits', () => {
    // Prepare
    const small = report([{ index: 0, name: 'pg-a', outcome: 'created', jobId: 'j1' }]);

    // Act
    const logged = reportForLog(small);

    // Assess
    expect(logged).toBe(small);
  });

  it('stays under the log event limit: routine entries go first, then it is cut and says so', () => {
    // Prepare
    const created = Array.from(
      { length: 400 },
      (_, i): ReportEntry => ({
        index: i,
        name: `pg-created-${i}`,
        outcome: 'created',
        jobId: 'f'.repeat(32),
      }),
    );
    const big = report([...created, ...Array.from({ length: 600 }, (_, i) => invalid(400 + i))]);

    // Act
    const logged = reportForLog(big);

    // Assess
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(MAX_REPORT_LINE_BYTES);
    expect(Buffer.byteLength(JSON.stringify(logged))).toBeLessThanOrEqual(MAX_REPORT_LINE_BYTES);
    expect(logged.items.every((item) => item.outcome === 'invalid')).toBe(true);
    expect(logged.itemsOmitted).toBe(1000 - logged.items.length);
    expect(logged.totals).toEqual(big.totals);
  });
});

describe('formatSummary', () => {
  it('shows the counts and one line per entry that needs a look', () => {
    // Prepare
    const summary = report([
      { index: 0, name: 'pg-a', outcome: 'created', jobId: 'j1' },
      {
        index: 1,
        name: 'pg-b',
        outcome: 'drift',
        protectionGroupId: 'g1',
        status: 'available',
        differences: [{ field: 'sourceVpcId', desired: 'vpc-1', actual: 'vpc-2' }],
      },
      { index: 2, name: 'pg-a', outcome: 'duplicate', firstIndex: 0 },
    ]);

    // Act
    const text = formatSummary(summary);

    // Assess
    expect(text).toContain('3 entries in 1.2 s');
    expect(text).toMatch(/created\s+1\n/);
    expect(text).toContain('#1 pg-b: sourceVpcId is "vpc-2", desired "vpc-1"');
    expect(text).toContain('#2 pg-a: repeats the name of #0; not created twice');
    expect(text).toMatch(/Complete\.\n$/);
  });

  it('says of a job SDRS no longer knows that the next run decides, and names its metric', () => {
    // Prepare
    const gone = report([
      {
        index: 0,
        name: 'pg-a',
        outcome: 'job-not-found',
        jobId: 'j1',
        problem: {
          type: 'https://sdrs-bff.invalid/problems/job-not-found',
          title: 'Unknown job',
          status: 404,
          code: 'JOB_NOT_FOUND',
          retryable: false,
          detail: 'SDRS knows no job with the id j1.',
          upstream: { status: 500, code: 'SDRS.0408', message: 'Null job' },
        },
      },
    ]);

    // Act
    const text = formatSummary(gone);

    // Assess
    expect(text).toMatch(/ {2}job-not-found {5}1\n/);
    expect(text).toContain(
      "#0 pg-a: SDRS knows no job j1 (JOB_NOT_FOUND SDRS.0408: Null job); the next run's listing shows whether the group exists",
    );
    expect(outcomeMetricName('job-not-found')).toBe('ReconcileJobNotFound');
    expect(outcomeMetricName('created')).toBe('ReconcileCreated');
  });

  it('counts in words a person reads: 1 entry, 1 request', () => {
    // Prepare
    const one = report([{ index: 0, name: 'pg-a', outcome: 'created', jobId: 'j1' }]);
    const single = { ...one, upstream: { ...one.upstream, requests: 1 } };

    // Act
    const text = formatSummary(single);

    // Assess
    expect(text).toContain('1 entry in');
    expect(text).toContain('upstream: 1 request,');
  });
});
